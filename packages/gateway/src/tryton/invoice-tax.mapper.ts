import type { Domain } from '@portal/tryton-client';
import type { InvoiceTax } from '../models.js';
import { invoiceScope } from './invoice.mapper.js';
import { money, nested, related, text } from './values.js';

/** `account.invoice.tax`: the tax summary of an invoice. */
export const INVOICE_TAX_MODEL = 'account.invoice.tax';

/** Tax lines of the invoices the customer may see. */
export function invoiceTaxScope(parties: number[]): Domain {
  return nested('invoice', invoiceScope(parties));
}

/**
 * The tax's own description is translatable and read in the request's language; the line's
 * `description` is a copy made when the invoice was computed, in the company's language,
 * kept for manual tax lines that have no tax.
 */
export const INVOICE_TAX_FIELDS = ['description', 'tax.description', 'base', 'amount'];

export function toInvoiceTax(row: Record<string, unknown>, currency: string): InvoiceTax {
  const tax = related<{ description?: unknown }>(row, 'tax');
  return {
    description: text(tax?.description) ?? text(row.description) ?? '',
    base: money(row.base, currency),
    amount: money(row.amount, currency),
  };
}
