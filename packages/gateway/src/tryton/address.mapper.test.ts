import { TrytonDateTime } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import {
  type AddressRead,
  addressFields,
  defaultAddress,
  toAddress as mapAddress,
} from './address.mapper.js';
import { versionStamp } from './version.js';

/** Rows of a few fields only: what each case is about (Tryton's rows have them all). */
const toAddress = (row: Record<string, unknown>) => mapAddress(row as unknown as AddressRead);

describe('addressFields', () => {
  it('reads the building name as each series names it', () => {
    for (const version of ['6.0.29', '7.0', '7.0.30'])
      expect(addressFields(version)[0]).toBe('name');
    for (const version of ['7.2', '7.6', '8.0', '10.0']) {
      expect(addressFields(version)[0]).toBe('building_name');
    }
    // Unknown (a pinned adapter, a client not logged in yet): the production series' names.
    expect(addressFields(undefined)[0]).toBe('building_name');
    expect(addressFields('7.6').slice(0, 6)).toEqual([
      'building_name',
      'full_address',
      'street',
      'postal_code',
      'city',
      'country.rec_name',
    ]);
  });
});

describe('toAddress', () => {
  const common = {
    id: 3,
    full_address: 'Entrepôt\n27 rue de Gerland\n69007 Lyon',
    street: '27 rue de Gerland',
    postal_code: '69007',
    city: 'Lyon',
    'country.': { id: 1, rec_name: 'France', code: 'FR' },
    'subdivision.': { id: 9, rec_name: 'Rhône', code: 'FR-69' },
    delivery: 1,
    invoice: false,
    create_date: new TrytonDateTime(2026, 11, 3, 9, 15, 0, 120),
    write_date: null,
    portal_changed_by_email: 'paul@example.fr',
  };
  const address = {
    id: 3,
    name: 'Entrepôt',
    fullAddress: 'Entrepôt\n27 rue de Gerland\n69007 Lyon',
    street: '27 rue de Gerland',
    postalCode: '69007',
    city: 'Lyon',
    country: 'France',
    countryCode: 'FR',
    subdivision: 'Rhône',
    subdivisionCode: 'FR-69',
    delivery: true,
    invoice: false,
    version: expect.any(String),
    changedBy: { email: 'paul@example.fr' },
  };

  it('maps a 7.0 row (name) and a 7.6 or 8.0 row (building_name) alike', () => {
    expect(toAddress({ ...common, name: 'Entrepôt' })).toEqual(address);
    expect(toAddress({ ...common, building_name: 'Entrepôt' })).toEqual(address);
    expect(toAddress({ ...common, building_name: '' }).name).toBeNull();
    // Written by the company's staff: no author.
    expect(toAddress({ ...common, portal_changed_by_email: false }).changedBy).toBeNull();
  });

  it('shows the street without the building name 7.2 and later compose into it', () => {
    const composed = {
      ...common,
      building_name: 'Entrepôt',
      street: 'Entrepôt\n27 rue de Gerland',
    };
    expect(toAddress(composed).street).toBe('27 rue de Gerland');
    expect(toAddress({ ...composed, building_name: 'Dépôt' }).street).toBe(
      'Entrepôt\n27 rue de Gerland',
    );
  });
});

describe('addresses for writes', () => {
  const row = (id: number, flags: { delivery?: boolean; invoice?: boolean }) =>
    toAddress({ id, full_address: '', ...flags });

  it('versions an address by its write date, else its creation date', () => {
    const created = new TrytonDateTime(2026, 11, 3, 9, 15, 0, 120);
    const written = new TrytonDateTime(2026, 11, 4, 10, 0, 0, 7);
    const version = toAddress({ id: 1, create_date: created, write_date: written }).version;
    expect(versionStamp(version)).toEqual(written);
    expect(versionStamp(toAddress({ id: 1, create_date: created }).version)).toEqual(created);
  });

  it("picks the default address as Tryton's address_get does", () => {
    const addresses = [row(1, {}), row(2, { invoice: true }), row(3, { delivery: true })];
    expect(defaultAddress(addresses, 'delivery')?.id).toBe(3);
    expect(defaultAddress(addresses, 'invoice')?.id).toBe(2);
    expect(defaultAddress([row(4, {}), row(5, {})], 'delivery')?.id).toBe(4);
    expect(defaultAddress([], 'invoice')).toBeNull();
  });
});
