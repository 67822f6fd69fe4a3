import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvoicesDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { InvoicesListRoute } from './invoices-list';

const PAGE_SIZE = 20;
const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });

type State = 'POSTED' | 'PAID' | 'CANCELLED';

function invoice(n: number, state: State = 'POSTED', overdue = false) {
  return {
    __typename: 'Invoice' as const,
    id: `invoice-${n}`,
    number: `INV00${n}`,
    reference: n === 1 ? 'PO-ALPHA' : null,
    date: '2026-10-01',
    dueDate: '2026-10-31',
    state,
    overdue,
    totalAmount: money(`${n}20.00`),
    amountDue: money(state === 'POSTED' ? `${n}20.00` : '0'),
  };
}

/** The gateway's defaults (EXPORT_MAX_INVOICES, EXPORT_MAX_ROWS). */
const LIMITS = { invoicesPerZip: 50, rowsPerCsv: 2000 };

function page(
  invoices: ReturnType<typeof invoice>[],
  total: number,
  hasNextPage = false,
  limits = LIMITS,
) {
  const last = invoices.at(-1);
  return {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        exportLimits: { __typename: 'ExportLimits', ...limits },
        invoices: {
          __typename: 'InvoiceConnection',
          totalCount: total,
          edges: invoices.map((node) => ({
            __typename: 'InvoiceEdge',
            cursor: `cursor-${node.id}`,
            node,
          })),
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage,
            endCursor: last ? `cursor-${last.id}` : null,
          },
        },
      },
    },
  };
}

function mock(variables: object, result: object): MockLink.MockedResponse {
  return { request: { query: InvoicesDocument, variables }, result };
}

function setup(path: string, mocks: MockLink.MockedResponse[], language: 'fr' | 'en' = 'fr') {
  return renderRoutes({
    routes: [{ path: '/invoices', element: <InvoicesListRoute /> }],
    path,
    mocks,
    language,
  });
}

/** Records the export URLs fetched; each export is refused, which is enough to see its URL. */
function recordExports() {
  const fetched: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      fetched.push(url);
      return new Response('{}', { status: 500 });
    }),
  );
  return fetched;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('invoices list', () => {
  it('lists invoices with their due dates, states and amounts due', async () => {
    setup('/invoices', [
      mock(
        { first: PAGE_SIZE },
        page([invoice(1, 'POSTED', true), invoice(2, 'POSTED'), invoice(3, 'PAID')], 3),
      ),
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
    const table = await screen.findByRole('table', { name: 'Factures' });
    const [, overdue, unpaid, paid] = within(table).getAllByRole('row');
    expect(within(overdue as HTMLElement).getByRole('link', { name: 'INV001' })).toHaveAttribute(
      'href',
      '/invoices/INV001',
    );
    expect(overdue).toHaveTextContent('PO-ALPHA');
    // date, due date, state, total, amount due
    const cells = (row: HTMLElement | undefined) =>
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent?.replace(/\s/g, ' '));
    expect(cells(overdue)).toEqual([
      'Sélectionner la facture INV001',
      '1 oct. 2026',
      '31 oct. 2026',
      'En retard',
      '120,00 €',
      '120,00 €',
    ]);
    expect(cells(unpaid)).toEqual([
      'Sélectionner la facture INV002',
      '1 oct. 2026',
      '31 oct. 2026',
      'À régler',
      '220,00 €',
      '220,00 €',
    ]);
    expect(cells(paid)).toEqual([
      'Sélectionner la facture INV003',
      '1 oct. 2026',
      '—',
      'Payée',
      '320,00 €',
      '—',
    ]);
    expect(screen.getByText('3 sur 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).not.toBeInTheDocument();
  });

  it('sends the unpaid, then the overdue filter when the status changes', async () => {
    const { user, router } = setup('/invoices', [
      mock({ first: PAGE_SIZE }, page([invoice(1, 'POSTED', true), invoice(3, 'PAID')], 2)),
      mock(
        { first: PAGE_SIZE, filter: { unpaid: true } },
        page([invoice(2), invoice(1, 'POSTED', true)], 2),
      ),
      mock({ first: PAGE_SIZE, filter: { overdue: true } }, page([invoice(1, 'POSTED', true)], 1)),
    ]);
    expect(await screen.findByRole('link', { name: 'INV003' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Statut'), 'À régler');
    expect(await screen.findByRole('link', { name: 'INV002' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=unpaid');
    expect(screen.queryByRole('link', { name: 'INV003' })).not.toBeInTheDocument();
    expect(screen.getByText('2 sur 2')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Statut'), 'En retard');
    expect(await screen.findByText('1 sur 1')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=overdue');
    expect(screen.getByRole('link', { name: 'INV001' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'INV002' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Statut')).toHaveValue('overdue');
  });

  it('loads the next page of the same filter on "load more"', async () => {
    const { user } = setup('/invoices?status=unpaid', [
      mock({ first: PAGE_SIZE, filter: { unpaid: true } }, page([invoice(1), invoice(2)], 3, true)),
      mock(
        { first: PAGE_SIZE, filter: { unpaid: true }, after: 'cursor-invoice-2' },
        page([invoice(3)], 3),
      ),
    ]);
    const table = await screen.findByRole('table', { name: 'Factures' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('2 sur 3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Afficher plus' }));

    expect(await screen.findByRole('link', { name: 'INV003' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByText('3 sur 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).not.toBeInTheDocument();
  });

  it('tells an empty account from an empty filter', async () => {
    setup('/invoices', [mock({ first: PAGE_SIZE }, page([], 0))]);
    expect(
      await screen.findByText('Vous n’avez aucune facture pour le moment.'),
    ).toBeInTheDocument();
  });

  it('says when no invoice matches the filter', async () => {
    setup('/invoices?status=overdue', [
      mock({ first: PAGE_SIZE, filter: { overdue: true } }, page([], 0)),
    ]);
    expect(
      await screen.findByText('Aucune facture ne correspond à ces critères.'),
    ).toBeInTheDocument();
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const { user } = setup('/invoices', [
      {
        request: { query: InvoicesDocument, variables: { first: PAGE_SIZE } },
        error: new TypeError('Failed to fetch'),
      },
      mock({ first: PAGE_SIZE }, page([invoice(1)], 1)),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Impossible de charger ces informations',
    );
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('link', { name: 'INV001' })).toBeInTheDocument();
  });

  describe('selection for exports', () => {
    const three = () => page([invoice(1, 'POSTED', true), invoice(2), invoice(3, 'PAID')], 7);

    it('exports the filter’s whole result, counted, while nothing is selected', async () => {
      const fetched = recordExports();
      const { user } = setup('/invoices?status=unpaid', [
        mock({ first: PAGE_SIZE, filter: { unpaid: true } }, three()),
      ]);
      const zip = await screen.findByRole('button', { name: 'Exporter 7 factures (ZIP)' });
      expect(screen.getByRole('button', { name: 'Exporter 7 factures en CSV' })).toBeEnabled();

      await user.click(zip);

      expect(fetched).toEqual(['/downloads/exports/invoices.zip?unpaid=1']);
    });

    it('exports only the checked invoices, by id, with their count in the label', async () => {
      const fetched = recordExports();
      const { user } = setup('/invoices', [mock({ first: PAGE_SIZE }, three())]);
      await user.click(
        await screen.findByRole('checkbox', { name: 'Sélectionner la facture INV001' }),
      );
      await user.click(screen.getByRole('checkbox', { name: 'Sélectionner la facture INV003' }));
      expect(screen.getByText('2 factures sélectionnées')).toBeInTheDocument();
      expect(screen.getByRole('row', { name: /INV001/ })).toHaveClass('selected');

      await user.click(screen.getByRole('button', { name: 'Exporter 2 factures (ZIP)' }));
      await user.click(screen.getByRole('button', { name: 'Exporter 2 factures en CSV' }));

      expect(fetched).toEqual([
        '/downloads/exports/invoices.zip?ids=invoice-1%2Cinvoice-3',
        '/downloads/exports/invoices.csv?ids=invoice-1%2Cinvoice-3',
      ]);
    });

    it('selects all shown invoices from the header, shows "mixed" for some, clears all', async () => {
      const { user } = setup('/invoices', [mock({ first: PAGE_SIZE }, three())]);
      const all = await screen.findByRole('checkbox', {
        name: 'Sélectionner toutes les factures affichées',
      });
      const rows = () =>
        ['INV001', 'INV002', 'INV003'].map(
          (n) =>
            (
              screen.getByRole('checkbox', {
                name: `Sélectionner la facture ${n}`,
              }) as HTMLInputElement
            ).checked,
        );

      await user.click(all);
      expect(rows()).toEqual([true, true, true]);
      expect(all).toBeChecked();
      expect(screen.getByRole('button', { name: 'Exporter 3 factures (ZIP)' })).toBeEnabled();

      await user.click(screen.getByRole('checkbox', { name: 'Sélectionner la facture INV002' }));
      expect(all).not.toBeChecked();
      expect(all).toBePartiallyChecked();

      await user.click(all);
      expect(rows()).toEqual([true, true, true]);
      await user.click(all);
      expect(rows()).toEqual([false, false, false]);
      expect(screen.getByRole('button', { name: 'Exporter 7 factures (ZIP)' })).toBeEnabled();
    });

    it('toggles a row from the keyboard (Tab, Space)', async () => {
      const { user } = setup('/invoices', [mock({ first: PAGE_SIZE }, three())]);
      const first = await screen.findByRole('checkbox', { name: 'Sélectionner la facture INV001' });
      first.focus();
      await user.keyboard(' ');
      expect(first).toBeChecked();
      await user.tab();
      expect(screen.getByRole('link', { name: 'INV001' })).toHaveFocus();
    });

    it('starts a new filter with an empty selection', async () => {
      const { user } = setup('/invoices', [
        mock({ first: PAGE_SIZE }, three()),
        mock(
          { first: PAGE_SIZE, filter: { overdue: true } },
          page([invoice(1, 'POSTED', true)], 1),
        ),
      ]);
      await user.click(
        await screen.findByRole('checkbox', { name: 'Sélectionner la facture INV002' }),
      );
      expect(screen.getByRole('button', { name: 'Exporter 1 facture (ZIP)' })).toBeEnabled();

      await user.selectOptions(screen.getByLabelText('Statut'), 'En retard');

      expect(await screen.findByText('1 sur 1')).toBeInTheDocument();
      expect(
        screen.getByRole('checkbox', { name: 'Sélectionner la facture INV001' }),
      ).not.toBeChecked();
      expect(screen.queryByText(/sélectionnée/)).not.toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'INV001' })).toBeInTheDocument();
    });

    it('disables an export above the gateway’s limit and says why, until fewer are picked', async () => {
      const fetched = recordExports();
      const { user } = setup('/invoices', [
        mock(
          { first: PAGE_SIZE },
          page([invoice(1), invoice(2), invoice(3)], 60, true, {
            invoicesPerZip: 50,
            rowsPerCsv: 59,
          }),
        ),
      ]);
      const zip = await screen.findByRole('button', { name: 'Exporter 60 factures (ZIP)' });
      expect(zip).toBeDisabled();
      expect(zip).toHaveAccessibleDescription(
        'Un ZIP contient au plus 50 factures : sélectionnez-en moins ou affinez les filtres.',
      );
      const csv = screen.getByRole('button', { name: 'Exporter 60 factures en CSV' });
      expect(csv).toBeDisabled();
      expect(csv).toHaveAccessibleDescription(
        'Un CSV contient au plus 59 factures : sélectionnez-en moins ou affinez les filtres.',
      );

      await user.click(screen.getByRole('checkbox', { name: 'Sélectionner la facture INV002' }));
      const one = screen.getByRole('button', { name: 'Exporter 1 facture (ZIP)' });
      expect(one).toBeEnabled();
      expect(one).not.toHaveAccessibleDescription();
      expect(screen.queryByText(/contient au plus/)).not.toBeInTheDocument();
      await user.click(one);
      expect(fetched).toEqual(['/downloads/exports/invoices.zip?ids=invoice-2']);
    });

    it('disables the ZIP when "select all shown" picks more than one ZIP holds', async () => {
      const fetched = recordExports();
      const { user } = setup(
        '/invoices',
        [
          mock(
            { first: PAGE_SIZE },
            page([invoice(1), invoice(2), invoice(3)], 3, false, {
              invoicesPerZip: 2,
              rowsPerCsv: 2000,
            }),
          ),
        ],
        'en',
      );
      await user.click(await screen.findByRole('checkbox', { name: 'Select all invoices shown' }));
      const zip = screen.getByRole('button', { name: 'Export 3 invoices (ZIP)' });
      expect(zip).toBeDisabled();
      expect(zip).toHaveAccessibleDescription(
        'One ZIP holds at most 2 invoices: select fewer or narrow the filters.',
      );
      await user.click(screen.getByRole('button', { name: 'Export 3 invoices as CSV' }));
      expect(fetched).toEqual([
        '/downloads/exports/invoices.csv?ids=invoice-1%2Cinvoice-2%2Cinvoice-3',
      ]);
    });

    it('speaks English: labels per invoice, count in the export button', async () => {
      const fetched = recordExports();
      const { user } = setup('/invoices', [mock({ first: PAGE_SIZE }, three())], 'en');
      expect(await screen.findByRole('button', { name: 'Export 7 invoices (ZIP)' })).toBeEnabled();
      expect(
        screen.getByRole('checkbox', { name: 'Select all invoices shown' }),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('checkbox', { name: 'Select invoice INV002' }));
      expect(screen.getByText('1 invoice selected')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Export 1 invoice (ZIP)' }));
      expect(fetched).toEqual(['/downloads/exports/invoices.zip?ids=invoice-2']);
      await user.click(screen.getByRole('button', { name: 'Clear the selection' }));
      expect(screen.getByRole('button', { name: 'Export 7 invoices (ZIP)' })).toBeEnabled();
    });
  });
});
