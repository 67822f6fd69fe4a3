import type { Domain } from '@portal/tryton-client';
import type { Address } from '../models.js';
import { related, text } from './values.js';

/**
 * `party.address`. The building's name is `name` up to 7.0 and `building_name` from 7.2, which
 * also splits the street into parts (street name, building number, unit...); `street` stays
 * readable there, composed from them, and the portal shows `full_address` and keeps the parts
 * optional.
 */
export const ADDRESS_MODEL = 'party.address';

const COMMON_FIELDS = ['full_address', 'street', 'postal_code', 'city', 'country.rec_name'];

/**
 * The fields to read on the series `version` answers (`common.server.version`: `'7.6'`,
 * `'7.0.30'`); the newest names when it is not known.
 */
export function addressFields(version: string | undefined): string[] {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [Infinity, 0];
  const before72 = major < 7 || (major === 7 && minor < 2);
  return [before72 ? 'name' : 'building_name', ...COMMON_FIELDS];
}

export function addressScope(parties: number[]): Domain {
  return [['party', 'in', parties]];
}

/** A row read with `addressFields`, whichever series named the building. */
export function toAddress(row: Record<string, unknown>): Address {
  return {
    id: row.id as number,
    name: text(row.building_name ?? row.name),
    fullAddress: text(row.full_address) ?? '',
    street: text(row.street),
    postalCode: text(row.postal_code),
    city: text(row.city),
    country: text(related<{ rec_name?: string }>(row, 'country')?.rec_name),
  };
}
