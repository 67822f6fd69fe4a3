import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($email: String!, $token: String!, $password: String!) {
    resetPassword(email: $email, token: $token, password: $password)
  }
`);

/** Sets a new password from the e-mailed link; the customer signs in afterwards. */
export function useResetPassword() {
  const [mutate, state] = useMutation(ResetPasswordMutation);
  const reset = (variables: { email: string; token: string; password: string }) =>
    mutate({ variables });
  return [reset, state] as const;
}
