import { createHash } from 'node:crypto';
import { badInput } from './errors.js';

/** A page of a connection when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most `first` or `last` of a connection; above is an error, not a silent cap. */
export const MAX_PAGE_SIZE = 100;
/** The most items a list nested in a record (an order's lines, an invoice's orders) returns. */
export const MAX_NESTED_LIST = 500;

/**
 * A page asked with `first`/`after` (forward) or `last`/`before` (backward), as Relay has it.
 * `cursor` is still opaque here: only the list that made it can read it (`readCursor`).
 */
export interface PageRequest {
  direction: 'forward' | 'backward';
  limit: number;
  cursor: string | null;
}

/** What a list can be sorted by, in the portal's words; each mapper says which field that is. */
export type SortField = 'DATE' | 'NUMBER' | 'AMOUNT';

/** A list's sort: newest first (`DATE`, `DESC`) unless asked otherwise. */
export interface ListSort {
  field: SortField;
  direction: 'ASC' | 'DESC';
}

export const DEFAULT_SORT: ListSort = { field: 'DATE', direction: 'DESC' };

export interface PageArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function pageSize(value: number, name: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 0) throw badInput(`\`${name}\` must be 0 or more.`, name);
  if (value > MAX_PAGE_SIZE) {
    const next =
      name === 'first' ? 'the next page with `after`' : 'the previous page with `before`';
    throw badInput(`\`${name}\` must be at most ${MAX_PAGE_SIZE}; ask for ${next}.`, name);
  }
  return value;
}

/**
 * Validates a connection's arguments. Forward unless `last` or `before` is given; mixing the
 * two directions is refused rather than guessed (Relay discourages it, nobody needs it).
 */
export function pageRequest(args: PageArguments): PageRequest {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) {
    throw badInput('Page with `first`/`after` or with `last`/`before`, not both.', 'last');
  }
  if (backward) {
    return {
      direction: 'backward',
      limit: pageSize(args.last ?? DEFAULT_PAGE_SIZE, 'last'),
      cursor: args.before ?? null,
    };
  }
  return {
    direction: 'forward',
    limit: pageSize(args.first ?? DEFAULT_PAGE_SIZE, 'first'),
    cursor: args.after ?? null,
  };
}

/**
 * What a cursor is bound to: the customer, the list (model or source), its filter and its
 * sort. A short digest, so the cursor stays small and says nothing of them.
 */
export function fingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

const CURSOR_VERSION = 1;

/**
 * Cursors are opaque: base64url of `{"v":1,"f":<fingerprint>,"p":<position>}`, where the
 * position is the sort key and id of the edge (keyset.ts), never an offset, so an insert or
 * a delete between two pages moves no cursor.
 */
export function writeCursor(fingerprintOf: string, position: unknown): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, f: fingerprintOf, p: position })).toString(
    'base64url',
  );
}

/**
 * The position in `cursor`; BAD_USER_INPUT when it is malformed or was made by another list,
 * filter, sort or customer (its fingerprint differs): a position in another list would page
 * this one from a meaningless place.
 */
export function readCursor(cursor: string, expected: string, argument: string): unknown {
  let parsed: { v?: unknown; f?: unknown; p?: unknown } | null = null;
  if (/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) {
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    } catch {
      parsed = null;
    }
  }
  if (!parsed || typeof parsed !== 'object' || parsed.v !== CURSOR_VERSION || !('p' in parsed)) {
    throw badInput('Malformed cursor.', argument);
  }
  if (parsed.f !== expected) {
    throw badInput(
      'This cursor belongs to another list: another filter, sort or customer. Start again without it.',
      argument,
    );
  }
  return parsed.p;
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

/** A page of records, in the list's order, with what is known of its neighbours. */
export interface Page<R> {
  rows: R[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** The connection of a page whose rows became nodes (rows a mapper drops are left out). */
export function connection<R, T>(page: Page<R>, toNode: (row: R) => T | null): Connection<T> {
  const edges: { cursor: string; node: T }[] = [];
  page.rows.forEach((row, index) => {
    const node = toNode(row);
    if (node !== null) edges.push({ cursor: page.cursors[index] as string, node });
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

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

/** The first `first` items of a list nested in a record: the one path of every nested list. */
export function nested<T>(items: readonly T[], first: number): T[] {
  return items.slice(0, nestedLimit(first));
}
