import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {
      pendingEmail
      expiresAt
    }
  }
`);

/**
 * Asks to sign in with another e-mail: a link goes to the new address, the old one is told and
 * keeps working until the link is opened (the validate-email page confirms it).
 */
export function useRequestEmailChange() {
  return useMutation(RequestEmailChangeMutation);
}
