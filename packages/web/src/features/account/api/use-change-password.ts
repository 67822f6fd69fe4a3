import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword(
    $currentPassword: String!
    $newPassword: String!
    $revokeApiTokens: Boolean = false
  ) {
    changePassword(
      currentPassword: $currentPassword
      newPassword: $newPassword
      revokeApiTokens: $revokeApiTokens
    ) {
      otherSessionsEnded
      apiTokensRevoked
      apiTokensKept
    }
  }
`);

/**
 * Changes the password of the signed-in customer: this session stays valid, every other one
 * ends; API tokens too with `revokeApiTokens`. The answer says what ended and what was kept.
 */
export function useChangePassword() {
  const [mutate, state] = useMutation(ChangePasswordMutation);
  const changePassword = (currentPassword: string, newPassword: string, revokeApiTokens = false) =>
    mutate({
      variables: { currentPassword, newPassword, revokeApiTokens },
      // Every token was revoked: each leaves the cache, and so the account page's list (Apollo
      // drops dangling references from lists), as after revokeApiToken.
      update(cache, { data }) {
        if (!data?.changePassword.apiTokensRevoked) return;
        for (const id of Object.keys(cache.extract() as Record<string, unknown>)) {
          if (id.startsWith('ApiToken:')) cache.evict({ id });
        }
        cache.gc();
      },
    });
  return [changePassword, state] as const;
}
