import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
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
  relatedTo: string | null;
}

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
  relatedTo: 'INV/2026/0042',
};
const attachment: Doc = {
  id: 'doc-2',
  name: 'Bon de livraison.pdf',
  kind: 'ATTACHMENT',
  date: '2026-10-15',
  size: 2_621_440,
  relatedTo: 'SO0007',
};
const bare: Doc = {
  id: 'doc-3',
  name: 'note.txt',
  kind: 'ATTACHMENT',
  date: null,
  size: null,
  relatedTo: null,
};
const tiny: Doc = { ...bare, id: 'doc-4', name: 'tiny.txt', size: 512, date: '2026-01-05' };

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
  it('lists each file with its type, related record, date and size', async () => {
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
    expect(cells(first)).toEqual(['Facture PDF', 'INV/2026/0042', '2 nov. 2026', '1,5 Ko']);
    expect(cells(second)).toEqual(['Pièce jointe', 'SO0007', '15 oct. 2026', '2,5 Mo']);
    expect(cells(third)).toEqual(['Pièce jointe', '—', '—', '—']);
    expect(cells(fourth)).toEqual(['Pièce jointe', '—', '5 janv. 2026', '512 o']);
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
    expect(cells(row)).toEqual(['Invoice PDF', 'INV/2026/0042', '2 Nov 2026', '1.5 kB']);
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
    expect(await screen.findByRole('link', { name: 'Bon de livraison.pdf' })).toBeInTheDocument();
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
