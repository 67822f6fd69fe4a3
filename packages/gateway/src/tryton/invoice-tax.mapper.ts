import type { Domain } from '@portal/tryton-client';
import type { InvoiceTax } from '../models.js';
import { invoiceScope } from './invoice.mapper.js';
import { money, nested, text } from './values.js';

/** `account.invoice.tax`: the tax summary of an invoice. */
export const INVOICE_TAX_MODEL = 'account.invoice.tax';

/** Tax lines of the invoices the customer may see. */
export function invoiceTaxScope(parties: number[]): Domain {
  return nested('invoice', invoiceScope(parties));
}

export const INVOICE_TAX_FIELDS = ['description', 'base', 'amount'];

export function toInvoiceTax(row: Record<string, unknown>, currency: string): InvoiceTax {
  return {
    description: text(row.description) ?? '',
    base: money(row.base, currency),
    amount: money(row.amount, currency),
  };
}
