import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Changes the password of the signed-in customer; the session stays valid, nothing cached changes. */
export function useChangePassword() {
  const [mutate, state] = useMutation(ChangePasswordMutation);
  const changePassword = (currentPassword: string, newPassword: string) =>
    mutate({ variables: { currentPassword, newPassword } });
  return [changePassword, state] as const;
}
