import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RequestPasswordResetDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { ForgotPasswordRoute } from './forgot-password';

const email = 'claire@martin.fr';

function setup(result: object, path = '/forgot-password') {
  const answer = vi.fn((_variables: { email: string }) => result);
  const view = renderRoutes({
    routes: [
      { path: '/forgot-password', element: <ForgotPasswordRoute /> },
      { path: '/sign-in', element: <h1>Connexion</h1> },
    ],
    path,
    mocks: [
      { request: { query: RequestPasswordResetDocument, variables: { email } }, result: answer },
    ],
  });
  return { ...view, answer };
}

async function submit(user: ReturnType<typeof setup>['user'], value?: string) {
  if (value !== undefined) await user.type(screen.getByLabelText('Adresse e-mail'), value);
  await user.click(screen.getByRole('button', { name: 'Envoyer le lien' }));
}

const sent =
  'Si un compte existe pour claire@martin.fr, un e-mail contenant un lien vient de lui être envoyé.';

describe('forgotten password page', () => {
  it('asks for an address before sending anything', async () => {
    const { user, answer } = setup({ data: { requestPasswordReset: true } });
    expect(document.title).toBe('Mot de passe oublié · Portail client');
    await submit(user);
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveFocus();
    expect(answer).not.toHaveBeenCalled();
  });

  it('refuses an address that is not one', async () => {
    const { user, answer } = setup({ data: { requestPasswordReset: true } });
    await submit(user, 'claire@martin');
    expect(
      await screen.findByText('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.'),
    ).toBeInTheDocument();
    expect(answer).not.toHaveBeenCalled();
  });

  it('sends the request for the address and confirms without revealing the account', async () => {
    const { user, answer } = setup({ data: { requestPasswordReset: true } });
    await submit(user, email);
    expect(await screen.findByRole('status')).toHaveTextContent(sent);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith({ email });
    expect(screen.queryByLabelText('Adresse e-mail')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Retour à la connexion' }));
    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeInTheDocument();
  });

  it('gives the same confirmation when the gateway answers false', async () => {
    const { user } = setup({ data: { requestPasswordReset: false } });
    await submit(user, email);
    expect(await screen.findByRole('status')).toHaveTextContent(sent);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('starts from the address given in the link', async () => {
    const { user, answer } = setup(
      { data: { requestPasswordReset: true } },
      '/forgot-password?email=claire%40martin.fr',
    );
    expect(screen.getByLabelText('Adresse e-mail')).toHaveValue(email);
    await submit(user);
    expect(await screen.findByRole('status')).toHaveTextContent(sent);
    expect(answer).toHaveBeenCalledWith({ email });
  });

  it('says the service is down when Tryton is unavailable, and keeps the form', async () => {
    const { user } = setup(graphqlError('TRYTON_UNAVAILABLE'));
    await submit(user, email);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le service est momentanément indisponible. Réessayez dans quelques minutes.',
    );
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Adresse e-mail')).toHaveValue(email);
    expect(screen.getByRole('button', { name: 'Envoyer le lien' })).toBeEnabled();
  });

  it('says the server does not answer on a network failure', async () => {
    const { user } = renderRoutes({
      routes: [{ path: '/forgot-password', element: <ForgotPasswordRoute /> }],
      path: '/forgot-password',
      mocks: [
        {
          request: { query: RequestPasswordResetDocument, variables: { email } },
          error: new TypeError('Failed to fetch'),
        },
      ],
    });
    await submit(user, email);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
    );
  });
});
