import type { Decimal, TrytonDate } from '@portal/tryton-client';
import type { OnlinePayment, OnlinePaymentState } from '../models.js';
import { authorOf } from './author.mapper.js';
import { isoDate, money, text } from './values.js';

/**
 * The portal module's online payment of invoices (online_payment.py of portal_api), through
 * Tryton's account_payment_stripe: its methods, their parameters and answers.
 */
export const ONLINE_PAYMENT_CURRENCIES_METHOD = 'online_payment_currencies';
export const INVOICE_ONLINE_PAYMENTS_METHOD = 'invoice_online_payments';
export const PAY_INVOICE_METHOD = 'pay_invoice';

export function payInvoiceParams(invoiceId: number, amount: Decimal, key: string): unknown[] {
  return [invoiceId, amount, key];
}

/** The currencies the company takes online payments in (`["EUR"]`), from the module. */
export function toCurrencies(result: unknown): string[] {
  return Array.isArray(result) ? result.filter((c): c is string => typeof c === 'string') : [];
}

/**
 * `account.payment` states as the customer sees them: before Stripe's answer the payment is
 * under way (draft, submitted, approved and processing in Tryton), then succeeded or failed.
 */
function toState(state: unknown): OnlinePaymentState {
  if (state === 'succeeded') return 'SUCCEEDED';
  if (state === 'failed') return 'FAILED';
  return 'PROCESSING';
}

/**
 * A payment as `invoice_online_payments` answers it. An RPC answer, not a read: each value is
 * still checked as it is mapped.
 */
interface OnlinePaymentRow {
  id: number;
  amount: Decimal;
  currency: string;
  state: string;
  date: TrytonDate | null;
  paid_by: string | false | null;
}

export function toOnlinePayments(result: unknown): OnlinePayment[] {
  if (!Array.isArray(result)) return [];
  return result
    .filter((r): r is Partial<OnlinePaymentRow> => !!r && typeof r === 'object')
    .map((row) => ({
      id: row.id as number,
      amount: money(row.amount, text(row.currency) ?? ''),
      state: toState(row.state),
      date: isoDate(row.date),
      // Who paid (issue 16): null when the staff did.
      paidBy: authorOf(row.paid_by),
    }));
}

/** What `pay_invoice` answers on success: the payment and Tryton's checkout page. */
export function toCheckout(done: Record<string, unknown>): { payment: number; url: string } {
  const payment = done.payment;
  const url = text(done.checkout_url);
  if (typeof payment !== 'number' || !url) throw new Error('pay_invoice: unexpected answer');
  return { payment, url };
}
