import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '@/test/render';
import { ListFilters } from './list-filters';

const routes = [
  {
    path: '/orders',
    element: (
      <ListFilters
        searchLabel="Numéro ou référence"
        searchPlaceholder="Ex. : CV-00042"
        statusOptions={[{ value: '', label: 'Tous' }]}
      />
    ),
  },
];

describe('list filters', () => {
  it('refuses a "from" date after the "to" date, says so, and keeps the list as it was', async () => {
    const { user, router } = renderRoutes({ routes, path: '/orders?size=50', mocks: [] });
    await user.type(screen.getByLabelText('Du'), '2026-05-10');
    await user.type(screen.getByLabelText('Au'), '2026-05-01');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'La date « Du » est postérieure à la date « Au »',
    );
    expect(screen.getByLabelText('Du')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Du')).toHaveFocus();
    expect(router.state.location.search).toBe('?size=50');

    await user.clear(screen.getByLabelText('Au'));
    await user.type(screen.getByLabelText('Au'), '2026-05-31');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(router.state.location.search).toBe('?size=50&from=2026-05-10&to=2026-05-31');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns about reversed dates from a shared link too', () => {
    renderRoutes({ routes, path: '/orders?from=2026-05-10&to=2026-05-01', mocks: [] });
    expect(screen.getByRole('alert')).toHaveTextContent('postérieure');
  });

  it('keeps the page size and sort when filters are applied or cleared', async () => {
    const { user, router } = renderRoutes({
      routes,
      path: '/orders?size=100&sort=number&dir=asc&q=CV',
      mocks: [],
    });
    await user.clear(screen.getByLabelText('Numéro ou référence'));
    await user.type(screen.getByLabelText('Numéro ou référence'), 'CV-00042');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(router.state.location.search).toBe('?size=100&sort=number&dir=asc&q=CV-00042');
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(router.state.location.search).toBe('?size=100&sort=number&dir=asc');
  });
});
