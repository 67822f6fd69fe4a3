import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigationType, useSearchParams } from 'react-router';

/** The page sizes a customer can choose; the first is the default. */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;

export type SortField = 'DATE' | 'NUMBER' | 'AMOUNT';
export type SortDirection = 'ASC' | 'DESC';
export interface ListSort {
  field: SortField;
  direction: SortDirection;
}
export const SORT_FIELDS: SortField[] = ['DATE', 'NUMBER', 'AMOUNT'];

/**
 * The list's page size and sort, kept in the URL with its filters (`?size=50&sort=amount&dir=asc`)
 * so a list can be shared, bookmarked and reloaded as it was. Defaults (20, newest first) are
 * left out of the URL, and `sort` is undefined for them, so the gateway's own default applies.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const size = Number(params.get('size'));
  const pageSize = PAGE_SIZES.find((s) => s === size) ?? DEFAULT_PAGE_SIZE;
  const field = SORT_FIELDS.find((f) => f.toLowerCase() === params.get('sort')) ?? 'DATE';
  const direction: SortDirection = params.get('dir') === 'asc' ? 'ASC' : 'DESC';
  const sort: ListSort | undefined =
    field === 'DATE' && direction === 'DESC' ? undefined : { field, direction };

  const update = (changes: { size?: PageSize; sort?: ListSort }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (changes.size !== undefined) {
        if (changes.size === DEFAULT_PAGE_SIZE) next.delete('size');
        else next.set('size', String(changes.size));
      }
      if (changes.sort !== undefined) {
        const isDefault = changes.sort.field === 'DATE' && changes.sort.direction === 'DESC';
        if (isDefault) {
          next.delete('sort');
          next.delete('dir');
        } else {
          next.set('sort', changes.sort.field.toLowerCase());
          next.set('dir', changes.sort.direction.toLowerCase());
        }
      }
      return next;
    });

  return {
    pageSize,
    sort,
    /** The sort in effect, the default included. */
    current: { field, direction } as ListSort,
    setPageSize: (next: PageSize) => update({ size: next }),
    setSort: (next: ListSort) => update({ sort: next }),
  };
}

/** What the paged list needs of a GraphQL connection. */
export interface PagedConnection<TNode> {
  totalCount: number;
  edges: readonly { cursor: string; node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface PagedList<TNode, TData = unknown> {
  /** The query's whole answer (what the page shows besides the list). */
  data: TData | undefined;
  connection: PagedConnection<TNode> | null;
  /** The rows shown are the previous query's, while the new one loads. */
  stale: boolean;
  error: unknown;
  retry: () => void;
  /** Appends the next page (Apollo's relayStylePagination merges it into the cached list). */
  loadMore: () => Promise<unknown>;
}

/**
 * One query of a paged list. Coming back to a list (the back button: a POP navigation) shows
 * the rows already loaded as they were, from the cache, so the scroll position restored by
 * the router still points at the row the customer opened; a fresh visit shows the cache and
 * revalidates it (invoices get paid, orders ship), which restarts at the first page.
 */
export function usePagedList<TData, TVariables extends OperationVariables, TNode>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  connectionOf: (data: TData | undefined) => PagedConnection<TNode> | null | undefined,
): PagedList<TNode, TData> {
  const navigationType = useNavigationType();
  // Only the list as it was left: another size, sort or filter chosen since is a new list.
  const [returned] = useState(() => (navigationType === 'POP' ? JSON.stringify(variables) : null));
  const fetchPolicy =
    returned === JSON.stringify(variables)
      ? ('cache-first' as const)
      : ('cache-and-network' as const);
  const { data, previousData, error, refetch, fetchMore } = useQuery(query, {
    variables,
    fetchPolicy,
  } as useQuery.Options<TData, TVariables>);
  // While another sort, size or filter loads, the rows shown stay (marked busy), so the header
  // or menu just used keeps the focus instead of vanishing behind a skeleton.
  const shown = (data ?? previousData) as TData | undefined;
  const connection = connectionOf(shown) ?? null;
  return {
    data: shown,
    connection,
    stale: data === undefined && connection !== null,
    error,
    retry: () => void refetch(),
    loadMore: () =>
      fetchMore({
        variables: { after: connection?.pageInfo.endCursor } as unknown as Partial<TVariables>,
      }),
  };
}
