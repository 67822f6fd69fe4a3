import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 100;

/** A page asked with `first`/`after`, as Tryton's offset and limit. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** Cursors are opaque offsets: base64url of `o:<offset>`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString()
    : '';
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw badInput('Malformed cursor.', 'after');
  return Number(match[1]);
}

/** Validates `first` and `after`: more than MAX_PAGE_SIZE is an error, not a silent cap. */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
): PageRequest {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0) throw badInput('`first` must be 0 or more.', 'first');
  if (limit > MAX_PAGE_SIZE) {
    throw badInput(
      `\`first\` must be at most ${MAX_PAGE_SIZE}; ask for the next page with \`after\`.`,
      'first',
    );
  }
  const offset = after ? decodeCursor(after) + 1 : 0;
  return { offset, limit };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export function connection<T>(nodes: T[], page: PageRequest, totalCount: number): Connection<T> {
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The most items a list nested in a record (an order's lines, an invoice's orders) returns. */
export const MAX_NESTED_LIST = 500;

/**
 * Validates the `first` of a nested list: above MAX_NESTED_LIST is an error, not a silent cap,
 * so no record can make one response unbounded.
 */
export function nestedLimit(first: number): number {
  if (!Number.isInteger(first) || first < 0) throw badInput('`first` must be 0 or more.', 'first');
  if (first > MAX_NESTED_LIST)
    throw badInput(`\`first\` of a nested list must be at most ${MAX_NESTED_LIST}.`, 'first');
  return first;
}
