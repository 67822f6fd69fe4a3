import type { Domain } from '@portal/tryton-client';
import type { Line } from '../models.js';
import { invoiceScope } from './invoice.mapper.js';
import { toLine } from './line.js';
import { nested } from './values.js';

/** `account.invoice.line`: the lines of an invoice. */
export const INVOICE_LINE_MODEL = 'account.invoice.line';

/** Lines of the invoices the customer may see. */
export function invoiceLineScope(parties: number[]): Domain {
  return nested('invoice', invoiceScope(parties));
}

export const INVOICE_LINE_FIELDS = [
  'type',
  'product',
  'product.name',
  'product.code',
  'description',
  'quantity',
  'unit.symbol',
  'unit_price',
  'amount',
  'taxes.rec_name',
];

export function toInvoiceLine(row: Record<string, unknown>, currency: string): Line | null {
  return row.type === 'line' ? toLine(row, currency) : null;
}
