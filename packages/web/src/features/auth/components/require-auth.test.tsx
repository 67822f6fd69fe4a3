import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionDocument } from '@/gql/graphql';
import { reportSessionLost } from '@/lib/session-events';
import { renderRoutes } from '@/test/render';
import { RequireAuth } from './require-auth';

const viewer = {
  __typename: 'Customer',
  id: 'customer-1',
  name: 'Boulangerie Martin',
  email: 'claire@martin.fr',
  language: 'FR',
};

function SignInProbe() {
  return <h1>Connexion</h1>;
}

const routes = [
  { path: '/sign-in', element: <SignInProbe /> },
  { element: <RequireAuth />, children: [{ path: '/invoices', element: <h1>Factures</h1> }] },
];

describe('route guard', () => {
  it('sends an anonymous visitor to sign-in with the page to come back to', async () => {
    const { router } = renderRoutes({
      routes,
      path: '/invoices?status=unpaid',
      mocks: [{ request: { query: SessionDocument }, result: { data: { viewer: null } } }],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe(
      `?next=${encodeURIComponent('/invoices?status=unpaid')}`,
    );
    expect(router.state.location.state).toBeFalsy();
  });

  it('lets a signed-in customer through, and sends them to sign-in when the session expires', async () => {
    const { router } = renderRoutes({
      routes,
      path: '/invoices',
      mocks: [
        { request: { query: SessionDocument }, result: { data: { viewer } } },
        { request: { query: SessionDocument }, result: { data: { viewer: null } } },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Factures' })).toBeInTheDocument();

    reportSessionLost();

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/invoices')}`);
    expect(router.state.location.state).toEqual({ expired: true });
  });
});
