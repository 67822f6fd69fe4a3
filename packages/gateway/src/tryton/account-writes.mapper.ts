import type { TrytonDateTime } from '@portal/tryton-client';

/**
 * The parameters of the portal_api module's writes on the customer's details (party.py of the
 * module): addresses and contact mechanisms, in Tryton's words. The field names of the
 * module's field errors are the portal's already (`postalCode`).
 */

/** An address as the customer types it; countries and subdivisions by their ISO codes. */
export interface AddressInput {
  name: string | null;
  street: string;
  postalCode: string | null;
  city: string;
  countryCode: string;
  subdivisionCode: string | null;
}

export type AddressUsage = 'delivery' | 'invoice';

/** The kinds of contact a customer keeps on the portal. */
export type ContactKind = 'phone' | 'mobile' | 'email';

export interface ContactInput {
  type: ContactKind;
  value: string;
  name: string | null;
}

function addressValues(input: AddressInput): Record<string, unknown> {
  return {
    name: input.name,
    street: input.street,
    postal_code: input.postalCode,
    city: input.city,
    country: input.countryCode,
    subdivision: input.subdivisionCode,
  };
}

export function createAddressParams(idempotencyKey: string, input: AddressInput): unknown[] {
  return [idempotencyKey, addressValues(input)];
}

export function updateAddressParams(
  addressId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
  input: AddressInput,
): unknown[] {
  return [addressId, version, idempotencyKey, addressValues(input)];
}

export function archiveAddressParams(
  addressId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
): unknown[] {
  return [addressId, version, idempotencyKey];
}

export function defaultAddressParams(
  addressId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
  usage: AddressUsage,
): unknown[] {
  return [addressId, version, idempotencyKey, usage];
}

function contactValues(input: ContactInput): Record<string, unknown> {
  return { type: input.type, value: input.value, name: input.name };
}

export function createContactParams(idempotencyKey: string, input: ContactInput): unknown[] {
  return [idempotencyKey, contactValues(input)];
}

export function updateContactParams(
  contactId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
  input: ContactInput,
): unknown[] {
  return [contactId, version, idempotencyKey, contactValues(input)];
}

export function removeContactParams(
  contactId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
): unknown[] {
  return [contactId, version, idempotencyKey];
}

/** The address a write answered with (the new one when it replaced the old) and the old one. */
export function writtenAddress(result: Record<string, unknown>): {
  id: number;
  replacedId: number | null;
} {
  return {
    id: typeof result.address === 'number' ? result.address : 0,
    replacedId: typeof result.replaced === 'number' ? result.replaced : null,
  };
}

export function writtenContactId(result: Record<string, unknown>): number {
  return typeof result.contact === 'number' ? result.contact : 0;
}
