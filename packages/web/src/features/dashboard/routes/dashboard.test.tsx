import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DashboardDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { DashboardRoute } from './dashboard';

/** Without a session in the cache every card is asked for (an administrator's dashboard). */
const EVERY_CARD = { orders: true, invoices: true, documents: true };

const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });

/** Twelve months from December 2025 to November 2026; `amounts` fills them in order. */
function months(amounts: string[]) {
  return amounts.map((amount, i) => ({
    __typename: 'MonthlyAmount' as const,
    month: i === 0 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`,
    amount: money(amount),
  }));
}

function connection(typename: string, nodes: object[], extra: object = {}) {
  return {
    __typename: `${typename}Connection`,
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node })),
    ...extra,
  };
}

interface Data {
  amountDue: string;
  overdue: number;
  orders?: object[];
  invoices?: object[];
  documents?: object[];
  byMonth: string[];
}

function dashboard({
  amountDue,
  overdue,
  orders = [],
  invoices = [],
  documents = [],
  byMonth,
}: Data) {
  return {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        name: 'Boulangerie Martin',
        amountDue: money(amountDue),
        openOrders: connection('Order', orders, { totalCount: orders.length }),
        unpaidInvoices: connection('Invoice', invoices, { totalCount: invoices.length }),
        overdueInvoices: { __typename: 'InvoiceConnection', totalCount: overdue },
        documents: connection('Document', documents),
        invoicedByMonth: months(byMonth),
      },
    },
  };
}

const order = {
  __typename: 'Order',
  id: 'order-7',
  number: 'SO0007',
  reference: 'PO-ALPHA',
  date: '2026-11-02',
  state: 'PROCESSING',
  totalAmount: money('480.00'),
};

const invoice = (n: number, overdue: boolean) => ({
  __typename: 'Invoice',
  id: `invoice-${n}`,
  number: `INV/2026/00${n}`,
  state: 'POSTED',
  dueDate: '2026-10-15',
  overdue,
  amountDue: money(`${n}00.00`),
});

const document_ = {
  __typename: 'Document',
  id: 'doc-1',
  name: 'Facture INV-2026-0041.pdf',
  date: '2026-10-01',
  size: 1536,
  url: '/downloads/documents/doc-1',
};

const byMonth = ['0', '120.50', '0', '300', '0', '0', '0', '1000', '0', '0', '250', '1234.5'];

function setup(result: object) {
  return renderRoutes({
    routes: [{ path: '/', element: <DashboardRoute /> }],
    path: '/',
    mocks: [{ request: { query: DashboardDocument, variables: EVERY_CARD }, result }],
  });
}

describe('dashboard', () => {
  it('shows the amount due, the overdue count and the previews', async () => {
    setup(
      dashboard({
        amountDue: '1234.50',
        overdue: 2,
        orders: [order],
        invoices: [invoice(41, true), invoice(42, false)],
        documents: [document_],
        byMonth,
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
    expect(await screen.findByText('Bonjour Boulangerie Martin')).toBeInTheDocument();
    expect(document.title).toBe('Tableau de bord · Portail client');

    const due = screen.getByRole('region', { name: 'Montant à régler' });
    expect(due).toHaveTextContent('1 234,50 €');
    expect(due).toHaveTextContent('dont 2 factures en retard');
    expect(within(due).getByRole('link', { name: 'Voir les factures en retard' })).toHaveAttribute(
      'href',
      '/invoices?status=overdue',
    );

    const orders = screen.getByRole('region', { name: 'Commandes en cours' });
    expect(within(orders).getByRole('link', { name: 'SO0007' })).toHaveAttribute(
      'href',
      '/orders/SO0007',
    );
    expect(orders).toHaveTextContent('PO-ALPHA');
    expect(orders).toHaveTextContent('480,00 €');
    expect(orders).toHaveTextContent('En cours');
    expect(within(orders).getByRole('link', { name: 'Tout voir' })).toHaveAttribute(
      'href',
      '/orders',
    );

    const invoices = screen.getByRole('region', { name: 'Factures à régler' });
    expect(within(invoices).getByRole('link', { name: 'INV/2026/0041' })).toHaveAttribute(
      'href',
      '/invoices/INV%2F2026%2F0041',
    );
    expect(within(invoices).getByText('En retard')).toBeInTheDocument();
    expect(within(invoices).getByText('À régler')).toBeInTheDocument();
    expect(invoices).toHaveTextContent('4 100,00 €');
    expect(within(invoices).getByRole('link', { name: 'Tout voir' })).toHaveAttribute(
      'href',
      '/invoices?status=unpaid',
    );

    const documents = screen.getByRole('region', { name: 'Derniers documents' });
    const link = within(documents).getByRole('link', { name: 'Facture INV-2026-0041.pdf' });
    expect(link).toHaveAttribute('href', '/downloads/documents/doc-1');
    expect(link).toHaveAttribute('download');
    expect(documents).toHaveTextContent('1,5 Ko');
  });

  it('draws the last 12 months as bars, with the same figures in a table', async () => {
    setup(dashboard({ amountDue: '0', overdue: 0, byMonth }));
    const chart = await screen.findByRole('img', {
      name: 'Montants facturés sur les 12 derniers mois',
    });
    const bars = chart.querySelectorAll('rect.chart-bar');
    expect(bars).toHaveLength(12);
    expect(bars[11]?.querySelector('title')).toHaveTextContent('novembre 2026 : 1 234,50 €');
    // A zero month has no bar height; the largest month is the tallest.
    expect(bars[0]).toHaveAttribute('height', '0');
    const heights = [...bars].map((bar) => Number(bar.getAttribute('height')));
    expect(Math.max(...heights)).toBe(heights[11]);

    const table = screen.getByRole('table', { name: 'Montants facturés sur les 12 derniers mois' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toHaveTextContent('décembre 2025');
    expect(rows[0]).toHaveTextContent('0,00 €');
    expect(rows[11]).toHaveTextContent('novembre 2026');
    expect(rows[11]).toHaveTextContent('1 234,50 €');
    expect(screen.queryByText('Aucune facture sur cette période.')).not.toBeInTheDocument();
  });

  it('says when there is nothing to pay, order or download', async () => {
    setup(dashboard({ amountDue: '0', overdue: 0, byMonth: Array(12).fill('0') }));
    const due = await screen.findByRole('region', { name: 'Montant à régler' });
    expect(due).toHaveTextContent('0,00 €');
    expect(due).toHaveTextContent('Aucune facture en retard');
    expect(
      screen.queryByRole('link', { name: 'Voir les factures en retard' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Aucune commande en cours.')).toBeInTheDocument();
    expect(screen.getByText('Toutes vos factures sont réglées. Merci !')).toBeInTheDocument();
    expect(screen.getByText('Aucun document pour le moment.')).toBeInTheDocument();
    expect(screen.getByText('Aucune facture sur cette période.')).toBeInTheDocument();
    expect(
      screen
        .getByRole('img', { name: 'Montants facturés sur les 12 derniers mois' })
        .querySelectorAll('rect.chart-bar'),
    ).toHaveLength(12);
  });

  it('says "1 facture" in the singular', async () => {
    setup(dashboard({ amountDue: '100', overdue: 1, invoices: [invoice(1, true)], byMonth }));
    expect(await screen.findByText('dont 1 facture en retard')).toBeInTheDocument();
  });

  it('offers a retry when the dashboard cannot be loaded', async () => {
    const { user } = renderRoutes({
      routes: [{ path: '/', element: <DashboardRoute /> }],
      path: '/',
      mocks: [
        {
          request: { query: DashboardDocument, variables: EVERY_CARD },
          error: new TypeError('Failed to fetch'),
        },
        {
          request: { query: DashboardDocument, variables: EVERY_CARD },
          result: dashboard({ amountDue: '12.00', overdue: 0, byMonth }),
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('region', { name: 'Montant à régler' })).toHaveTextContent(
      '12,00 €',
    );
  });
});
