import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountDocument, CreateApiTokenDocument, RevokeApiTokenDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { AccountRoute } from '../routes/account';

const token = (id: string, name: string) => ({
  __typename: 'ApiToken' as const,
  id,
  name,
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

    await user.click(within(section).getByRole('button', { name: 'Révoquer Sage' }));
    await vi.waitFor(() =>
      expect(within(section).queryByText('Sage', { selector: 'strong' })).not.toBeInTheDocument(),
    );
    expect(within(section).getByText('Comptabilité', { selector: 'strong' })).toBeInTheDocument();
  });
});
