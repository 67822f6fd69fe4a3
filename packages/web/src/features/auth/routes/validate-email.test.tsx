import type { MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ValidateEmailDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { ValidateEmailRoute } from './validate-email';

const token = 'tok-valid-123';
const request = { query: ValidateEmailDocument, variables: { token } };
const invalid = 'Ce lien de validation n’est plus valide ou a déjà été utilisé.';
const done = 'Merci ! Votre adresse e-mail est validée.';

/** Each answer is either a result or an error; `calls` records the variables of each request. */
function setup(
  answers: ({ result: object } | { error: Error })[],
  path = `/validate-email#token=${token}`,
) {
  const calls = vi.fn();
  const mocks: MockLink.MockedResponse[] = answers.map((answer) =>
    'error' in answer
      ? { request, error: answer.error }
      : {
          request,
          result: (variables: object) => {
            calls(variables);
            return answer.result;
          },
        },
  );
  const view = renderRoutes({
    routes: [
      { path: '/validate-email', element: <ValidateEmailRoute /> },
      { path: '/', element: <h1>Accueil</h1> },
    ],
    path,
    mocks,
  });
  return { ...view, calls };
}

describe('e-mail validation page', () => {
  it('validates the token once on arrival and leads to the customer area', async () => {
    const { user, calls } = setup([{ result: { data: { validateEmail: true } } }]);
    expect(document.title).toBe('Validation de l’adresse e-mail · Portail client');
    expect(screen.getByRole('status')).toHaveTextContent('Validation de votre adresse e-mail…');
    expect(await screen.findByText(done)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(done);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(calls).toHaveBeenCalledWith({ token });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Accéder à mon espace' }));
    expect(await screen.findByRole('heading', { name: 'Accueil' })).toBeInTheDocument();
  });

  it('still reads a link sent before the fragment form, from its query string', async () => {
    const { calls } = setup(
      [{ result: { data: { validateEmail: true } } }],
      `/validate-email?token=${token}`,
    );
    expect(await screen.findByText(done)).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith({ token });
  });

  it('says the link is no longer valid when the gateway refuses the token', async () => {
    setup([{ result: graphqlError('INVALID_TOKEN') }]);
    expect(await screen.findByRole('alert')).toHaveTextContent(invalid);
    expect(screen.queryByRole('button', { name: 'Réessayer' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Accéder à mon espace' })).toHaveAttribute('href', '/');
  });

  it('says when the new sign-in address became another account’s before it was confirmed', async () => {
    setup([{ result: graphqlError('EMAIL_TAKEN') }]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cette adresse est devenue entre-temps l’e-mail de connexion d’un autre compte',
    );
  });

  it('treats a false answer as an invalid link', async () => {
    setup([{ result: { data: { validateEmail: false } } }]);
    expect(await screen.findByRole('alert')).toHaveTextContent(invalid);
  });

  it('says the link is invalid without calling the gateway when it has no token', () => {
    const { calls } = setup([{ result: { data: { validateEmail: true } } }], '/validate-email');
    expect(screen.getByRole('alert')).toHaveTextContent(invalid);
    expect(calls).not.toHaveBeenCalled();
  });

  it('offers a retry on a network failure, which validates the same token', async () => {
    const { user, calls } = setup([
      { error: new TypeError('Failed to fetch') },
      { result: { data: { validateEmail: true } } },
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
    );
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText(done)).toBeInTheDocument();
    expect(calls).toHaveBeenCalledExactlyOnceWith({ token });
  });
});
