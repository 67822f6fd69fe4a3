import type { Domain } from '@portal/tryton-client';
import type { Address } from '../models.js';
import { related, text } from './values.js';

/**
 * `party.address`. 6.0 names; 7.6 renames `name` to `building_name` and splits `street`,
 * so the portal shows `full_address` and keeps the parts optional.
 */
export const ADDRESS_MODEL = 'party.address';

export const ADDRESS_FIELDS = [
  'name',
  'full_address',
  'street',
  'postal_code',
  'city',
  'country.rec_name',
];

export function addressScope(parties: number[]): Domain {
  return [['party', 'in', parties]];
}

export function toAddress(row: Record<string, unknown>): Address {
  return {
    id: row.id as number,
    name: text(row.name),
    fullAddress: text(row.full_address) ?? '',
    street: text(row.street),
    postalCode: text(row.postal_code),
    city: text(row.city),
    country: text(related<{ rec_name?: string }>(row, 'country')?.rec_name),
  };
}
