import type { Decimal, Domain, ReadRow, TrytonDate } from '@portal/tryton-client';
import type { Payment } from '../models.js';
import type { InvoiceRow } from './invoice.mapper.js';
import { type Fields, modelName } from './rows.js';
import { type CurrencyRow, isoDate, money, text } from './values.js';

/** What the portal reads of an `account.move.line`. */
export interface PaymentLineRow {
  id: number;
  date: TrytonDate;
  debit: Decimal;
  credit: Decimal;
  amount_second_currency: Decimal | null;
  'second_currency.': CurrencyRow | null;
  description: string | null;
  'move.': { id: number; description: string | null; 'journal.': { id: number; name: string } };
}

/**
 * `account.move.line`: the payments of an invoice are the receivable lines Tryton added to it
 * (`payment_lines`, partial payments) or reconciled with what it had to pay
 * (`reconciliation_lines`, the payments that settled it, credit notes included).
 */
export const PAYMENT_LINE_MODEL = modelName<PaymentLineRow>('account.move.line');

/** What the invoice says of its payments. */
export const INVOICE_PAYMENT_FIELDS = [
  'payment_lines',
  'reconciliation_lines',
] as const satisfies Fields<InvoiceRow>;

export const PAYMENT_LINE_FIELDS = [
  'date',
  'debit',
  'credit',
  'amount_second_currency',
  'second_currency.code',
  'description',
  'move.description',
  'move.journal.name',
] as const satisfies Fields<PaymentLineRow>;

/** Lines of posted moves that carry one of the customer's parties. */
export function paymentLineScope(parties: number[]): Domain {
  return [
    ['party', 'in', parties],
    ['move.state', '=', 'posted'],
  ];
}

/** The ids of an invoice's payment lines, each once, from a row of INVOICE_PAYMENT_FIELDS. */
export function paymentLineIds(row: ReadRow<InvoiceRow, typeof INVOICE_PAYMENT_FIELDS>): number[] {
  const all = [row.payment_lines, row.reconciliation_lines].flatMap((v) =>
    Array.isArray(v) ? v.filter((id): id is number => typeof id === 'number') : [],
  );
  return [...new Set(all)];
}

/**
 * A receivable line as a payment of an invoice in `currency`: what it took off the amount
 * due (credit minus debit, or minus its second-currency amount when that is the invoice's
 * currency), the journal it was booked in as the method, and its description.
 */
export function toPayment(
  row: ReadRow<PaymentLineRow, typeof PAYMENT_LINE_FIELDS>,
  currency: string,
): Payment {
  const second = row['second_currency.'];
  const move = row['move.'];
  const company = money(row.credit, currency).amount.sub(money(row.debit, currency).amount);
  const inSecond =
    second?.code === currency ? money(row.amount_second_currency, currency).amount.neg() : null;
  return {
    id: row.id,
    date: isoDate(row.date),
    amount: { amount: inSecond ?? company, currency },
    method: text(move?.['journal.']?.name),
    description: text(row.description) ?? text(move?.description),
  };
}
