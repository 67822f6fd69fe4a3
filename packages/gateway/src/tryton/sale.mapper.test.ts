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
});
