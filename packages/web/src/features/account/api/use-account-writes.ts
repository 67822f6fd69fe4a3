import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '@/gql';

const CreateAddressMutation = graphql(`
  mutation CreateAddress($input: CreateAddressInput!) {
    createAddress(input: $input) {
      replayed
      address {
        id
        ...AddressItem_address
      }
    }
  }
`);

const UpdateAddressMutation = graphql(`
  mutation UpdateAddress($input: UpdateAddressInput!) {
    updateAddress(input: $input) {
      replayed
      replacedAddressId
      address {
        id
        ...AddressItem_address
      }
    }
  }
`);

const ArchiveAddressMutation = graphql(`
  mutation ArchiveAddress($input: ArchiveAddressInput!) {
    archiveAddress(input: $input) {
      replayed
    }
  }
`);

const SetDefaultAddressMutation = graphql(`
  mutation SetDefaultAddress($input: SetDefaultAddressInput!) {
    setDefaultAddress(input: $input) {
      replayed
    }
  }
`);

const CreateContactMutation = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      replayed
      contact {
        id
        ...ContactItem_contact
      }
    }
  }
`);

const UpdateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      replayed
      contact {
        id
        ...ContactItem_contact
      }
    }
  }
`);

const RemoveContactMutation = graphql(`
  mutation RemoveContact($input: RemoveContactInput!) {
    removeContact(input: $input) {
      replayed
    }
  }
`);

/**
 * One idempotency key per action shown: a double click or a retry sends the same key, so the
 * gateway writes once; `renew` once the action is done or refused (a new input).
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())] as const;
}

// Each write changes the list of the account page (an address added, replaced or archived, a
// default moved): the account query is read again, fresh from the gateway.
const REFETCH = { refetchQueries: ['Account'], awaitRefetchQueries: true };

export function useCreateAddress() {
  return useMutation(CreateAddressMutation, REFETCH);
}

export function useUpdateAddress() {
  return useMutation(UpdateAddressMutation, REFETCH);
}

export function useArchiveAddress() {
  return useMutation(ArchiveAddressMutation, REFETCH);
}

export function useSetDefaultAddress() {
  return useMutation(SetDefaultAddressMutation, REFETCH);
}

export function useCreateContact() {
  return useMutation(CreateContactMutation, REFETCH);
}

export function useUpdateContact() {
  return useMutation(UpdateContactMutation, REFETCH);
}

export function useRemoveContact() {
  return useMutation(RemoveContactMutation, REFETCH);
}
