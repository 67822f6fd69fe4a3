import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DocumentsDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { DocumentsListRoute } from './documents-list';

const PAGE_SIZE = 20;

interface Doc {
  id: string;
  name: string;
  kind: 'INVOICE_PDF' | 'ATTACHMENT';
  date: string | null;
  size: number | null;
  related: {
    __typename: 'DocumentRecord';
    kind: 'ORDER' | 'INVOICE' | 'ACCOUNT';
    number: string | null;
  } | null;
}

const related = (kind: 'ORDER' | 'INVOICE' | 'ACCOUNT', number: string | null) => ({
  __typename: 'DocumentRecord' as const,
  kind,
  number,
});

function page(documents: Doc[], total: number, hasNextPage = false) {
  return {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        documents: {
          __typename: 'DocumentConnection',
          totalCount: total,
          edges: documents.map((document) => ({
            __typename: 'DocumentEdge',
            cursor: `cursor-${document.id}`,
            node: {
              __typename: 'Document',
              url: `/downloads/documents/${document.id}`,
              ...document,
            },
          })),
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: documents.length ? `cursor-${documents.at(-1)?.id}` : null,
          },
        },
      },
    },
  };
}

const invoicePdf: Doc = {
  id: 'doc-1',
  name: 'INV-2026-0042.pdf',
  kind: 'INVOICE_PDF',
  date: '2026-11-02',
  size: 1536,
  related: related('INVOICE', 'FA2026-00042'),
};
const attachment: Doc = {
  id: 'doc-2',
  name: 'Bon de livraison.pdf',
  kind: 'ATTACHMENT',
  date: '2026-10-15',
  size: 2_621_440,
  related: related('ORDER', 'CV-00007'),
};
const bare: Doc = {
  id: 'doc-3',
  name: 'note.txt',
  kind: 'ATTACHMENT',
  date: null,
  size: null,
  related: null,
};
const tiny: Doc = {
  ...bare,
  id: 'doc-4',
  name: 'tiny.txt',
  size: 512,
  date: '2026-01-05',
  related: related('ACCOUNT', null),
};

function setup(mocks: MockLink.MockedResponse[]) {
  return renderRoutes({
    routes: [{ path: '/documents', element: <DocumentsListRoute /> }],
    path: '/documents',
    mocks,
  });
}

const cells = (row: HTMLElement | undefined) =>
  within(row as HTMLElement)
    .getAllByRole('cell')
    .map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());

describe('documents list', () => {
  it('lists each file with its type, related record (named in French, linked), date and size', async () => {
    setup([
      {
        request: { query: DocumentsDocument, variables: { first: PAGE_SIZE } },
        result: page([invoicePdf, attachment, bare, tiny], 4),
      },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
    expect(document.title).toBe('Documents · Portail client');

    const table = await screen.findByRole('table', { name: 'Documents' });
    const [, first, second, third, fourth] = within(table).getAllByRole('row');
    const link = within(first as HTMLElement).getByRole('link', { name: 'INV-2026-0042.pdf' });
    expect(link).toHaveAttribute('href', '/downloads/documents/doc-1');
    expect(link).toHaveAttribute('download');
    expect(cells(first)).toEqual(['Facture PDF', 'Facture FA2026-00042', '2 nov. 2026', '1,5 Ko']);
    expect(cells(second)).toEqual(['Pièce jointe', 'Commande CV-00007', '15 oct. 2026', '2,5 Mo']);
    expect(cells(third)).toEqual(['Pièce jointe', '—', '—', '—']);
    expect(cells(fourth)).toEqual(['Pièce jointe', 'Votre compte', '5 janv. 2026', '512 o']);
    expect(
      within(first as HTMLElement).getByRole('link', { name: 'Facture FA2026-00042' }),
    ).toHaveAttribute('href', '/invoices/FA2026-00042');
    expect(
      within(second as HTMLElement).getByRole('link', { name: 'Commande CV-00007' }),
    ).toHaveAttribute('href', '/orders/CV-00007');
    expect(screen.getByText('4 sur 4')).toBeInTheDocument();
  });

  it('names types and sizes in English too', async () => {
    renderRoutes({
      routes: [{ path: '/documents', element: <DocumentsListRoute /> }],
      path: '/documents',
      language: 'en',
      mocks: [
        {
          request: { query: DocumentsDocument, variables: { first: PAGE_SIZE } },
          result: page([invoicePdf], 1),
        },
      ],
    });
    const table = await screen.findByRole('table');
    const [, row] = within(table).getAllByRole('row');
    expect(cells(row)).toEqual(['Invoice PDF', 'Invoice FA2026-00042', '2 Nov 2026', '1.5 kB']);
  });

  it('appends the next page on "load more"', async () => {
    const { user } = setup([
      {
        request: { query: DocumentsDocument, variables: { first: PAGE_SIZE } },
        result: page([invoicePdf], 2, true),
      },
      {
        request: {
          query: DocumentsDocument,
          variables: { first: PAGE_SIZE, after: 'cursor-doc-1' },
        },
        result: page([attachment], 2),
      },
    ]);
    expect(await screen.findByText('1 sur 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Afficher plus' }));
    // The focus moves to the first new row, where the list grew.
    const added = await screen.findByRole('link', { name: 'Bon de livraison.pdf' });
    await waitFor(() => expect(added).toHaveFocus());
    expect(screen.getByRole('link', { name: 'INV-2026-0042.pdf' })).toBeInTheDocument();
    expect(screen.getByText('2 sur 2')).toBeInTheDocument();
  });

  it('says when there is no document yet', async () => {
    setup([
      {
        request: { query: DocumentsDocument, variables: { first: PAGE_SIZE } },
        result: page([], 0),
      },
    ]);
    expect(await screen.findByText('Aucun document pour le moment.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers a retry when the list cannot be loaded, and says when Tryton is down', async () => {
    const { user } = setup([
      {
        request: { query: DocumentsDocument, variables: { first: PAGE_SIZE } },
        result: { errors: [{ message: 'down', extensions: { code: 'TRYTON_UNAVAILABLE' } }] },
      },
      {
        request: { query: DocumentsDocument, variables: { first: PAGE_SIZE } },
        result: page([invoicePdf], 1),
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Impossible de charger ces informations');
    expect(alert).toHaveTextContent('Le service est momentanément indisponible.');
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('link', { name: 'INV-2026-0042.pdf' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
