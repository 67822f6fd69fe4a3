import { describe, expect, it } from 'vitest';
import { toOrder } from './sale.mapper.js';

const row = (values: Record<string, unknown>) => ({
  id: 7,
  number: 'CV-1',
  'currency.': { code: 'EUR' },
  write_date: { __class__: 'datetime', year: 2026, month: 11, day: 30, hour: 12 },
  ...values,
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
