import type { Domain } from '@portal/tryton-client';
import type { CacheArea } from '../config.js';
import { ADDRESS_MODEL, addressScope } from './address.mapper.js';
import { ATTACHMENT_MODEL, attachmentScope } from './attachment.mapper.js';
import { COMPLAINT_MODEL, complaintScope } from './complaint.mapper.js';
import { CONTACT_MECHANISM_MODEL, contactMechanismScope } from './contact-mechanism.mapper.js';
import { INVOICE_MODEL, invoiceScope } from './invoice.mapper.js';
import { INVOICE_LINE_MODEL, invoiceLineScope } from './invoice-line.mapper.js';
import { INVOICE_TAX_MODEL, invoiceTaxScope } from './invoice-tax.mapper.js';
import { PAYMENT_LINE_MODEL, paymentLineScope } from './payment-line.mapper.js';
import { SALE_MODEL, saleScope } from './sale.mapper.js';
import { SALE_LINE_MODEL, saleLineScope } from './sale-line.mapper.js';
import { SHIPMENT_MODEL, shipmentScope } from './shipment.mapper.js';

/**
 * What the gateway knows of each model it reads for a customer: its scope, the gateway's own
 * layer of isolation on top of Tryton's record rules (module portal_api), so that one widened
 * rule is not enough to show a customer another's records; and its cache area, hence how long
 * its reads are kept (config.ts, docs/caching.md).
 */
const MODELS: Record<string, { scope: (parties: number[]) => Domain; area: CacheArea }> = {
  [SALE_MODEL]: { scope: saleScope, area: 'orders' },
  [SALE_LINE_MODEL]: { scope: saleLineScope, area: 'lines' },
  [INVOICE_MODEL]: { scope: invoiceScope, area: 'invoices' },
  [INVOICE_LINE_MODEL]: { scope: invoiceLineScope, area: 'lines' },
  [INVOICE_TAX_MODEL]: { scope: invoiceTaxScope, area: 'lines' },
  // Payments change what is due: as long as invoices.
  [PAYMENT_LINE_MODEL]: { scope: paymentLineScope, area: 'invoices' },
  [SHIPMENT_MODEL]: { scope: shipmentScope, area: 'shipments' },
  [ADDRESS_MODEL]: { scope: addressScope, area: 'addresses' },
  [CONTACT_MECHANISM_MODEL]: { scope: contactMechanismScope, area: 'contacts' },
  [ATTACHMENT_MODEL]: { scope: attachmentScope, area: 'documents' },
  // The company's answer changes the complaint: as long as the orders it hangs off.
  [COMPLAINT_MODEL]: { scope: complaintScope, area: 'orders' },
};

/** Every model the gateway reads for a customer; scopes.test.ts holds a case for each. */
export const SCOPED_MODELS: readonly string[] = Object.keys(MODELS);

function known(model: string) {
  const entry = MODELS[model];
  if (!entry) throw new Error(`no customer scope for ${model}`);
  return entry;
}

/** The customer's domain on `model`; a model without one is a bug, never read unscoped. */
export function customerScope(model: string, parties: number[]): Domain {
  return known(model).scope(parties);
}

/** The cache area of `model`'s reads. */
export function cacheArea(model: string): CacheArea {
  return known(model).area;
}
