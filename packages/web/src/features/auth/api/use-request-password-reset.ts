import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** Always succeeds for any address (no account enumeration); nothing to cache. */
export function useRequestPasswordReset() {
  const [mutate, state] = useMutation(RequestPasswordResetMutation);
  const request = (email: string) => mutate({ variables: { email: email.trim() } });
  return [request, state] as const;
}
