import type { InvoiceTax } from '../models.js';
import { money, text } from './values.js';

/** `account.invoice.tax`: the tax summary of an invoice. */
export const INVOICE_TAX_MODEL = 'account.invoice.tax';

export const INVOICE_TAX_FIELDS = ['description', 'base', 'amount'];

export function toInvoiceTax(row: Record<string, unknown>, currency: string): InvoiceTax {
  return {
    description: text(row.description) ?? '',
    base: money(row.base, currency),
    amount: money(row.amount, currency),
  };
}
