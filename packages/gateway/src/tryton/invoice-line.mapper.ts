import type { Domain } from '@portal/tryton-client';
import type { Line } from '../models.js';
import { invoiceScope } from './invoice.mapper.js';
import { LINE_PRODUCT_FIELDS, parentCurrency, toLine } from './line.js';
import { nested } from './values.js';

/** `account.invoice.line`: the lines of an invoice. */
export const INVOICE_LINE_MODEL = 'account.invoice.line';

/** Lines of the invoices the customer may see. */
export function invoiceLineScope(parties: number[]): Domain {
  return nested('invoice', invoiceScope(parties));
}

export const INVOICE_LINE_FIELDS = [
  'type',
  ...LINE_PRODUCT_FIELDS,
  'description',
  'quantity',
  'unit.symbol',
  'unit_price',
  'amount',
  'taxes.description',
];

export function toInvoiceLine(row: Record<string, unknown>, currency: string): Line | null {
  return row.type === 'line' ? toLine(row, currency) : null;
}

/** The fields of a line read on its own (`node`), with the currency of its invoice. */
export const INVOICE_LINE_NODE_FIELDS = [...INVOICE_LINE_FIELDS, 'invoice.currency.code'];

export function toInvoiceLineAlone(row: Record<string, unknown>): Line | null {
  return toInvoiceLine(row, parentCurrency(row, 'invoice'));
}
