import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrdersDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { OrdersListRoute, PAGE_SIZE } from './orders-list';

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
});
