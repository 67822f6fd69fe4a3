import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '@/components/export-button';
import { ListFilters, useFilterParams } from '@/components/list-filters';
import { EmptyState, ErrorState, ListSkeleton, LoadMore } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { graphql } from '@/gql';
import type { InvoiceFilter } from '@/gql/graphql';
import { exportUrl } from '@/lib/export-url';
import { InvoiceRow } from '../components/invoice-row';

const PAGE_SIZE = 20;
const STATUSES = ['unpaid', 'overdue', 'paid', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

const statusFilters: Record<Status, InvoiceFilter> = {
  unpaid: { unpaid: true },
  overdue: { overdue: true },
  paid: { states: ['PAID'] },
  cancelled: { states: ['CANCELLED'] },
};

const InvoicesQuery = graphql(`
  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter) {
    viewer {
      id
      invoices(first: $first, after: $after, filter: $filter) {
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
  const { data, error, refetch, fetchMore } = useQuery(InvoicesQuery, {
    variables: { first: PAGE_SIZE, filter },
  });
  const connection = data?.viewer?.invoices;

  let content: React.ReactNode;
  if (error && !connection) {
    content = <ErrorState error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    content = <ListSkeleton rows={8} />;
  } else if (connection.edges.length === 0) {
    content = <EmptyState>{filter ? t('invoices.emptyFiltered') : t('invoices.empty')}</EmptyState>;
  } else {
    content = (
      <>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('invoices.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.number')}</th>
                <th scope="col">{t('invoices.date')}</th>
                <th scope="col">{t('invoices.dueDate')}</th>
                <th scope="col">{t('invoices.state')}</th>
                <th scope="col" className="amount">
                  {t('invoices.total')}
                </th>
                <th scope="col" className="amount">
                  {t('invoices.amountDue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <InvoiceRow key={node.id} invoice={node} />
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          shown={connection.edges.length}
          total={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          onLoadMore={() => fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
        />
      </>
    );
  }

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
          href={exportUrl('invoices.zip', filter)}
          label={t('exports.invoicesZip')}
          fallbackName="invoices.zip"
        />
        <ExportButton
          href={exportUrl('invoices.csv', filter)}
          label={t('exports.invoicesCsv')}
          fallbackName="invoices.csv"
        />
      </div>
      {content}
    </>
  );
}

export default InvoicesListRoute;
