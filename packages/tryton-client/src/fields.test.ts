import { describe, expectTypeOf, it } from 'vitest';
import type { FieldPath, ReadRow } from './fields.js';
import type { Model } from './model.js';
import type { Decimal } from './values.js';

interface ProductRow {
  id: number;
  rec_name: string;
  code: string | null;
}

interface LineRow {
  id: number;
  type: string;
  quantity: number;
  product: number | null;
  'product.': ProductRow | null;
  'sale.': SaleRow;
}

interface PartyRow {
  id: number;
  rec_name: string;
  name: string;
}

interface SaleRow {
  id: number;
  number: string | null;
  total_amount: Decimal;
  party: number;
  'party.': PartyRow;
  lines: number[];
  'lines.': LineRow[];
}

/** As a mapping file declares its list once, and names the row it reads. */
const SALE_FIELDS = ['number', 'party.rec_name'] as const satisfies readonly FieldPath<SaleRow>[];
type Sale = ReadRow<SaleRow, typeof SALE_FIELDS>;

/** Never called: these functions exist for their types. */
const reads = (sales: Model<SaleRow>, untyped: Model) => ({
  dotted: () => sales.read([1], ['number', 'party.rec_name', 'lines.product.rec_name'] as const),
  merged: () =>
    sales.searchRead([], ['lines.type', 'lines.product.code', 'lines.product.rec_name'] as const),
  constant: () => sales.searchRead([['state', '=', 'done']], SALE_FIELDS, { limit: 10 }),
  mutable: () => sales.read([1], ['number', 'party.rec_name']),
  wide: (fields: string[]) => sales.searchRead([], fields),
  untyped: () => untyped.read([1], ['anything.goes'] as const),
  // @ts-expect-error: `party.street` is not a field of PartyRow
  unknownField: () => sales.read([1], ['party.street'] as const),
  // @ts-expect-error: `party.` is a relation, not a readable field
  bareRelation: () => sales.read([1], ['party.'] as const),
});
type Result<K extends keyof ReturnType<typeof reads>> = Awaited<
  ReturnType<ReturnType<typeof reads>[K]>
>;

describe('typed field lists', () => {
  it('infers nested rows from dotted paths, x2many as lists, null kept', () => {
    expectTypeOf<Result<'dotted'>>().toEqualTypeOf<
      {
        id: number;
        number: string | null;
        'party.': { id: number; rec_name: string };
        'lines.': { id: number; 'product.': { id: number; rec_name: string } | null }[];
      }[]
    >();
  });

  it('names the row of a constant field list', () => {
    expectTypeOf<Result<'constant'>>().toEqualTypeOf<Sale[]>();
    expectTypeOf<Sale>().toEqualTypeOf<{
      id: number;
      number: string | null;
      'party.': { id: number; rec_name: string };
    }>();
  });

  it('merges paths under the same relation', () => {
    expectTypeOf<Result<'merged'>>().toEqualTypeOf<
      {
        id: number;
        'lines.': {
          id: number;
          type: string;
          'product.': { id: number; code: string | null; rec_name: string } | null;
        }[];
      }[]
    >();
  });

  it('keeps the declared row for mutable or wide lists and untyped models', () => {
    expectTypeOf<Result<'mutable'>>().toEqualTypeOf<SaleRow[]>();
    expectTypeOf<Result<'wide'>>().toEqualTypeOf<SaleRow[]>();
    expectTypeOf<Result<'untyped'>>().toEqualTypeOf<Record<string, unknown>[]>();
  });

  it('lists paths through relations, bounded on cycles', () => {
    expectTypeOf<'lines.sale.party.rec_name'>().toExtend<FieldPath<SaleRow>>();
    expectTypeOf<'lines.product'>().toExtend<FieldPath<SaleRow>>();
    expectTypeOf<'party.'>().not.toExtend<FieldPath<SaleRow>>();
    expectTypeOf<FieldPath<PartyRow>>().toEqualTypeOf<'id' | 'rec_name' | 'name'>();
    expectTypeOf<ReadRow<PartyRow, ['name']>>().toEqualTypeOf<{ id: number; name: string }>();
  });
});
