import { Decimal, TrytonDate } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { toCheckout, toCurrencies, toOnlinePayments } from './online-payment.mapper.js';

describe('online payment mapper', () => {
  it("turns Tryton's payment states into the portal's three", () => {
    const row = (id: number, state: string) => ({
      id,
      amount: Decimal.from('10.00'),
      currency: 'EUR',
      state,
      date: TrytonDate.fromISO('2026-11-30'),
    });
    const states = ['draft', 'submitted', 'approved', 'processing', 'succeeded', 'failed'];
    expect(toOnlinePayments(states.map((s, i) => row(i, s))).map((p) => p.state)).toEqual([
      'PROCESSING',
      'PROCESSING',
      'PROCESSING',
      'PROCESSING',
      'SUCCEEDED',
      'FAILED',
    ]);
    const [first] = toOnlinePayments([row(1, 'processing')]);
    expect(first?.amount.amount.toString()).toBe('10.00');
    expect(first?.amount.currency).toBe('EUR');
    expect(first?.date).toBe('2026-11-30');
    expect(first?.paidBy).toBeNull();
    expect(toOnlinePayments(null)).toEqual([]);
  });

  it('names the member who paid, from the e-mail the module answers', () => {
    const row = { id: 1, amount: Decimal.from('5.00'), currency: 'EUR', state: 'processing' };
    expect(toOnlinePayments([{ ...row, paid_by: 'alice@example.com' }])[0]?.paidBy).toEqual({
      email: 'alice@example.com',
    });
    expect(toOnlinePayments([{ ...row, paid_by: null }])[0]?.paidBy).toBeNull();
    expect(toOnlinePayments([{ ...row, paid_by: false }])[0]?.paidBy).toBeNull();
  });

  it('keeps only currency codes, and refuses an answer without a checkout URL', () => {
    expect(toCurrencies(['EUR', 3, null])).toEqual(['EUR']);
    expect(toCurrencies(undefined)).toEqual([]);
    expect(toCheckout({ payment: 4, checkout_url: 'http://t/x' })).toEqual({
      payment: 4,
      url: 'http://t/x',
    });
    expect(() => toCheckout({ payment: 4 })).toThrow();
  });
});
