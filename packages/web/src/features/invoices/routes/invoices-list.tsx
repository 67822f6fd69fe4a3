import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '@/components/export-button';
import { ListFilters, useFilterParams } from '@/components/list-filters';
import { PageHeader } from '@/components/page-header';
import { PagedList } from '@/components/paged-list';
import { useListParams, usePagedList } from '@/components/use-paged-list';
import { graphql } from '@/gql';
import type { InvoiceFilter } from '@/gql/graphql';
import { exportUrl } from '@/lib/export-url';
import { InvoiceRow } from '../components/invoice-row';
import { SelectCheckbox } from '../selection/select-checkbox';
import { useSelectionTexts } from '../selection/texts';
import { useSelection } from '../selection/use-selection';

const STATUSES = ['unpaid', 'overdue', 'paid', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

const statusFilters: Record<Status, InvoiceFilter> = {
  unpaid: { unpaid: true },
  overdue: { overdue: true },
  paid: { states: ['PAID'] },
  cancelled: { states: ['CANCELLED'] },
};

export const InvoicesQuery = graphql(`
  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter, $sort: ListSort) {
    viewer {
      id
      exportLimits {
        invoicesPerZip
        rowsPerCsv
      }
      invoices(first: $first, after: $after, filter: $filter, sort: $sort) {
        totalCount
        edges {
          cursor
          node {
            ...InvoiceRow_invoice
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

function useInvoiceFilter(): InvoiceFilter | undefined {
  const { search, status, dateFrom, dateTo } = useFilterParams();
  const known = STATUSES.find((s) => s === status);
  const filter: InvoiceFilter = {
    ...(known ? statusFilters[known] : {}),
    ...(search ? { search } : {}),
    ...(dateFrom ? { dateFrom } : {}),
    ...(dateTo ? { dateTo } : {}),
  };
  return Object.keys(filter).length ? filter : undefined;
}

export function InvoicesListRoute() {
  const { t } = useTranslation();
  const filter = useInvoiceFilter();
  const { pageSize, sort } = useListParams();
  const list = usePagedList(
    InvoicesQuery,
    { first: pageSize, ...(filter ? { filter } : {}), ...(sort ? { sort } : {}) },
    (data) => data?.viewer?.invoices,
  );
  const texts = useSelectionTexts();
  const shown = useMemo(
    () => list.connection?.edges.map((edge) => edge.node.id) ?? [],
    [list.connection],
  );
  const selection = useSelection(shown, JSON.stringify(filter ?? {}));
  // The selected invoices when some are, else the filter's whole result.
  const scope = selection.ids.length ? { ids: selection.ids } : filter;
  const count = selection.ids.length || (list.connection?.totalCount ?? null);
  // The gateway's own limits: an export above them is disabled, with the reason, not refused.
  const limits = list.data?.viewer?.exportLimits;
  const over = (limit: number | undefined) =>
    count !== null && limit !== undefined && count > limit;

  return (
    <>
      <PageHeader title={t('invoices.title')} description={t('invoices.intro')} />
      <ListFilters
        searchLabel={t('invoices.searchLabel')}
        searchPlaceholder={t('invoices.searchPlaceholder')}
        statusOptions={[
          { value: '', label: t('invoices.filter.all') },
          ...STATUSES.map((status) => ({ value: status, label: t(`invoices.filter.${status}`) })),
        ]}
      />
      <div className="list-exports">
        <ExportButton
          href={exportUrl('invoices.zip', scope)}
          label={texts.exportZip(count)}
          fallbackName="invoices.zip"
          unavailable={
            over(limits?.invoicesPerZip)
              ? texts.tooMany(limits?.invoicesPerZip ?? 0, 'zip')
              : undefined
          }
        />
        <ExportButton
          href={exportUrl('invoices.csv', scope)}
          label={texts.exportCsv(count)}
          fallbackName="invoices.csv"
          unavailable={
            over(limits?.rowsPerCsv) ? texts.tooMany(limits?.rowsPerCsv ?? 0, 'csv') : undefined
          }
        />
        {selection.ids.length > 0 && (
          <button type="button" className="btn btn-link" onClick={selection.clear}>
            {texts.clear}
          </button>
        )}
        <span className="selection-status" aria-live="polite">
          {selection.ids.length > 0 && texts.selected(selection.ids.length)}
        </span>
      </div>
      <PagedList
        list={list}
        caption={t('invoices.title')}
        columns={[
          { label: t('invoices.number'), sort: 'NUMBER' },
          { label: t('invoices.date'), sort: 'DATE' },
          { label: t('invoices.dueDate') },
          { label: t('invoices.state') },
          { label: t('invoices.total'), sort: 'AMOUNT', className: 'amount' },
          { label: t('invoices.amountDue'), className: 'amount' },
        ]}
        leadingHeader={
          <SelectCheckbox
            label={texts.selectAll}
            checked={selection.allShown}
            mixed={selection.someShown}
            onChange={selection.toggleAllShown}
            labelClassName="select-all-label"
          />
        }
        row={(invoice) => (
          <InvoiceRow
            key={invoice.id}
            invoice={invoice}
            selection={{
              label: texts.selectOne(invoice.number),
              selected: selection.isSelected(invoice.id),
              onToggle: () => selection.toggle(invoice.id),
            }}
          />
        )}
        empty={filter ? t('invoices.emptyFiltered') : t('invoices.empty')}
      />
    </>
  );
}

export default InvoicesListRoute;
