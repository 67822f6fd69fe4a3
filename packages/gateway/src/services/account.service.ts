import { SCOPES, type Scope } from '../auth/permissions.js';
import type { Address, ApiToken, ContactMechanism, Customer } from '../models.js';
import {
  ADDRESS_MODEL,
  ADDRESS_ORDER,
  addressFields,
  addressScope,
  defaultAddress,
  toAddress,
} from '../tryton/address.mapper.js';
import {
  CONTACT_MECHANISM_FIELDS,
  CONTACT_MECHANISM_MODEL,
  contactMechanismScope,
  toContactMechanism,
} from '../tryton/contact-mechanism.mapper.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import type { ApiTokenRow } from '../tryton/portal-gateway.js';
import { jsDate } from '../tryton/values.js';

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: jsDate(row.created),
    lastUsedAt: jsDate(row.last_used),
    scopes: row.scopes
      ? row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s))
      : null,
  };
}

/** The customer's own details: addresses and contact mechanisms. */
export class AccountService {
  constructor(
    private readonly customer: Customer,
    private readonly tryton: CustomerTryton,
  ) {}

  /** The customer's active addresses, in Tryton's order (the one `address_get` walks). */
  async addresses(): Promise<Address[]> {
    const rows = await this.tryton.searchRead(
      ADDRESS_MODEL,
      addressScope([this.customer.partyId]),
      addressFields(this.tryton.version),
      { order: ADDRESS_ORDER },
    );
    return rows.map(toAddress);
  }

  /** The address Tryton puts on the customer's new sales for `usage`; null without any. */
  async defaultAddress(usage: 'delivery' | 'invoice'): Promise<Address | null> {
    return defaultAddress(await this.addresses(), usage);
  }

  async address(id: number): Promise<Address | null> {
    const fields = addressFields(this.tryton.version);
    const [row] = await this.tryton.searchRead(ADDRESS_MODEL, [['id', '=', id]], fields, {
      limit: 1,
    });
    return row ? toAddress(row) : null;
  }

  /** One contact mechanism by id (`node`), of the customer's parties only. */
  async contactMechanism(id: number): Promise<ContactMechanism | null> {
    const [row] = await this.tryton.searchRead(
      CONTACT_MECHANISM_MODEL,
      [['id', '=', id]],
      CONTACT_MECHANISM_FIELDS,
      { limit: 1 },
    );
    return row ? toContactMechanism(row) : null;
  }

  async contactMechanisms(): Promise<ContactMechanism[]> {
    const rows = await this.tryton.searchRead(
      CONTACT_MECHANISM_MODEL,
      contactMechanismScope([this.customer.partyId]),
      CONTACT_MECHANISM_FIELDS,
      { order: [['id', 'ASC']] },
    );
    return rows.map(toContactMechanism);
  }
}
