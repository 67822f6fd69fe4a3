import { Decimal, TrytonDate } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { paymentLineIds, toPayment } from './payment-line.mapper.js';

/** A receivable line as Tryton reads it, with `changes` (values of any shape, for the cases). */
const row = (changes: Record<string, unknown> = {}) =>
  ({
    id: 7,
    date: TrytonDate.fromISO('2026-10-15'),
    debit: Decimal.from('0'),
    credit: Decimal.from('332.35'),
    amount_second_currency: null,
    'second_currency.': null,
    description: null,
    'move.': { id: 3, description: 'Virement reçu', 'journal.': { id: 1, name: 'Banque' } },
    ...changes,
  }) as unknown as Parameters<typeof toPayment>[0];

describe('payment lines', () => {
  it('reads a receivable credit as a payment, its journal as the method', () => {
    expect(toPayment(row(), 'EUR')).toEqual({
      id: 7,
      date: '2026-10-15',
      amount: { amount: Decimal.from('332.35'), currency: 'EUR' },
      method: 'Banque',
      description: 'Virement reçu',
    });
  });

  it('reads a debit (a refund) as negative, and prefers the line’s own description', () => {
    const payment = toPayment(
      row({ debit: Decimal.from('20'), credit: Decimal.from('0'), description: 'Avoir' }),
      'EUR',
    );
    expect(payment.amount.amount.toFixed(2)).toBe('-20.00');
    expect(payment.description).toBe('Avoir');
  });

  it('takes the amount in the invoice currency when the line carries it as second currency', () => {
    const payment = toPayment(
      row({
        amount_second_currency: Decimal.from('-400'),
        'second_currency.': { id: 2, code: 'USD' },
      }),
      'USD',
    );
    expect(payment.amount).toEqual({ amount: Decimal.from('400'), currency: 'USD' });
  });

  it('merges the partial payments and the reconciled lines, each once', () => {
    expect(paymentLineIds({ id: 1, payment_lines: [4, 7], reconciliation_lines: [7, 9] })).toEqual([
      4, 7, 9,
    ]);
    expect(paymentLineIds({} as Parameters<typeof paymentLineIds>[0])).toEqual([]);
  });
});
