import type { Domain, Order } from '@portal/tryton-client';
import type { Address } from '../models.js';
import { AUTHOR_FIELDS, author } from './author.mapper.js';
import { related, text } from './values.js';
import { versionOf } from './version.js';

/**
 * `party.address`. The building's name is `name` up to 7.0 and `building_name` from 7.2, which
 * also splits the street into parts (street name, building number, unit...); `street` stays
 * readable there, composed from them, and the portal shows `full_address` and keeps the parts
 * optional.
 */
export const ADDRESS_MODEL = 'party.address';

const COMMON_FIELDS = [
  'full_address',
  'street',
  'postal_code',
  'city',
  'country.rec_name',
  'country.code',
  'subdivision.rec_name',
  'subdivision.code',
  // The flags of the stock and account_invoice modules that Tryton's `address_get` picks by.
  'delivery',
  'invoice',
  'write_date',
  'create_date',
  AUTHOR_FIELDS.changedBy,
];

/** Tryton's order of a party's addresses (`sequence_ordered`): what `address_get` walks. */
export const ADDRESS_ORDER: Order = [
  ['sequence', 'ASC NULLS FIRST'],
  ['id', 'ASC'],
];

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

/**
 * The street without the building's name: from 7.2 Tryton composes `street` from its parts,
 * the building's name on the first line in most countries' formats (FR: the name, then the
 * number and street name).
 */
function streetOnly(street: string | null, name: string | null): string | null {
  if (!street || !name) return street;
  const [first, ...rest] = street.split('\n');
  return first?.trim() === name.trim() ? text(rest.join('\n')) : street;
}

/** A row read with `addressFields`, whichever series named the building. */
export function toAddress(row: Record<string, unknown>): Address {
  const name = text(row.building_name ?? row.name);
  return {
    id: row.id as number,
    name,
    fullAddress: text(row.full_address) ?? '',
    street: streetOnly(text(row.street), name),
    postalCode: text(row.postal_code),
    city: text(row.city),
    country: text(related<{ rec_name?: string }>(row, 'country')?.rec_name),
    countryCode: text(related<{ code?: string }>(row, 'country')?.code),
    subdivision: text(related<{ rec_name?: string }>(row, 'subdivision')?.rec_name),
    subdivisionCode: text(related<{ code?: string }>(row, 'subdivision')?.code),
    delivery: row.delivery === true || row.delivery === 1,
    invoice: row.invoice === true || row.invoice === 1,
    version: versionOf(row),
    changedBy: author(row, 'changedBy'),
  };
}

/**
 * The address Tryton picks for `usage` (`party.address_get`): the first, in Tryton's order, with
 * the usage's flag, else the first address; null when there is none.
 */
export function defaultAddress(
  addresses: Address[],
  usage: 'delivery' | 'invoice',
): Address | null {
  return addresses.find((address) => address[usage]) ?? addresses[0] ?? null;
}
