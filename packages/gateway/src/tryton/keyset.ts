import {
  Decimal,
  type Domain,
  TrytonDate,
  TrytonDateTime,
  type Order as TrytonOrder,
} from '@portal/tryton-client';
import { badInput } from '../errors.js';

/**
 * How a list is sorted, as a key for keyset paging: one field then the id, both in
 * `direction`, nulls last (a quotation not yet dated comes after every dated order, on every
 * backend: SQLite and PostgreSQL disagree on where nulls go unless told). The mappers define
 * one per list, since only they know Tryton's field names.
 */
export interface Keyset {
  field: string;
  direction: 'ASC' | 'DESC';
  /**
   * How Tryton sorts a text key: `length-first` for the numbers of sales and invoices, which
   * their `order_number` sorts by length, then text (CV-9 before CV-10). The keyset's domain
   * must compare the same way, or a page would skip or repeat rows when lengths differ.
   */
  text?: 'length-first';
}

/** Where an edge sits in its list: its sort key (as Tryton reads it) and its id. */
export interface Position {
  key: unknown;
  id: number;
}

/** The order to read a keyset in: forward is the list's, backward its exact reverse. */
export function keysetOrder(keyset: Keyset, direction: 'forward' | 'backward'): TrytonOrder {
  const forward = direction === 'forward';
  const dir = forward === (keyset.direction === 'DESC') ? 'DESC' : 'ASC';
  return [
    [keyset.field, forward ? `${dir} NULLS LAST` : `${dir} NULLS FIRST`],
    ['id', dir],
  ];
}

/**
 * The rows strictly after `position` in the list's order (or at it and after, `inclusive`):
 * `['OR', [key < v], [key = v, id < id0], [key = null]]` for a descending key. A domain on
 * the key, not an offset: Tryton reads the page through the index however deep it is, and
 * rows inserted or deleted elsewhere do not move it.
 */
export function afterDomain(keyset: Keyset, position: Position, inclusive = false): Domain {
  const past = keyset.direction === 'DESC' ? '<' : '>';
  const idClause = ['id', inclusive ? `${past}=` : past, position.id];
  if (position.key === null) return [[keyset.field, '=', null], idClause];
  return [
    'OR',
    ...keyClauses(keyset, position.key, past),
    [[keyset.field, '=', position.key], idClause],
    [[keyset.field, '=', null]],
  ];
}

/**
 * The (non-null) rows whose key sorts strictly on the `side` of `key`. For a length-first
 * text key: a shorter or longer text (LIKE with one `_` per character tests a length), or one
 * of the same length and a lower or higher text.
 */
function keyClauses(keyset: Keyset, key: unknown, side: '<' | '>'): Domain[] {
  const { field } = keyset;
  if (keyset.text !== 'length-first' || typeof key !== 'string') return [[[field, side, key]]];
  const length = [...key].length;
  const sameLength = [field, 'like', '_'.repeat(length)];
  const otherLength: Domain =
    side === '>'
      ? [[field, 'like', `${'_'.repeat(length + 1)}%`]]
      : [
          [field, 'not like', `${'_'.repeat(length)}%`],
          [field, '!=', null],
        ];
  return [otherLength, [sameLength, [field, side, key]]];
}

/** The rows strictly before `position` in the list's order (or up to it, `inclusive`). */
export function beforeDomain(keyset: Keyset, position: Position, inclusive = false): Domain {
  const ahead = keyset.direction === 'DESC' ? '>' : '<';
  const idClause = ['id', inclusive ? `${ahead}=` : ahead, position.id];
  if (position.key === null) {
    return ['OR', [[keyset.field, '!=', null]], [[keyset.field, '=', null], idClause]];
  }
  return [
    'OR',
    ...keyClauses(keyset, position.key, ahead),
    [[keyset.field, '=', position.key], idClause],
  ];
}

/** The position of a row read with the keyset's field. */
export function positionOf(keyset: Keyset, row: Record<string, unknown>): Position {
  return { key: row[keyset.field] ?? null, id: row.id as number };
}

/** A position as JSON for a cursor: dates and datetimes exactly, to the microsecond. */
export function encodePosition(position: Position): unknown {
  const { key } = position;
  if (key instanceof TrytonDate) return { d: key.toISOString(), i: position.id };
  if (key instanceof TrytonDateTime) {
    const { year, month, day, hour, minute, second, microsecond } = key;
    return { t: [year, month, day, hour, minute, second, microsecond], i: position.id };
  }
  if (key instanceof Decimal) return { n: key.toString(), i: position.id };
  if (key === null || typeof key === 'number' || typeof key === 'string') {
    return { k: key, i: position.id };
  }
  throw new Error(`keyset: cannot put a ${typeof key} in a cursor`);
}

const malformed = (argument: string) => badInput('Malformed cursor.', argument);

/** The position of a cursor's JSON; anything not made by `encodePosition` is BAD_USER_INPUT. */
export function decodePosition(raw: unknown, argument: string): Position {
  if (!raw || typeof raw !== 'object') throw malformed(argument);
  const { i, d, t, k, n } = raw as {
    i?: unknown;
    d?: unknown;
    t?: unknown;
    k?: unknown;
    n?: unknown;
  };
  if (!Number.isSafeInteger(i) || (i as number) <= 0) throw malformed(argument);
  const id = i as number;
  try {
    if (typeof d === 'string') return { key: TrytonDate.fromISO(d), id };
    if (typeof n === 'string') return { key: Decimal.from(n), id };
    if (Array.isArray(t) && t.length === 7 && t.every((n) => Number.isSafeInteger(n))) {
      const [year, month, day, hour, minute, second, microsecond] = t as number[];
      return {
        key: new TrytonDateTime(
          year as number,
          month as number,
          day as number,
          hour,
          minute,
          second,
          microsecond,
        ),
        id,
      };
    }
  } catch {
    throw malformed(argument);
  }
  if (k === null || typeof k === 'number' || typeof k === 'string') return { key: k, id };
  throw malformed(argument);
}

/**
 * A sort key as a number, to merge lists of different models on one time line: dates and
 * datetimes in microseconds since 1970 (exact, below 2^53), a missing key last of all.
 */
export function sortableKey(key: unknown): number {
  if (key === null || key === undefined) return Number.NEGATIVE_INFINITY;
  if (typeof key === 'number') return key;
  if (key instanceof TrytonDateTime)
    return key.toDate().getTime() * 1000 + (key.microsecond % 1000);
  if (key instanceof TrytonDate) return key.toDate().getTime() * 1000;
  throw new Error(`keyset: cannot merge on a ${typeof key}`);
}
