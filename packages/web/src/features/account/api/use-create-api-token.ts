import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';
import { ApiTokenItem_TokenFragmentDoc, type Scope } from '@/gql/graphql';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $scopes: [Scope!]) {
    createApiToken(name: $name, scopes: $scopes) {
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
  /** `scopes` narrower than the member's role; omitted, the token follows the role. */
  const create = (name: string, scopes?: Scope[]) =>
    mutate({ variables: { name: name.trim(), ...(scopes ? { scopes } : {}) } });
  return [create, state] as const;
}
