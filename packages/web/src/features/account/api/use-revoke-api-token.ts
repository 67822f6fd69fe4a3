import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

/** Revokes a token; once the gateway confirms, it leaves the cache (and so every list). */
export function useRevokeApiToken() {
  const [mutate, state] = useMutation(RevokeApiTokenMutation);
  const revoke = (id: string) =>
    mutate({
      variables: { id },
      update(cache, { data }) {
        if (!data?.revokeApiToken) return;
        cache.evict({ id: cache.identify({ __typename: 'ApiToken', id }) });
        cache.gc();
      },
    });
  return [revoke, state] as const;
}
