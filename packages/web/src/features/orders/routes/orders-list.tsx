import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '@/components/export-button';
import { ListFilters, useFilterParams } from '@/components/list-filters';
import { EmptyState, ErrorState, ListSkeleton, LoadMore } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { graphql } from '@/gql';
import type { OrderFilter, OrderState } from '@/gql/graphql';
import { exportUrl } from '@/lib/export-url';
import { OrderRow } from '../components/order-row';

export const PAGE_SIZE = 20;
const STATES: OrderState[] = ['QUOTATION', 'CONFIRMED', 'PROCESSING', 'DONE', 'CANCELLED'];

export const OrdersQuery = graphql(`
  query Orders($first: Int!, $after: String, $filter: OrderFilter) {
    viewer {
      id
      orders(first: $first, after: $after, filter: $filter) {
        totalCount
        edges {
          cursor
          node {
            ...OrderRow_order
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

function useOrderFilter(): OrderFilter | undefined {
  const { search, status, dateFrom, dateTo } = useFilterParams();
  const state = STATES.find((s) => s === status);
  const filter: OrderFilter = {
    ...(search ? { search } : {}),
    ...(state ? { states: [state] } : {}),
    ...(dateFrom ? { dateFrom } : {}),
    ...(dateTo ? { dateTo } : {}),
  };
  return Object.keys(filter).length ? filter : undefined;
}

export function OrdersListRoute() {
  const { t } = useTranslation();
  const filter = useOrderFilter();
  const { data, error, refetch, fetchMore } = useQuery(OrdersQuery, {
    variables: { first: PAGE_SIZE, filter },
  });
  const connection = data?.viewer?.orders;

  let content: React.ReactNode;
  if (error && !connection) {
    content = <ErrorState error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    content = <ListSkeleton rows={8} />;
  } else if (connection.edges.length === 0) {
    content = <EmptyState>{filter ? t('orders.emptyFiltered') : t('orders.empty')}</EmptyState>;
  } else {
    content = (
      <>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('orders.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orders.number')}</th>
                <th scope="col">{t('orders.reference')}</th>
                <th scope="col">{t('orders.date')}</th>
                <th scope="col">{t('orders.state')}</th>
                <th scope="col" className="amount">
                  {t('orders.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <OrderRow key={node.id} order={node} />
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
      <PageHeader title={t('orders.title')} description={t('orders.intro')} />
      <ListFilters
        searchLabel={t('orders.searchLabel')}
        searchPlaceholder={t('orders.searchPlaceholder')}
        statusOptions={[
          { value: '', label: t('common.all') },
          ...STATES.map((state) => ({ value: state, label: t(`states.order.${state}`) })),
        ]}
      />
      <div className="list-exports">
        <ExportButton
          href={exportUrl('orders.csv', filter)}
          label={t('exports.ordersCsv')}
          fallbackName="orders.csv"
        />
      </div>
      {content}
    </>
  );
}

export default OrdersListRoute;
