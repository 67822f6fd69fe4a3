import type { MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangePasswordDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { ChangePasswordForm } from './change-password-form';

const current = 'Ancien-mot2passe';
const next = 'Brioche-Kx7!Vqz2';

/** A password change as the gateway answers it: nothing else to end in these tests. */
const PASSWORD_CHANGED = {
  __typename: 'PasswordChangePayload',
  otherSessionsEnded: 0,
  apiTokensRevoked: 0,
  apiTokensKept: 0,
};

function setup(result: object, revokeApiTokens = false) {
  const calls = vi.fn();
  const mocks: MockLink.MockedResponse[] = [
    {
      request: {
        query: ChangePasswordDocument,
        variables: { currentPassword: current, newPassword: next, revokeApiTokens },
      },
      result: (variables: object) => {
        calls(variables);
        return result;
      },
    },
  ];
  const view = renderRoutes({
    routes: [{ path: '/account', element: <ChangePasswordForm /> }],
    path: '/account',
    mocks,
  });
  return { ...view, calls };
}

async function fill(
  user: ReturnType<typeof setup>['user'],
  values: { current?: string; next?: string; confirm?: string } = {},
) {
  const { current: c = current, next: n = next, confirm = n } = values;
  if (c) await user.type(screen.getByLabelText('Mot de passe actuel'), c);
  if (n) await user.type(screen.getByLabelText('Nouveau mot de passe'), n);
  if (confirm) await user.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), confirm);
  await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
}

describe('change password form (account page)', () => {
  it('requires every field', async () => {
    const { user, calls } = setup({ data: { changePassword: PASSWORD_CHANGED } });
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    expect(screen.getByLabelText('Mot de passe actuel')).toHaveFocus();
    expect(calls).not.toHaveBeenCalled();
  });

  it('refuses a confirmation that does not match', async () => {
    const { user, calls } = setup({ data: { changePassword: PASSWORD_CHANGED } });
    await fill(user, { confirm: 'Brioche-Kx7!Vqz3' });
    expect(
      await screen.findByText('Les deux mots de passe ne correspondent pas.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Confirmez le nouveau mot de passe')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(calls).not.toHaveBeenCalled();
  });

  it('refuses a new password shorter than 10 characters', async () => {
    const { user, calls } = setup({ data: { changePassword: PASSWORD_CHANGED } });
    expect(screen.getByText('Au moins 10 caractères.')).toBeInTheDocument();
    await fill(user, { next: 'Court1!' });
    expect(
      await screen.findByText('Le mot de passe doit contenir au moins 10 caractères.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).not.toHaveBeenCalled();
  });

  it('sends the current and new passwords, confirms, and empties the form', async () => {
    const { user, calls } = setup({ data: { changePassword: PASSWORD_CHANGED } });
    await fill(user);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Votre mot de passe a été modifié.',
    );
    expect(calls).toHaveBeenCalledExactlyOnceWith({
      currentPassword: current,
      newPassword: next,
      revokeApiTokens: false,
    });
    expect(screen.getByLabelText('Mot de passe actuel')).toHaveValue('');
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveValue('');
    expect(screen.getByLabelText('Confirmez le nouveau mot de passe')).toHaveValue('');
  });

  it('says which other sessions ended and that the API tokens still work', async () => {
    const { user } = setup({
      data: { changePassword: { ...PASSWORD_CHANGED, otherSessionsEnded: 2, apiTokensKept: 3 } },
    });
    await fill(user);
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Vos 2 sessions ouvertes ailleurs ont été fermées.');
    expect(status).toHaveTextContent('Vos 3 jetons API restent actifs');
  });

  it('revokes every API token when asked, and says so', async () => {
    const { user, calls } = setup(
      {
        data: {
          changePassword: { ...PASSWORD_CHANGED, otherSessionsEnded: 1, apiTokensRevoked: 2 },
        },
      },
      true,
    );
    const revoke = screen.getByRole('checkbox', { name: /Révoquer aussi tous mes jetons API/ });
    expect(revoke).not.toBeChecked();
    await user.click(revoke);
    await fill(user);
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Votre session ouverte ailleurs a été fermée.');
    expect(status).toHaveTextContent('Vos 2 jetons API ont été révoqués.');
    expect(calls).toHaveBeenCalledExactlyOnceWith({
      currentPassword: current,
      newPassword: next,
      revokeApiTokens: true,
    });
    expect(revoke).not.toBeChecked();
  });

  it('marks the current password as wrong on INVALID_CREDENTIALS', async () => {
    const { user } = setup(graphqlError('INVALID_CREDENTIALS'));
    await fill(user);
    expect(await screen.findByText('Le mot de passe actuel est incorrect.')).toBeInTheDocument();
    const field = screen.getByLabelText('Mot de passe actuel');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Le mot de passe actuel est incorrect.');
    expect(field).toHaveFocus();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it("shows Tryton's reason under the new password on INVALID_PASSWORD", async () => {
    const { user } = setup({
      errors: [
        { message: 'Le mot de passe est trop simple.', extensions: { code: 'INVALID_PASSWORD' } },
      ],
    });
    await fill(user);
    expect(await screen.findByText('Le mot de passe est trop simple.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveFocus();
  });

  it('says the service is down when Tryton is unavailable', async () => {
    const { user } = setup(graphqlError('TRYTON_UNAVAILABLE'));
    await fill(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le service est momentanément indisponible.',
    );
  });
});
