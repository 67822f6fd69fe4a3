import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';
import { SessionQuery } from './session';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
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

/** Signs in; the session cookie is set by the gateway, the cache learns who is signed in. */
export function useLogin() {
  const [mutate, state] = useMutation(LoginMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: SessionQuery, data: { viewer: data.login.customer } });
    },
  });
  const login = (email: string, password: string) =>
    mutate({ variables: { email: email.trim(), password } });
  return [login, state] as const;
}
