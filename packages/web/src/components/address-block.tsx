import { graphql } from '@/gql';
import type { AddressBlock_AddressFragment } from '@/gql/graphql';

export const AddressBlockFragment = graphql(`
  fragment AddressBlock_address on Address {
    id
    name
    fullAddress
  }
`);

export function AddressBlock({ address }: { address: AddressBlock_AddressFragment }) {
  return (
    <address className="address">
      {address.name && <strong>{address.name}</strong>}
      {address.fullAddress.split('\n').map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one address, never reordered
        <span key={i}>{line}</span>
      ))}
    </address>
  );
}
