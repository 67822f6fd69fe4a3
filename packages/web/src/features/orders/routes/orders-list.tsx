import { useTranslation } from 'react-i18next';
import { ExportButton } from '@/components/export-button';
import { ListFilters, useFilterParams } from '@/components/list-filters';
import { PageHeader } from '@/components/page-header';
import { PagedList } from '@/components/paged-list';
import { useListParams, usePagedList } from '@/components/use-paged-list';
import { graphql } from '@/gql';
import type { OrderFilter, OrderState } from '@/gql/graphql';
import { exportUrl } from '@/lib/export-url';
import { OrderRow } from '../components/order-row';

const STATES: OrderState[] = [
  'REQUESTED',
  'QUOTATION',
  'CONFIRMED',
  'PROCESSING',
  'DONE',
  'CANCELLED',
];

export const OrdersQuery = graphql(`
  query Orders($first: Int!, $after: String, $filter: OrderFilter, $sort: ListSort) {
    viewer {
      id
      orders(first: $first, after: $after, filter: $filter, sort: $sort) {
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
  const { pageSize, sort } = useListParams();
  const list = usePagedList(
    OrdersQuery,
    { first: pageSize, ...(filter ? { filter } : {}), ...(sort ? { sort } : {}) },
    (data) => data?.viewer?.orders,
  );

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
      <PagedList
        list={list}
        caption={t('orders.title')}
        className="orders-table"
        columns={[
          { label: t('orders.number'), sort: 'NUMBER' },
          { label: t('orders.reference') },
          { label: t('orders.date'), sort: 'DATE' },
          { label: t('orders.state') },
          { label: t('orders.total'), sort: 'AMOUNT', className: 'amount' },
        ]}
        row={(order) => <OrderRow key={order.id} order={order} />}
        empty={filter ? t('orders.emptyFiltered') : t('orders.empty')}
      />
    </>
  );
}

export default OrdersListRoute;
