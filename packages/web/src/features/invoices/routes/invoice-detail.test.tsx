import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InvoiceDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { InvoiceDetailRoute } from './invoice-detail';

const number = 'INV/2026/0042';
const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });

function invoice(overrides: object = {}) {
  return {
    __typename: 'Invoice',
    id: 'invoice-42',
    number,
    reference: 'PO-ALPHA',
    date: '2026-10-01',
    dueDate: '2026-10-31',
    state: 'POSTED',
    overdue: false,
    pdfUrl: '/downloads/invoices/invoice-42.pdf',
    orders: [
      {
        __typename: 'Order',
        id: 'order-7',
        number: 'SO0007',
        state: 'DONE',
        totalAmount: money('264.50'),
      },
    ],
    lines: [
      {
        __typename: 'InvoiceLine',
        id: 'line-1',
        description: 'Farine T65 — sac de 25 kg',
        quantity: 4,
        unit: 'u',
        taxes: ['TVA 5,5 %'],
        product: { __typename: 'Product', id: 'p-1', name: 'Farine T65', code: 'FAR65' },
        unitPrice: money('50.00'),
        amount: money('200.00'),
      },
      {
        __typename: 'InvoiceLine',
        id: 'line-2',
        description: 'Frais de livraison',
        quantity: 1.5,
        unit: null,
        taxes: [],
        product: null,
        unitPrice: money('30.00'),
        amount: money('45.00'),
      },
    ],
    taxes: [
      {
        __typename: 'InvoiceTax',
        description: 'TVA 5,5 %',
        base: money('200.00'),
        amount: money('11.00'),
      },
    ],
    documents: [
      {
        __typename: 'Document',
        id: 'doc-9',
        name: 'Relevé de livraison.txt',
        size: 64,
        date: '2026-10-02T08:00:00Z',
        url: '/downloads/documents/doc-9',
      },
    ],
    untaxedAmount: money('245.00'),
    taxAmount: money('11.00'),
    totalAmount: money('256.00'),
    amountDue: money('156.00'),
    transfer: {
      __typename: 'InvoiceTransfer',
      holder: 'Comptoir Lyonnais SARL',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      reference: number,
      creditorReference: 'RF07INV20260042',
      amount: money('156.00'),
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"/>',
    },
    payments: [
      {
        __typename: 'InvoicePayment',
        date: '2026-10-10',
        amount: money('100.00'),
        method: 'Banque',
        description: 'Virement reçu',
      },
    ],
    canPayOnline: false,
    onlinePayments: [],
    ...overrides,
  };
}

function setup(found: object | null) {
  return renderRoutes({
    routes: [
      { path: '/invoices/:number', element: <InvoiceDetailRoute /> },
      { path: '/invoices', element: <h1>Factures</h1> },
    ],
    path: `/invoices/${encodeURIComponent(number)}`,
    mocks: [
      {
        request: { query: InvoiceDocument, variables: { number } },
        result: {
          data: { viewer: { __typename: 'Customer', id: 'customer-1', invoice: found } },
        },
      },
    ],
  });
}

const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim();

describe('invoice detail', () => {
  it('shows the lines with their taxes, then the tax table and the totals', async () => {
    setup(invoice());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`Facture ${number}`);
    expect(document.title).toBe(`Facture ${number} · Portail client`);

    const lines = await screen.findByRole('table', { name: 'Détail' });
    const [, first, second] = within(lines).getAllByRole('row');
    expect(within(first as HTMLElement).getByRole('rowheader')).toHaveTextContent(
      'Farine T65 FAR65',
    );
    expect(
      within(first as HTMLElement)
        .getAllByRole('cell')
        .map(text),
    ).toEqual(['4 u', '50,00 €', 'TVA 5,5 %', '200,00 €']);
    // Without a product the line's description is shown; without taxes, a dash.
    expect(within(second as HTMLElement).getByRole('rowheader')).toHaveTextContent(
      'Frais de livraison',
    );
    expect(
      within(second as HTMLElement)
        .getAllByRole('cell')
        .map(text),
    ).toEqual(['1,5', '30,00 €', '—', '45,00 €']);

    const taxes = screen.getByRole('table', { name: 'Taxes' });
    const [, tax] = within(taxes).getAllByRole('row');
    expect(within(tax as HTMLElement).getByRole('rowheader')).toHaveTextContent('TVA 5,5 %');
    expect(
      within(tax as HTMLElement)
        .getAllByRole('cell')
        .map(text),
    ).toEqual(['200,00 €', '11,00 €']);

    const totals = document.querySelector('dl.totals');
    const terms = [...(totals?.querySelectorAll('dt') ?? [])].map(text);
    const values = [...(totals?.querySelectorAll('dd') ?? [])].map(text);
    expect(terms).toEqual(['Total HT', 'TVA', 'Total TTC', 'Reste à payer']);
    expect(values).toEqual(['245,00 €', '11,00 €', '256,00 €', '156,00 €']);
  });

  it('puts the amount due, the due date and the PDF actions first', async () => {
    setup(invoice({ overdue: true }));
    const due = await screen.findByRole('region', { name: 'Reste à payer' });
    expect(due).toHaveTextContent('156,00 €');
    expect(due).toHaveTextContent('À régler avant le 31 oct. 2026');
    expect(within(due).getByRole('button', { name: /Télécharger le PDF/ })).toBeEnabled();
    const open = within(due).getByRole('link', { name: /Ouvrir dans un nouvel onglet/ });
    expect(open).toHaveAttribute('href', '/downloads/invoices/invoice-42.pdf?inline=1');
    expect(open).toHaveAttribute('target', '_blank');

    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('1 oct. 2026');
    expect(header).toHaveTextContent('PO-ALPHA');
    expect(within(header).getByText('En retard')).toBeInTheDocument();
    expect(within(header).getByRole('link', { name: 'Toutes les factures' })).toHaveAttribute(
      'href',
      '/invoices',
    );

    const orders = screen.getByRole('region', { name: 'Commandes liées' });
    expect(within(orders).getByRole('link', { name: 'SO0007' })).toHaveAttribute(
      'href',
      '/orders/SO0007',
    );
    expect(orders).toHaveTextContent('Terminée');

    // The files attached to the invoice, each a download.
    const documents = screen.getByRole('region', { name: 'Documents' });
    const file = within(documents).getByRole('link', { name: 'Relevé de livraison.txt' });
    expect(file).toHaveAttribute('href', '/downloads/documents/doc-9');
    expect(file).toHaveAttribute('download');
  });

  it('shows how to pay by transfer and what was paid already', async () => {
    setup(invoice());
    const transfer = await screen.findByRole('region', { name: 'Payer par virement' });
    expect(transfer).toHaveTextContent('FR76 3000 6000 0112 3456 7890 189');
    expect(within(transfer).getByRole('img', { name: /QR code/ })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'Paiements' });
    expect(history).toHaveTextContent('Banque');
    expect(history).toHaveTextContent(/Reste à payer :\s*156,00\s€/);
  });

  it('shows the total, and no amount due, once the invoice is paid', async () => {
    setup(
      invoice({ state: 'PAID', amountDue: money('0'), orders: [], documents: [], transfer: null }),
    );
    const total = await screen.findByRole('region', { name: 'Total TTC' });
    expect(total).toHaveTextContent('256,00 €');
    expect(total).not.toHaveTextContent('À régler avant le');
    expect(within(total).getByRole('button', { name: /Télécharger le PDF/ })).toBeInTheDocument();
    expect(screen.queryByText('Reste à payer')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Commandes liées' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Documents' })).toHaveTextContent(
      'Aucun document joint.',
    );
    expect(within(screen.getByRole('banner')).getByText('Payée')).toBeInTheDocument();
  });

  it('says when the invoice does not exist', async () => {
    setup(null);
    expect(await screen.findByText('Cette facture est introuvable.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Télécharger le PDF/ })).not.toBeInTheDocument();
  });
});
