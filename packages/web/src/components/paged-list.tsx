import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, ListSkeleton, LoadMore } from './list-states';
import {
  type ListSort,
  PAGE_SIZES,
  type PagedList as PagedListState,
  type PageSize,
  type SortField,
  useListParams,
} from './use-paged-list';

export interface Column {
  label: string;
  /** The sort this column's header sets; none: not sortable. */
  sort?: SortField;
  /** `amount`: right-aligned figures. */
  className?: string;
}

interface PagedListProps<TNode extends { id: string }> {
  list: PagedListState<TNode>;
  /** The table's accessible name (a visually hidden caption). */
  caption: string;
  columns: Column[];
  /** One `<tr>` per node. */
  row: (node: TNode) => ReactNode;
  /** What to say when the list is empty. */
  empty: ReactNode;
  /** Extra class of the table: a list's own phone layout (e.g. `orders-table`). */
  className?: string;
  /**
   * A leading header cell's content, before the columns (e.g. a "select all" checkbox); rows
   * then start with a matching cell. On phones it stays shown above the cards.
   */
  leadingHeader?: ReactNode;
}

const SORT_OPTIONS: ListSort[] = [
  { field: 'DATE', direction: 'DESC' },
  { field: 'DATE', direction: 'ASC' },
  { field: 'NUMBER', direction: 'DESC' },
  { field: 'NUMBER', direction: 'ASC' },
  { field: 'AMOUNT', direction: 'DESC' },
  { field: 'AMOUNT', direction: 'ASC' },
];
const sortKey = (sort: ListSort) => `${sort.field}_${sort.direction}`;

/**
 * A list page's body: skeleton, error with retry, empty state, or the table with its sticky
 * header, sortable columns, page size and "load more". Sort and size live in the URL
 * (useListParams). After "load more", the focus moves to the first new row's link, so a
 * keyboard user goes on reading where the list grew.
 */
export function PagedList<TNode extends { id: string }>({
  list,
  caption,
  columns,
  row,
  empty,
  className,
  leadingHeader,
}: PagedListProps<TNode>) {
  const { connection, stale, error, retry, loadMore } = list;
  const body = useRef<HTMLTableSectionElement>(null);
  /** The index of the first row of a page being loaded, until it is shown. */
  const firstNew = useRef<number | null>(null);
  const shown = connection?.edges.length ?? 0;

  useEffect(() => {
    const index = firstNew.current;
    if (index === null || shown <= index) return;
    firstNew.current = null;
    const target = body.current?.rows[index]?.querySelector<HTMLElement>('a, button');
    target?.focus();
  }, [shown]);

  let content: ReactNode;
  if (error && (!connection || stale)) content = <ErrorState error={error} onRetry={retry} />;
  else if (!connection) content = <ListSkeleton rows={8} />;
  else if (connection.edges.length === 0) content = <EmptyState>{empty}</EmptyState>;
  else {
    content = (
      <>
        <div className="table-wrap table-sticky" aria-busy={stale}>
          <table className={`data-table ${leadingHeader ? 'selectable' : ''} ${className ?? ''}`}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {leadingHeader && (
                  <th scope="col" className="select-cell">
                    {leadingHeader}
                  </th>
                )}
                {columns.map((column) => (
                  <HeaderCell key={column.label} column={column} />
                ))}
              </tr>
            </thead>
            <tbody ref={body}>{connection.edges.map(({ node }) => row(node))}</tbody>
          </table>
        </div>
        <LoadMore
          shown={connection.edges.length}
          total={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          onLoadMore={async () => {
            firstNew.current = connection.edges.length;
            try {
              await loadMore();
            } catch (failure) {
              firstNew.current = null;
              throw failure;
            }
          }}
        />
      </>
    );
  }
  return (
    <>
      <ListToolbar sortable={columns.some((c) => c.sort)} />
      {content}
    </>
  );
}

/** A column header; a sortable one is a button that sorts by it, then reverses. */
function HeaderCell({ column }: { column: Column }) {
  const { t } = useTranslation();
  const { current, setSort } = useListParams();
  const active = column.sort !== undefined && current.field === column.sort;
  const ariaSort = active ? (current.direction === 'ASC' ? 'ascending' : 'descending') : undefined;
  if (!column.sort) {
    return (
      <th scope="col" className={column.className}>
        {column.label}
      </th>
    );
  }
  const field = column.sort;
  const next = active && current.direction === 'DESC' ? 'ASC' : 'DESC';
  return (
    <th scope="col" className={column.className} aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort({ field, direction: next })}
        title={t('list.sortByColumn', { column: column.label })}
      >
        {column.label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (current.direction === 'ASC' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Sort (for phones, where the table header is hidden, and for everyone) and page size. */
export function ListToolbar({ sortable }: { sortable: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { pageSize, current, setPageSize, setSort } = useListParams();
  return (
    <div className="list-toolbar">
      {sortable && (
        <div className="field field-inline">
          <label htmlFor={`${id}-sort`}>{t('list.sortBy')}</label>
          <select
            id={`${id}-sort`}
            value={sortKey(current)}
            onChange={(event) => {
              const chosen = SORT_OPTIONS.find((s) => sortKey(s) === event.currentTarget.value);
              if (chosen) setSort(chosen);
            }}
          >
            {SORT_OPTIONS.map((sort) => (
              <option key={sortKey(sort)} value={sortKey(sort)}>
                {t(`list.sorts.${sortKey(sort) as 'DATE_DESC'}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field-inline">
        <label htmlFor={`${id}-size`}>{t('list.pageSize')}</label>
        <select
          id={`${id}-size`}
          value={pageSize}
          onChange={(event) => setPageSize(Number(event.currentTarget.value) as PageSize)}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
