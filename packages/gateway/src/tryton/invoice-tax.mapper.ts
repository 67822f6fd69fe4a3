import type { Decimal, Domain, ReadRow } from '@portal/tryton-client';
import type { InvoiceTax } from '../models.js';
import { invoiceScope } from './invoice.mapper.js';
import { type Fields, modelName } from './rows.js';
import { money, nested, text } from './values.js';

/** What the portal reads of an `account.invoice.tax`. */
export interface InvoiceTaxRow {
  id: number;
  description: string | null;
  'tax.': { id: number; description: string } | null;
  base: Decimal;
  amount: Decimal;
}

/** `account.invoice.tax`: the tax summary of an invoice. */
export const INVOICE_TAX_MODEL = modelName<InvoiceTaxRow>('account.invoice.tax');

/** Tax lines of the invoices the customer may see. */
export function invoiceTaxScope(parties: number[]): Domain {
  return nested('invoice', invoiceScope(parties));
}

/**
 * The tax's own description is translatable and read in the request's language; the line's
 * `description` is a copy made when the invoice was computed, in the company's language,
 * kept for manual tax lines that have no tax.
 */
export const INVOICE_TAX_FIELDS = [
  'description',
  'tax.description',
  'base',
  'amount',
] as const satisfies Fields<InvoiceTaxRow>;

export function toInvoiceTax(
  row: ReadRow<InvoiceTaxRow, typeof INVOICE_TAX_FIELDS>,
  currency: string,
): InvoiceTax {
  const tax = row['tax.'];
  return {
    description: text(tax?.description) ?? text(row.description) ?? '',
    base: money(row.base, currency),
    amount: money(row.amount, currency),
  };
}
