import { graphql } from '@/gql';
import type { AddressBlock_AddressFragment } from '@/gql/graphql';

export const AddressBlockFragment = graphql(`
  fragment AddressBlock_address on Address {
    id
    name
    fullAddress
  }
`);

/** The address's lines, without the one repeating its name (Tryton's format starts with it). */
export function addressLines(address: AddressBlock_AddressFragment): string[] {
  const lines = address.fullAddress.split('\n').filter((line) => line.trim());
  const name = address.name?.trim();
  const repeated = name ? lines.findIndex((line) => line.trim() === name) : -1;
  return repeated < 0 ? lines : lines.filter((_, i) => i !== repeated);
}

export function AddressBlock({ address }: { address: AddressBlock_AddressFragment }) {
  return (
    <address className="address">
      {address.name && <strong>{address.name}</strong>}
      {addressLines(address).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one address, never reordered
        <span key={i}>{line}</span>
      ))}
    </address>
  );
}
