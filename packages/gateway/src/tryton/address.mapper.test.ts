import { describe, expect, it } from 'vitest';
import { addressFields, toAddress } from './address.mapper.js';

describe('addressFields', () => {
  it('reads the building name as each series names it', () => {
    for (const version of ['6.0.29', '7.0', '7.0.30'])
      expect(addressFields(version)[0]).toBe('name');
    for (const version of ['7.2', '7.6', '8.0', '10.0']) {
      expect(addressFields(version)[0]).toBe('building_name');
    }
    // Unknown (a pinned adapter, a client not logged in yet): the production series' names.
    expect(addressFields(undefined)[0]).toBe('building_name');
    expect(addressFields('7.6')).toEqual([
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
    'country.': { id: 1, rec_name: 'France' },
  };
  const address = {
    id: 3,
    name: 'Entrepôt',
    fullAddress: 'Entrepôt\n27 rue de Gerland\n69007 Lyon',
    street: '27 rue de Gerland',
    postalCode: '69007',
    city: 'Lyon',
    country: 'France',
  };

  it('maps a 7.0 row (name) and a 7.6 or 8.0 row (building_name) alike', () => {
    expect(toAddress({ ...common, name: 'Entrepôt' })).toEqual(address);
    expect(toAddress({ ...common, building_name: 'Entrepôt' })).toEqual(address);
    expect(toAddress({ ...common, building_name: '' }).name).toBeNull();
  });
});
