import { screen } from '@testing-library/react';
import { Outlet } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '@/test/render';
import { PageError } from './route-error';

function Broken(): never {
  throw new Error('render failed');
}

describe('a page that fails', () => {
  it('shows its error inside the frame, so the navigation stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderRoutes({
      routes: [
        {
          element: (
            <>
              <nav aria-label="Navigation principale">
                <a href="/orders">Commandes</a>
              </nav>
              <main>
                <Outlet />
              </main>
            </>
          ),
          children: [
            { errorElement: <PageError />, children: [{ path: '/x', Component: Broken }] },
          ],
        },
      ],
      path: '/x',
      mocks: [],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});
