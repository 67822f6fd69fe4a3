import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LoginDocument, SessionDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { SignInRoute } from './sign-in';

const anonymous = {
  request: { query: SessionDocument },
  result: { data: { viewer: null } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const customer = {
  __typename: 'Customer' as const,
  id: 'Q3VzdG9tZXI6MQ==',
  name: 'Boulangerie Martin',
  email: 'claire@martin.fr',
  language: 'FR' as const,
};

function login(result: object) {
  return {
    request: {
      query: LoginDocument,
      variables: { email: 'claire@martin.fr', password: 'wrong-password' },
    },
    result,
  };
}

function setup(mocks: object[], path = '/sign-in') {
  return renderRoutes({
    path,
    mocks: [anonymous, ...(mocks as never[])],
    routes: [
      { path: '/sign-in', element: <SignInRoute /> },
      { path: '/orders', element: <h1>Commandes</h1> },
      { path: '/', element: <h1>Accueil</h1> },
    ],
  });
}

async function submit(user: ReturnType<typeof setup>['user']) {
  await user.type(screen.getByLabelText('Adresse e-mail'), 'claire@martin.fr');
  await user.type(screen.getByLabelText('Mot de passe'), 'wrong-password');
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('sign-in page', () => {
  it('validates the fields before calling the gateway', async () => {
    // Any login request, whatever its variables, would be recorded here.
    const sent = vi.fn();
    const { user } = setup([
      {
        request: { query: LoginDocument, variables: () => true },
        result: (variables: object) => {
          sent(variables);
          return graphqlError('INVALID_CREDENTIALS');
        },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveFocus();
    expect(sent).not.toHaveBeenCalled();
  });

  it('says the credentials are wrong and focuses the password', async () => {
    const { user } = setup([login(graphqlError('INVALID_CREDENTIALS'))]);
    await submit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Adresse e-mail ou mot de passe incorrect.',
    );
    expect(screen.getByLabelText('Mot de passe')).toHaveFocus();
  });

  it('gives the wait time when throttled and blocks the button meanwhile', async () => {
    const { user } = setup([login(graphqlError('THROTTLED', { retryAfter: 42 }))]);
    await submit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Trop de tentatives. Réessayez dans 42 secondes.',
    );
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeDisabled();
  });

  it('explains that the service is down when Tryton is unavailable', async () => {
    const { user } = setup([login(graphqlError('TRYTON_UNAVAILABLE'))]);
    await submit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le service est momentanément indisponible.',
    );
  });

  it('goes back to the page the customer asked for after signing in', async () => {
    const { user, router } = setup(
      [login({ data: { login: { __typename: 'LoginPayload', customer } } })],
      '/sign-in?next=%2Forders',
    );
    await submit(user);
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
  });

  it('never follows a next parameter to another site', async () => {
    const { user, router } = setup(
      [login({ data: { login: { __typename: 'LoginPayload', customer } } })],
      '/sign-in?next=%2F%2Fevil.example',
    );
    await submit(user);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
