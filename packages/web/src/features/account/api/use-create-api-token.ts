import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';
import { ApiTokenItem_TokenFragmentDoc } from '@/gql/graphql';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) {
      token
      apiToken {
        ...ApiTokenItem_token
      }
    }
  }
`);

/** Creates a token for an integration; it is appended to the cached list of the viewer. */
export function useCreateApiToken(customerId: string | undefined) {
  const [mutate, state] = useMutation(CreateApiTokenMutation, {
    update(cache, { data }) {
      if (!data || !customerId) return;
      const created = cache.writeFragment({
        fragment: ApiTokenItem_TokenFragmentDoc,
        fragmentName: 'ApiTokenItem_token',
        data: data.createApiToken.apiToken,
      });
      cache.modify({
        id: cache.identify({ __typename: 'Customer', id: customerId }),
        fields: {
          apiTokens: (existing) =>
            created
              ? [...((existing as readonly Reference[] | undefined) ?? []), created]
              : existing,
        },
      });
    },
  });
  const create = (name: string) => mutate({ variables: { name: name.trim() } });
  return [create, state] as const;
}
