import { invoiceScope } from './invoice.mapper.js';
import { lineMapping } from './line.js';

/** `account.invoice.line`: the lines of an invoice, mapped as every line is (line.ts). */
const lines = lineMapping('account.invoice.line', 'invoice', invoiceScope);

export const INVOICE_LINE_MODEL = lines.model;
export const invoiceLineScope = lines.scope;
export const INVOICE_LINE_FIELDS = lines.fields;
export const INVOICE_LINE_NODE_FIELDS = lines.nodeFields;
export const toInvoiceLine = lines.toLine;
export const toInvoiceLineAlone = lines.toLineAlone;
