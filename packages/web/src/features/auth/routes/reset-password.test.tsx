import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ResetPasswordDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { ResetPasswordRoute } from './reset-password';

// As Tryton's e-mail writes it (portal_api's links.py): in the fragment, out of access logs.
const path = '/reset-password#email=claire%40martin.fr&token=tok-123';
const variables = { email: 'claire@martin.fr', token: 'tok-123', password: 'Brioche-Kx7!Vqz2' };

/** A password change as the gateway answers it: nothing else to end in these tests. */
const PASSWORD_CHANGED = {
  __typename: 'PasswordChangePayload',
  otherSessionsEnded: 0,
  apiTokensRevoked: 0,
  apiTokensKept: 0,
};

/** `sent` records every resetPassword request, whatever its variables. */
function setup(result: object, at = path) {
  const sent = vi.fn();
  const view = renderRoutes({
    routes: [{ path: '/reset-password', element: <ResetPasswordRoute /> }],
    path: at,
    mocks: [
      {
        request: { query: ResetPasswordDocument, variables: () => true },
        result: (sentVariables: object) => {
          sent(sentVariables);
          return result;
        },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ],
  });
  return { ...view, sent };
}

async function fill(user: ReturnType<typeof setup>['user'], confirm = variables.password) {
  await user.type(screen.getByLabelText('Nouveau mot de passe'), variables.password);
  await user.type(screen.getByLabelText('Confirmez le mot de passe'), confirm);
  await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
}

describe('reset password page (from the e-mail link)', () => {
  it('checks the confirmation before sending anything', async () => {
    const { user, sent } = setup({ data: { resetPassword: PASSWORD_CHANGED } });
    expect(
      screen.getByText('Choisissez le nouveau mot de passe du compte claire@martin.fr.'),
    ).toBeInTheDocument();
    await fill(user, 'something-else');
    expect(
      await screen.findByText('Les deux mots de passe ne correspondent pas.'),
    ).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
  });

  it('sets the password and invites to sign in', async () => {
    const { user, sent } = setup({ data: { resetPassword: PASSWORD_CHANGED } });
    await fill(user);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Votre mot de passe a été modifié.',
    );
    expect(sent).toHaveBeenCalledExactlyOnceWith({ ...variables, revokeApiTokens: false });
    expect(screen.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', '/sign-in');
  });

  it('revokes the API tokens when asked, and says every session ended', async () => {
    const { user, sent } = setup({
      data: {
        resetPassword: { ...PASSWORD_CHANGED, otherSessionsEnded: 2, apiTokensRevoked: 3 },
      },
    });
    await user.click(screen.getByRole('checkbox', { name: /Révoquer aussi tous mes jetons API/ }));
    await fill(user);
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Vos 2 sessions ouvertes ont été fermées.');
    expect(status).toHaveTextContent('Vos 3 jetons API ont été révoqués.');
    expect(sent).toHaveBeenCalledExactlyOnceWith({ ...variables, revokeApiTokens: true });
  });

  it('offers a new link when the token is no longer valid', async () => {
    const { user } = setup(graphqlError('INVALID_TOKEN'));
    await fill(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien n’est plus valide.');
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
      'href',
      '/forgot-password?email=claire%40martin.fr',
    );
  });

  it("shows Tryton's reason when the password is refused", async () => {
    const { user } = setup({
      errors: [
        { message: 'Le mot de passe est trop simple.', extensions: { code: 'INVALID_PASSWORD' } },
      ],
    });
    await fill(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Le mot de passe est trop simple.');
  });

  it('still reads a link sent before the fragment form, from its query string', async () => {
    const { user, sent } = setup(
      { data: { resetPassword: PASSWORD_CHANGED } },
      '/reset-password?token=tok-123&email=claire%40martin.fr',
    );
    await fill(user);
    await screen.findByRole('status');
    expect(sent).toHaveBeenCalledExactlyOnceWith({ ...variables, revokeApiTokens: false });
  });

  it('explains an incomplete link', () => {
    setup({ data: { resetPassword: PASSWORD_CHANGED } }, '/reset-password#token=tok-123');
    expect(screen.getByRole('alert')).toHaveTextContent('Ce lien est incomplet.');
  });
});
