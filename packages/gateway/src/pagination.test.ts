import { describe, expect, it } from 'vitest';
import { fingerprint, nested, pageRequest, readCursor, writeCursor } from './pagination.js';

describe('pagination', () => {
  it('reads first/after forward, last/before backward, 20 by default', () => {
    expect(pageRequest({})).toEqual({ direction: 'forward', limit: 20, cursor: null });
    expect(pageRequest({ first: 5, after: 'a' })).toEqual({
      direction: 'forward',
      limit: 5,
      cursor: 'a',
    });
    expect(pageRequest({ before: 'b' })).toEqual({ direction: 'backward', limit: 20, cursor: 'b' });
    expect(() => pageRequest({ first: 101 })).toThrow(/at most 100/);
    expect(() => pageRequest({ last: -1 })).toThrow(/0 or more/);
    expect(() => pageRequest({ first: 1, last: 1 })).toThrow(/not both/);
  });

  it('binds a cursor to its list: another fingerprint is refused, a forged one is malformed', () => {
    const list = fingerprint('c1-p2', 'sale.sale', [], { field: 'sale_date' });
    const cursor = writeCursor(list, { k: null, i: 4 });
    expect(readCursor(cursor, list, 'after')).toEqual({ k: null, i: 4 });
    const other = fingerprint('c2-p3', 'sale.sale', [], { field: 'sale_date' });
    expect(() => readCursor(cursor, other, 'after')).toThrow(/another list/);
    for (const forged of ['o:1', Buffer.from('o:19').toString('base64url'), '', 'x'.repeat(500)]) {
      expect(() => readCursor(forged, list, 'after')).toThrow(/Malformed cursor/);
    }
  });

  it('cuts nested lists at `first`, refusing above 500', () => {
    expect(nested([1, 2, 3], 2)).toEqual([1, 2]);
    expect(() => nested([1], 501)).toThrow(/at most 500/);
  });
});
