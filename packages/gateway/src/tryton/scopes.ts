import type { Domain } from '@portal/tryton-client';
import { ADDRESS_MODEL, addressScope } from './address.mapper.js';
import { ATTACHMENT_MODEL, attachmentScope } from './attachment.mapper.js';
import { CONTACT_MECHANISM_MODEL, contactMechanismScope } from './contact-mechanism.mapper.js';
import { INVOICE_MODEL, invoiceScope } from './invoice.mapper.js';
import { INVOICE_LINE_MODEL, invoiceLineScope } from './invoice-line.mapper.js';
import { INVOICE_TAX_MODEL, invoiceTaxScope } from './invoice-tax.mapper.js';
import { SALE_MODEL, saleScope } from './sale.mapper.js';
import { SALE_LINE_MODEL, saleLineScope } from './sale-line.mapper.js';
import { SHIPMENT_MODEL, shipmentScope } from './shipment.mapper.js';

/**
 * What each model the gateway reads by id may return for a customer: the gateway's own layer
 * of isolation, on top of Tryton's record rules (module portal_api), so that one widened rule
 * is not enough to show a customer another's records.
 */
const SCOPES: Record<string, (parties: number[]) => Domain> = {
  [SALE_MODEL]: saleScope,
  [SALE_LINE_MODEL]: saleLineScope,
  [INVOICE_MODEL]: invoiceScope,
  [INVOICE_LINE_MODEL]: invoiceLineScope,
  [INVOICE_TAX_MODEL]: invoiceTaxScope,
  [SHIPMENT_MODEL]: shipmentScope,
  [ADDRESS_MODEL]: addressScope,
  [CONTACT_MECHANISM_MODEL]: contactMechanismScope,
  [ATTACHMENT_MODEL]: attachmentScope,
};

/** The customer's domain on `model`; a model without one is a bug, never read unscoped. */
export function customerScope(model: string, parties: number[]): Domain {
  const scope = SCOPES[model];
  if (!scope) throw new Error(`no customer scope for ${model}`);
  return scope(parties);
}
