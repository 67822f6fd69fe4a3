import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AddressBlock, addressLines } from './address-block';

const warehouse = {
  __typename: 'Address' as const,
  id: 'address-2',
  name: 'Entrepôt',
  fullAddress: 'Entrepôt\n12 rue des Docks\n69007 Lyon\nFrance',
};

describe('address block', () => {
  it('names the building once, above the lines of the address', () => {
    render(<AddressBlock address={warehouse} />);
    expect(screen.getAllByText('Entrepôt')).toHaveLength(1);
    expect(addressLines(warehouse)).toEqual(['12 rue des Docks', '69007 Lyon', 'France']);
  });

  it('keeps every line of an address without a name', () => {
    expect(addressLines({ ...warehouse, name: null })).toEqual([
      'Entrepôt',
      '12 rue des Docks',
      '69007 Lyon',
      'France',
    ]);
  });
});
