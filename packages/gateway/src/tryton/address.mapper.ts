import type { Domain, Order, ReadRow } from '@portal/tryton-client';
import type { Address } from '../models.js';
import { AUTHOR_FIELDS, type AuthorColumns, author } from './author.mapper.js';
import { type Fields, modelName } from './rows.js';
import { text } from './values.js';
import { type VersionColumns, versionOf } from './version.js';

/** A country or subdivision as an address names it. */
interface PlaceRow {
  id: number;
  rec_name: string;
  code: string | null;
}

/**
 * What the portal reads of a `party.address`, on either series: `name` (up to 7.0) and
 * `building_name` (from 7.2) are the same field, of which `addressFields` reads the one the
 * server has.
 */
export interface AddressRow extends AuthorColumns<'changedBy'>, VersionColumns {
  id: number;
  name: string | null;
  building_name: string | null;
  full_address: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  'country.': PlaceRow | null;
  'subdivision.': PlaceRow | null;
  /** Booleans: 1 or 0 on SQLite. */
  delivery: boolean | number;
  invoice: boolean | number;
}

/**
 * `party.address`. The building's name is `name` up to 7.0 and `building_name` from 7.2, which
 * also splits the street into parts (street name, building number, unit...); `street` stays
 * readable there, composed from them, and the portal shows `full_address` and keeps the parts
 * optional.
 */
export const ADDRESS_MODEL = modelName<AddressRow>('party.address');

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
] as const satisfies Fields<AddressRow>;

/** The fields up to 7.0 and from 7.2: only the building's name differs. */
const ADDRESS_FIELDS_70 = ['name', ...COMMON_FIELDS] as const;
const ADDRESS_FIELDS_72 = ['building_name', ...COMMON_FIELDS] as const;

/** An address as either series' list reads it. */
export type AddressRead =
  | ReadRow<AddressRow, typeof ADDRESS_FIELDS_70>
  | ReadRow<AddressRow, typeof ADDRESS_FIELDS_72>;

/** Tryton's order of a party's addresses (`sequence_ordered`): what `address_get` walks. */
export const ADDRESS_ORDER: Order = [
  ['sequence', 'ASC NULLS FIRST'],
  ['id', 'ASC'],
];

/**
 * The fields to read on the series `version` answers (`common.server.version`: `'7.6'`,
 * `'7.0.30'`); the newest names when it is not known.
 */
export function addressFields(
  version: string | undefined,
): typeof ADDRESS_FIELDS_70 | typeof ADDRESS_FIELDS_72 {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [Infinity, 0];
  const before72 = major < 7 || (major === 7 && minor < 2);
  return before72 ? ADDRESS_FIELDS_70 : ADDRESS_FIELDS_72;
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
export function toAddress(row: AddressRead): Address {
  const name = text('building_name' in row ? row.building_name : row.name);
  return {
    id: row.id,
    name,
    fullAddress: text(row.full_address) ?? '',
    street: streetOnly(text(row.street), name),
    postalCode: text(row.postal_code),
    city: text(row.city),
    country: text(row['country.']?.rec_name),
    countryCode: text(row['country.']?.code),
    subdivision: text(row['subdivision.']?.rec_name),
    subdivisionCode: text(row['subdivision.']?.code),
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
