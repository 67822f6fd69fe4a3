import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SessionDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { routes } from './router';

// The orders page fails to render; everything else is the app's own routes (router.tsx), so
// moving the page error handler out of the app shell (above the frame) fails this test.
vi.mock('@/features/orders/routes/orders-list', () => ({
  default: function Broken(): never {
    throw new Error('render failed');
  },
}));

const viewer = {
  __typename: 'Customer',
  id: 'customer-1',
  name: 'Boulangerie Martin',
  email: 'claire@martin.fr',
  language: 'FR',
};

describe('a page that fails', () => {
  it('shows its error inside the app shell of router.tsx, so the navigation stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // The shell's ScrollRestoration scrolls; jsdom has no scrolling.
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    renderRoutes({
      routes,
      path: '/orders',
      mocks: [{ request: { query: SessionDocument }, result: { data: { viewer } } }],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Commandes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});
