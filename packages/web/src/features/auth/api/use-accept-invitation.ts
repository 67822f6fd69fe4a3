import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';
import { SessionQuery } from './session';

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($email: String!, $token: String!, $password: String!) {
    acceptInvitation(email: $email, token: $token, password: $password) {
      customer {
        id
        name
        email
        language
        role
        scopes
      }
    }
  }
`);

/** Sets the invited member's password and signs in: the cache learns who is signed in. */
export function useAcceptInvitation() {
  const [mutate, state] = useMutation(AcceptInvitationMutation, {
    update(cache, { data }) {
      if (data)
        cache.writeQuery({ query: SessionQuery, data: { viewer: data.acceptInvitation.customer } });
    },
  });
  const accept = (email: string, token: string, password: string) =>
    mutate({ variables: { email, token, password } });
  return [accept, state] as const;
}
