import type { ReadRow } from '@portal/tryton-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RecordLoaders } from '../loaders/record.loader.js';
import type { CustomerTryton } from './customer-tryton.js';
import type { Fields } from './rows.js';
import { SALE_FIELDS, SALE_MODEL, type SaleRead, type SaleRow, toOrder } from './sale.mapper.js';

/** A row of a few fields only: what each case is about (Tryton's rows have them all). */
const row = (values: Record<string, unknown>) =>
  ({
    id: 7,
    number: 'CV-1',
    'currency.': { code: 'EUR' },
    write_date: { __class__: 'datetime', year: 2026, month: 11, day: 30, hour: 12 },
    ...values,
  }) as unknown as SaleRead;

/**
 * Never called: these reads exist for their types (`pnpm typecheck` checks them). A field
 * list is checked against the model's schema wherever it is given, and the row a mapper
 * takes is the one its list reads.
 */
const reads = (
  tryton: CustomerTryton,
  loaders: RecordLoaders,
  partial: ReadRow<SaleRow, ['number']>,
) => ({
  declared: () => tryton.searchRead(SALE_MODEL, [], SALE_FIELDS),
  // @ts-expect-error: `numbr` is not a field of sale.sale's schema
  misspelled: () => tryton.searchRead(SALE_MODEL, [], ['numbr']),
  // @ts-expect-error: nor is `party.street` (a party's field the schema does not follow)
  unknownPath: () => loaders.load(SALE_MODEL, ['party.street'], [7]),
  // @ts-expect-error: a row read without the order's fields is not an order
  partialRow: () => toOrder(partial),
  // @ts-expect-error: a list declared with a misspelled field does not compile either
  list: () => ['number', 'sale_dat'] as const satisfies Fields<SaleRow>,
});

describe('typed reads of orders', () => {
  it('give the row that SALE_FIELDS reads: each field, and the dotted ones under their relation', () => {
    type Declared = Awaited<ReturnType<ReturnType<typeof reads>['declared']>>[number];
    expectTypeOf<Declared>().toEqualTypeOf<SaleRead>();
    expectTypeOf<SaleRead['lines.']>().toEqualTypeOf<{ id: number; type: string }[]>();
    expectTypeOf<SaleRead['currency.']>().toEqualTypeOf<{ id: number; code: string }>();
    expectTypeOf<SaleRead>().not.toHaveProperty('lines');
    expectTypeOf(toOrder).parameter(0).toEqualTypeOf<SaleRead>();
  });
});

describe('toOrder', () => {
  it("shows the customer's re-order request, whichever way the backend reads a Boolean", () => {
    // PostgreSQL reads true, SQLite 1: both are a request awaiting review.
    for (const requested of [true, 1]) {
      expect(toOrder(row({ state: 'draft', portal_requested: requested }))?.state).toBe(
        'REQUESTED',
      );
    }
  });

  it("never shows the company's own drafts", () => {
    for (const requested of [false, 0, null, undefined]) {
      expect(toOrder(row({ state: 'draft', portal_requested: requested }))).toBeNull();
    }
    expect(toOrder(row({ state: 'confirmed', portal_requested: 0 }))?.state).toBe('CONFIRMED');
  });

  it('maps an order whose invoice is issued and unpaid (or partly paid) to AWAITING_PAYMENT', () => {
    // Tryton 7.x: issued invoices not (fully) paid yet; the customer has to pay them.
    const invoiceState = (value: string) =>
      toOrder(row({ state: 'processing', invoice_state: value }))?.invoiceState;
    expect(invoiceState('awaiting payment')).toBe('AWAITING_PAYMENT');
    expect(invoiceState('partially paid')).toBe('AWAITING_PAYMENT');
    // Invoices still to come are not awaiting payment.
    expect(invoiceState('pending')).toBe('WAITING');
    expect(invoiceState('waiting')).toBe('WAITING');
    expect(invoiceState('paid')).toBe('PAID');
    expect(invoiceState('none')).toBe('NONE');
  });
});
