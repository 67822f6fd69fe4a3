import type { Line } from '../models.js';
import { toLine } from './line.js';

/** `account.invoice.line`: the lines of an invoice. */
export const INVOICE_LINE_MODEL = 'account.invoice.line';

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
