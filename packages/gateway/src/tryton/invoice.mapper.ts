import type { Decimal, Domain, ReadRow, TrytonDate } from '@portal/tryton-client';
import type { Invoice, InvoiceState, Money } from '../models.js';
import { DEFAULT_SORT, type ListSort, type SortField } from '../pagination.js';
import type { Keyset } from './keyset.js';
import { type LineKind, productLineIds } from './line.js';
import { type Fields, modelName } from './rows.js';
import { containsDomain } from './search.js';
import { type CurrencyRow, currencyCode, ids, isoDate, jsDate, money, text } from './values.js';

/** What the portal reads of an `account.invoice` (its schema: fields.ts of tryton-client). */
export interface InvoiceRow {
  id: number;
  number: string | null;
  reference: string | null;
  state: string;
  invoice_date: TrytonDate | null;
  untaxed_amount: Decimal;
  tax_amount: Decimal;
  total_amount: Decimal;
  amount_to_pay: Decimal;
  'currency.': CurrencyRow;
  'lines.': LineKind[];
  taxes: number[];
  sales: number[];
  'lines_to_pay.': { id: number; maturity_date: TrytonDate | null }[];
  /** The invoice's payments (payment-line.mapper.ts). */
  payment_lines: number[];
  reconciliation_lines: number[];
}

/** `account.invoice` (customer invoices only). */
export const INVOICE_MODEL = modelName<InvoiceRow>('account.invoice');

export const INVOICE_FIELDS = [
  'number',
  'reference',
  'state',
  'invoice_date',
  'untaxed_amount',
  'tax_amount',
  'total_amount',
  'amount_to_pay',
  'currency.code',
  // Each line's kind: the portal lists (and counts) the product lines only.
  'lines.type',
  'taxes',
  'sales',
  'lines_to_pay.maturity_date',
] as const satisfies Fields<InvoiceRow>;

/** An invoice as the mapper reads it. */
export type InvoiceRead = ReadRow<InvoiceRow, typeof INVOICE_FIELDS>;

/** What `invoiceDue` needs for the amount left to pay (the dashboard's sum). */
export const INVOICE_DUE_FIELDS = [
  'state',
  'amount_to_pay',
  'currency.code',
] as const satisfies Fields<InvoiceRow>;

/** What `invoiceMonth` needs for the amounts invoiced per month. */
export const INVOICE_MONTH_FIELDS = [
  'state',
  'invoice_date',
  'total_amount',
  'currency.code',
] as const satisfies Fields<InvoiceRow>;

/** What names an invoice, as a document (its PDF) and as what a document belongs to. */
export const INVOICE_DOCUMENT_FIELDS = [
  'number',
  'invoice_date',
  'state',
] as const satisfies Fields<InvoiceRow>;
export type InvoiceDocumentRead = ReadRow<InvoiceRow, typeof INVOICE_DOCUMENT_FIELDS>;

/** What names an invoice (the "belongs to" of a document: `recordNumber`). */
export const INVOICE_NUMBER_FIELDS = ['number'] as const satisfies Fields<InvoiceRow>;

const STATES: Record<string, InvoiceState> = {
  posted: 'POSTED',
  paid: 'PAID',
  cancelled: 'CANCELLED',
};
const TRYTON_STATES = Object.fromEntries(Object.entries(STATES).map(([k, v]) => [v, k]));

/** Newest first, the id breaking ties. */
export const INVOICE_KEYSET: Keyset = { field: 'invoice_date', direction: 'DESC' };

/**
 * The keys of the other sorts: the number as Tryton sorts it (length, then text), and the
 * total Tryton stores when an invoice is posted (`total_amount` is computed and cannot be
 * sorted on; every invoice the customer sees was posted).
 */
const INVOICE_SORT_KEYS: Record<SortField, Omit<Keyset, 'direction'>> = {
  DATE: { field: 'invoice_date' },
  NUMBER: { field: 'number', text: 'length-first' },
  AMOUNT: { field: 'total_amount_cache' },
};

/** The keyset of an invoice list's sort (the id breaks ties, in the same direction). */
export function invoiceKeyset(sort: ListSort | null | undefined): Keyset {
  const { field, direction } = sort ?? DEFAULT_SORT;
  return { ...INVOICE_SORT_KEYS[field], direction };
}

/** Customer invoices of the customer's parties; drafts, validated and never-numbered ones never. */
export function invoiceScope(parties: number[]): Domain {
  return [
    ['type', '=', 'out'],
    ['party', 'in', parties],
    ['state', 'in', Object.keys(STATES)],
    ['number', '!=', null],
  ];
}

export interface InvoiceFilterInput {
  states?: InvoiceState[] | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  unpaid?: boolean | null;
  overdue?: boolean | null;
  search?: string | null;
}

/**
 * The filter's conditions; the customer's scope is added to every read (scopes.ts). Unpaid:
 * posted (paid ones are `paid`). Overdue: an open receivable line past maturity.
 */
export function invoiceDomain(
  filter: InvoiceFilterInput | null | undefined,
  toDate: (iso: string) => unknown,
  today: string,
): Domain {
  const domain: Domain = [];
  if (filter?.states?.length) {
    domain.push(['state', 'in', filter.states.map((s) => TRYTON_STATES[s])]);
  }
  if (filter?.dateFrom) domain.push(['invoice_date', '>=', toDate(filter.dateFrom)]);
  if (filter?.dateTo) domain.push(['invoice_date', '<=', toDate(filter.dateTo)]);
  if (filter?.unpaid) domain.push(['state', '=', 'posted']);
  if (filter?.overdue) {
    domain.push(['state', '=', 'posted']);
    domain.push([
      'move.lines',
      'where',
      [
        ['maturity_date', '<', toDate(today)],
        // Only the receivable lines (the ones to pay) carry a maturity date.
        ['reconciliation', '=', null],
      ],
    ]);
  }
  const search = containsDomain(['number', 'reference'], filter?.search);
  if (search) domain.push(search);
  return domain;
}

export function invoiceNumberDomain(number: string): Domain {
  return [['number', '=', number]];
}

/** The amount left to pay on an invoice the customer sees; null for one it does not. */
export function invoiceDue(row: ReadRow<InvoiceRow, typeof INVOICE_DUE_FIELDS>): Money | null {
  if (!STATES[String(row.state)]) return null;
  return money(row.amount_to_pay, currencyCode(row));
}

/** An invoice's month (`2026-11`) and total, for the amounts invoiced per month. */
export function invoiceMonth(
  row: ReadRow<InvoiceRow, typeof INVOICE_MONTH_FIELDS>,
): { month: string | undefined; total: Money } | null {
  if (!STATES[String(row.state)]) return null;
  return {
    month: isoDate(row.invoice_date)?.slice(0, 7),
    total: money(row.total_amount, currencyCode(row)),
  };
}

/** The invoice's number and date, as its PDF is named and listed among the documents. */
export function invoiceDocumentValues(row: InvoiceDocumentRead): {
  number: string;
  date: Date | null;
} {
  const number = typeof row.number === 'string' ? row.number : String(row.id);
  return { number, date: jsDate(row.invoice_date) };
}

export function toInvoice(row: InvoiceRead, today: string): Invoice | null {
  const state = STATES[String(row.state)];
  if (!state) return null;
  const currency = currencyCode(row);
  const maturities = (row['lines_to_pay.'] ?? [])
    .map((l) => isoDate(l.maturity_date))
    .filter((d): d is string => d !== null)
    .sort();
  const dueDate = maturities[0] ?? null;
  const amountDue = money(row.amount_to_pay, currency);
  return {
    id: row.id,
    number: text(row.number) ?? '',
    reference: text(row.reference),
    state,
    date: isoDate(row.invoice_date),
    dueDate,
    overdue:
      state === 'POSTED' && !amountDue.amount.isZero() && dueDate !== null && dueDate < today,
    untaxedAmount: money(row.untaxed_amount, currency),
    taxAmount: money(row.tax_amount, currency),
    totalAmount: money(row.total_amount, currency),
    amountDue,
    lineIds: productLineIds(row['lines.']),
    taxIds: ids(row.taxes),
    orderIds: ids(row.sales),
    currency,
  };
}
