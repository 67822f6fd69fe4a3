import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword(
    $email: String!
    $token: String!
    $password: String!
    $revokeApiTokens: Boolean = false
  ) {
    resetPassword(
      email: $email
      token: $token
      password: $password
      revokeApiTokens: $revokeApiTokens
    ) {
      otherSessionsEnded
      apiTokensRevoked
      apiTokensKept
    }
  }
`);

/**
 * Sets a new password from the e-mailed link; every session of the customer ends (API tokens
 * too with `revokeApiTokens`), and the customer signs in afterwards.
 */
export function useResetPassword() {
  const [mutate, state] = useMutation(ResetPasswordMutation);
  const reset = (variables: {
    email: string;
    token: string;
    password: string;
    revokeApiTokens?: boolean;
  }) => mutate({ variables });
  return [reset, state] as const;
}
