import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const ValidateEmailMutation = graphql(`
  mutation ValidateEmail($token: String!) {
    validateEmail(token: $token)
  }
`);

/** Confirms the address; a signed-in customer's cached `emailValidated` is refreshed. */
export function useValidateEmail() {
  const [mutate, state] = useMutation(ValidateEmailMutation, {
    update(cache, { data }) {
      if (!data?.validateEmail) return;
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          viewer(existing, { readField }) {
            const id = existing && readField<string>('id', existing);
            if (id) {
              cache.modify({
                id: cache.identify({ __typename: 'Customer', id }),
                fields: { emailValidated: () => true },
              });
            }
            return existing;
          },
        },
      });
    },
  });
  const validate = (token: string) => mutate({ variables: { token } });
  return [validate, state] as const;
}
