import { Decimal, TrytonDate, TrytonDateTime } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import {
  afterDomain,
  beforeDomain,
  decodePosition,
  encodePosition,
  type Keyset,
  keysetOrder,
  sortableKey,
} from './keyset.js';

const byDate: Keyset = { field: 'sale_date', direction: 'DESC' };
const day = TrytonDate.fromISO('2026-03-04');

describe('keyset', () => {
  it('reads forward in the list order, nulls last, and backward in its exact reverse', () => {
    expect(keysetOrder(byDate, 'forward')).toEqual([
      ['sale_date', 'DESC NULLS LAST'],
      ['id', 'DESC'],
    ]);
    expect(keysetOrder(byDate, 'backward')).toEqual([
      ['sale_date', 'ASC NULLS FIRST'],
      ['id', 'ASC'],
    ]);
  });

  it('pages on the key and the id, nulls after every value', () => {
    expect(afterDomain(byDate, { key: day, id: 7 })).toEqual([
      'OR',
      [['sale_date', '<', day]],
      [
        ['sale_date', '=', day],
        ['id', '<', 7],
      ],
      [['sale_date', '=', null]],
    ]);
    expect(afterDomain(byDate, { key: null, id: 7 })).toEqual([
      ['sale_date', '=', null],
      ['id', '<', 7],
    ]);
    expect(beforeDomain(byDate, { key: day, id: 7 }, true)).toEqual([
      'OR',
      [['sale_date', '>', day]],
      [
        ['sale_date', '=', day],
        ['id', '>=', 7],
      ],
    ]);
    expect(beforeDomain(byDate, { key: null, id: 7 })).toEqual([
      'OR',
      [['sale_date', '!=', null]],
      [
        ['sale_date', '=', null],
        ['id', '>', 7],
      ],
    ]);
  });

  it('compares a length-first number by its length, then its text, as Tryton sorts it', () => {
    const byNumber: Keyset = { field: 'number', direction: 'ASC', text: 'length-first' };
    expect(afterDomain(byNumber, { key: 'CV-99', id: 4 })).toEqual([
      'OR',
      [['number', 'like', '______%']],
      [
        ['number', 'like', '_____'],
        ['number', '>', 'CV-99'],
      ],
      [
        ['number', '=', 'CV-99'],
        ['id', '>', 4],
      ],
      [['number', '=', null]],
    ]);
    // Backward from it: the shorter ones (never the nulls, which sort last), then the same length.
    expect(beforeDomain(byNumber, { key: 'CV-99', id: 4 })).toEqual([
      'OR',
      [
        ['number', 'not like', '_____%'],
        ['number', '!=', null],
      ],
      [
        ['number', 'like', '_____'],
        ['number', '<', 'CV-99'],
      ],
      [
        ['number', '=', 'CV-99'],
        ['id', '<', 4],
      ],
    ]);
    const descending: Keyset = { ...byNumber, direction: 'DESC' };
    expect(afterDomain(descending, { key: 'CV-99', id: 4 })[1]).toEqual([
      ['number', 'not like', '_____%'],
      ['number', '!=', null],
    ]);
  });

  it('keeps dates, datetimes and decimals exact in a cursor, and refuses anything else', () => {
    const when = new TrytonDateTime(2026, 3, 4, 5, 6, 7, 123456);
    for (const key of [day, when, null, 12, 'x', Decimal.from('1384.50')]) {
      const back = decodePosition(
        JSON.parse(JSON.stringify(encodePosition({ key, id: 3 }))),
        'after',
      );
      expect(back.id).toBe(3);
      expect(String(back.key)).toBe(String(key));
    }
    const amount = decodePosition({ n: '-12.30', i: 2 }, 'after').key;
    expect(amount).toBeInstanceOf(Decimal);
    expect(String(amount)).toBe('-12.30');
    for (const raw of [
      null,
      {},
      { i: 0, k: 1 },
      { i: 1, d: '2026-13-01' },
      { i: 1, k: {} },
      { i: 1, n: 'twelve' },
    ]) {
      expect(() => decodePosition(raw, 'after')).toThrow(/Malformed cursor/);
    }
  });

  it('merges dates and datetimes on one exact time line', () => {
    const midnight = new TrytonDateTime(2026, 3, 4);
    expect(sortableKey(day)).toBe(sortableKey(midnight));
    expect(sortableKey(new TrytonDateTime(2026, 3, 4, 0, 0, 0, 1))).toBeGreaterThan(
      sortableKey(day),
    );
    expect(sortableKey(null)).toBeLessThan(sortableKey(day));
  });
});
