import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE as PAGE_SIZE } from '@/components/use-paged-list';
import { OrdersDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { OrdersListRoute } from './orders-list';

function order(n: number) {
  return {
    __typename: 'Order' as const,
    id: `order-${n}`,
    number: `SO00${n}`,
    reference: n === 1 ? 'PO-ALPHA' : null,
    date: `2026-10-0${n}`,
    state: 'CONFIRMED' as const,
    shipmentState: 'WAITING' as const,
    totalAmount: { __typename: 'Money' as const, amount: `${n}00.00`, currency: 'EUR' },
  };
}

function page(numbers: number[], hasNextPage: boolean, endCursor: string) {
  return {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        orders: {
          __typename: 'OrderConnection',
          totalCount: 3,
          edges: numbers.map((n) => ({
            __typename: 'OrderEdge',
            cursor: `cursor-${n}`,
            node: order(n),
          })),
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        },
      },
    },
  };
}

const routes = [{ path: '/orders', element: <OrdersListRoute /> }];

describe('orders list', () => {
  it('shows a skeleton, then the first page, then appends the next page on "load more"', async () => {
    const { user } = renderRoutes({
      routes,
      path: '/orders',
      mocks: [
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE } },
          result: page([1, 2], true, 'cursor-2'),
        },
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE, after: 'cursor-2' } },
          result: page([3], false, 'cursor-3'),
        },
      ],
    });
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');

    const table = await screen.findByRole('table', { name: 'Commandes' });
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2 orders
    expect(within(table).getByRole('link', { name: 'SO001' })).toHaveAttribute(
      'href',
      '/orders/SO001',
    );
    expect(within(table).getAllByText('Confirmée')).toHaveLength(2);
    expect(screen.getByText('2 sur 3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Afficher plus' }));

    expect(await screen.findByRole('link', { name: 'SO003' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByText('3 sur 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).not.toBeInTheDocument();
  });

  it('sends the URL filters to the gateway and says when nothing matches', async () => {
    renderRoutes({
      routes,
      path: '/orders?q=PO-ZULU&status=DONE&from=2026-01-01',
      mocks: [
        {
          request: {
            query: OrdersDocument,
            variables: {
              first: PAGE_SIZE,
              filter: { search: 'PO-ZULU', states: ['DONE'], dateFrom: '2026-01-01' },
            },
          },
          result: page([], false, ''),
        },
      ],
    });
    expect(
      await screen.findByText('Aucune commande ne correspond à ces critères.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Numéro ou référence')).toHaveValue('PO-ZULU');
    expect(screen.getByLabelText('Statut')).toHaveValue('DONE');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const { user } = renderRoutes({
      routes,
      path: '/orders',
      mocks: [
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE } },
          error: new TypeError('Failed to fetch'),
        },
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE } },
          result: page([1], false, 'cursor-1'),
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('link', { name: 'SO001' })).toBeInTheDocument();
  });

  it('sorts by a column header or the sort menu and sizes pages from the URL, kept in the URL', async () => {
    const { user, router } = renderRoutes({
      routes,
      path: '/orders?size=50&sort=amount&dir=asc',
      mocks: [
        {
          request: {
            query: OrdersDocument,
            variables: { first: 50, sort: { field: 'AMOUNT', direction: 'ASC' } },
          },
          result: page([1, 2], false, 'cursor-2'),
        },
        {
          request: {
            query: OrdersDocument,
            variables: { first: 50, sort: { field: 'NUMBER', direction: 'DESC' } },
          },
          result: page([2, 1], false, 'cursor-1'),
        },
        {
          request: {
            query: OrdersDocument,
            variables: { first: 100, sort: { field: 'NUMBER', direction: 'DESC' } },
          },
          result: page([2, 1], false, 'cursor-1'),
        },
        {
          request: { query: OrdersDocument, variables: { first: 100 } },
          result: page([1, 2], false, 'cursor-2'),
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'Commandes' });
    expect(within(table).getByRole('columnheader', { name: /Total TTC/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByLabelText('Par page')).toHaveValue('50');
    expect(screen.getByLabelText('Trier par')).toHaveValue('AMOUNT_ASC');

    await user.click(within(table).getByRole('button', { name: /Numéro/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?size=50&sort=number&dir=desc'));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['SO002', 'SO001']),
    );
    // The rows stayed while the new sort loaded: the header button kept the focus.
    expect(within(table).getByRole('button', { name: /Numéro/ })).toHaveFocus();
    expect(within(table).getByRole('columnheader', { name: /Numéro/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await user.selectOptions(screen.getByLabelText('Par page'), '100');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?size=100&sort=number&dir=desc'),
    );
    await user.selectOptions(screen.getByLabelText('Trier par'), 'DATE_DESC');
    await waitFor(() => expect(router.state.location.search).toBe('?size=100'));
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('link')[0]).toHaveTextContent('SO001'),
    );
  });

  it('shows the rows already loaded when coming back to the list, without starting over', async () => {
    const { user, router } = renderRoutes({
      routes: [...routes, { path: '/orders/:number', element: <p>Détail</p> }],
      path: '/orders',
      mocks: [
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE } },
          result: page([1, 2], true, 'cursor-2'),
        },
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE, after: 'cursor-2' } },
          result: page([3], false, 'cursor-3'),
        },
        // What a revalidation would answer: the first page only, which would drop row 3.
        {
          request: { query: OrdersDocument, variables: { first: PAGE_SIZE } },
          result: page([1, 2], true, 'cursor-2'),
          maxUsageCount: 5,
        },
      ],
    });
    await screen.findByRole('link', { name: 'SO001' });
    await user.click(screen.getByRole('button', { name: 'Afficher plus' }));
    await screen.findByRole('link', { name: 'SO003' });
    await user.click(screen.getByRole('link', { name: 'SO003' }));
    await screen.findByText('Détail');
    await router.navigate(-1);
    const table = await screen.findByRole('table', { name: 'Commandes' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByText('3 sur 3')).toBeInTheDocument();
  });
});
