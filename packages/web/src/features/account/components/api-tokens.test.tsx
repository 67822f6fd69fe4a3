import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  AccountDocument,
  ChangePasswordDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
} from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { AccountRoute } from '../routes/account';

const token = (id: string, name: string) => ({
  __typename: 'ApiToken' as const,
  id,
  name,
  scopes: null as string[] | null,
  createdAt: '2026-11-02T08:00:00Z',
  lastUsedAt: null,
});

const account = {
  request: { query: AccountDocument },
  result: {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        name: 'Boulangerie Martin',
        email: 'claire@martin.fr',
        emailValidated: false,
        addresses: [],
        contactMechanisms: [],
        defaultDeliveryAddress: null,
        defaultInvoiceAddress: null,
        // An accountant: three scopes, hence three checkboxes.
        scopes: ['INVOICES_READ', 'INVOICES_PAY', 'DOCUMENTS_READ'],
        apiTokens: [token('t1', 'Sage')],
      },
    },
  },
};

describe('API tokens on the account page', () => {
  it('shows a new token once and adds it to the list; revoking removes it', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [
        account,
        {
          request: { query: CreateApiTokenDocument, variables: { name: 'Comptabilité' } },
          result: {
            data: {
              createApiToken: {
                __typename: 'CreateApiTokenPayload',
                token: 'ptk_secret_once',
                apiToken: token('t2', 'Comptabilité'),
              },
            },
          },
        },
        {
          request: { query: RevokeApiTokenDocument, variables: { id: 't1' } },
          result: { data: { revokeApiToken: true } },
        },
      ],
    });
    const section = await screen.findByRole('region', { name: 'Accès API' });
    expect(await within(section).findByText('Sage', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText('Adresse non validée')).toBeInTheDocument();

    await user.type(within(section).getByLabelText('Nom du jeton'), 'Comptabilité');
    await user.click(within(section).getByRole('button', { name: 'Créer un jeton' }));

    expect(await within(section).findByDisplayValue('ptk_secret_once')).toBeInTheDocument();
    expect(within(section).getByText('Comptabilité', { selector: 'strong' })).toBeInTheDocument();

    // Shown once: a button copies it.
    await user.click(within(section).getByRole('button', { name: 'Copier le jeton' }));
    expect(await navigator.clipboard.readText()).toBe('ptk_secret_once');
    expect(within(section).getByText('Jeton copié.')).toHaveAttribute('role', 'status');

    await user.click(within(section).getByRole('button', { name: 'Révoquer Sage' }));
    await vi.waitFor(
      () =>
        expect(within(section).queryByText('Sage', { selector: 'strong' })).not.toBeInTheDocument(),
      { timeout: 5000 },
    );
    expect(within(section).getByText('Comptabilité', { selector: 'strong' })).toBeInTheDocument();
  });

  it('lets the member narrow a token to some of its role’s scopes, all checked at first', async () => {
    const { user } = renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [
        account,
        {
          request: {
            query: CreateApiTokenDocument,
            variables: { name: 'Export compta', scopes: ['INVOICES_READ', 'DOCUMENTS_READ'] },
          },
          result: {
            data: {
              createApiToken: {
                __typename: 'CreateApiTokenPayload',
                token: 'ptk_narrow',
                apiToken: {
                  ...token('t3', 'Export compta'),
                  scopes: ['INVOICES_READ', 'DOCUMENTS_READ'],
                },
              },
            },
          },
        },
      ],
    });
    const section = await screen.findByRole('region', { name: 'Accès API' });
    await within(section).findByText('Sage', { selector: 'strong' });
    const group = within(section).getByRole('group', { name: 'Ce que le jeton permet' });
    expect(group).toHaveAccessibleDescription(/Tout coché : le jeton suit votre rôle/);
    // Only the role's scopes, all checked.
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.getAttribute('value'))).toEqual([
      'INVOICES_READ',
      'INVOICES_PAY',
      'DOCUMENTS_READ',
    ]);
    for (const box of boxes) expect(box).toBeChecked();
    expect(within(group).queryByRole('checkbox', { name: 'Lire les commandes' })).toBeNull();

    // None checked: refused here, nothing sent.
    for (const box of boxes) await user.click(box);
    await user.type(within(section).getByLabelText('Nom du jeton'), 'Export compta');
    await user.click(within(section).getByRole('button', { name: 'Créer un jeton' }));
    expect(within(group).getByRole('alert')).toHaveTextContent('Cochez au moins une permission.');

    await user.click(within(group).getByRole('checkbox', { name: 'Lire les factures' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Lire les documents' }));
    expect(within(group).queryByRole('alert')).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Créer un jeton' }));
    expect(await within(section).findByDisplayValue('ptk_narrow')).toBeInTheDocument();
    expect(
      within(section).getByText('Permet : Lire les factures, Lire les documents'),
    ).toBeInTheDocument();
    // The form is ready for the next token: every scope checked again.
    for (const box of within(group).getAllByRole('checkbox')) expect(box).toBeChecked();
  });

  it('shows the scopes in English', async () => {
    renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      language: 'en',
      mocks: [account],
    });
    const section = await screen.findByRole('region', { name: 'API access' });
    const group = await within(section).findByRole('group', { name: 'What the token allows' });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((b) => b.closest('label')?.textContent),
    ).toEqual(['Read invoices', 'Pay invoices', 'Read documents']);
  });

  it('says why a token cannot be created once the customer holds the maximum', async () => {
    const { user } = renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [
        account,
        {
          request: { query: CreateApiTokenDocument, variables: { name: 'Encore un' } },
          result: graphqlError('TOO_MANY_API_TOKENS', { limit: 20 }),
        },
      ],
    });
    const section = await screen.findByRole('region', { name: 'Accès API' });
    await within(section).findByText('Sage', { selector: 'strong' });
    await user.type(within(section).getByLabelText('Nom du jeton'), 'Encore un');
    await user.click(within(section).getByRole('button', { name: 'Créer un jeton' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Vous avez déjà 20 jetons, le maximum',
    );
  });

  it('empties the list when a password change revokes every token', async () => {
    const { user } = renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [
        account,
        {
          request: {
            query: ChangePasswordDocument,
            variables: {
              currentPassword: 'Ancien-mot2passe',
              newPassword: 'Brioche-Kx7!Vqz2',
              revokeApiTokens: true,
            },
          },
          result: {
            data: {
              changePassword: {
                __typename: 'PasswordChangePayload',
                otherSessionsEnded: 0,
                apiTokensRevoked: 1,
                apiTokensKept: 0,
              },
            },
          },
        },
      ],
    });
    const section = await screen.findByRole('region', { name: 'Accès API' });
    await within(section).findByText('Sage', { selector: 'strong' });
    await user.type(screen.getByLabelText('Mot de passe actuel'), 'Ancien-mot2passe');
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'Brioche-Kx7!Vqz2');
    await user.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), 'Brioche-Kx7!Vqz2');
    await user.click(screen.getByRole('checkbox', { name: /Révoquer aussi tous mes jetons API/ }));
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    await vi.waitFor(
      () =>
        expect(within(section).queryByText('Sage', { selector: 'strong' })).not.toBeInTheDocument(),
      { timeout: 5000 },
    );
    expect(within(section).getByText('Aucun jeton pour le moment.')).toBeInTheDocument();
  });
});
