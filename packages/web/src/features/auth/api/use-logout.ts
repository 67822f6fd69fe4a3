import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/**
 * Signs out and forgets every cached record, so the next customer on this browser sees nothing.
 * `leave` runs between the two (navigating away), so no customer page re-renders on an
 * emptied cache.
 */
export function useLogout() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(LogoutMutation);
  const logout = async (leave: () => void) => {
    try {
      await mutate();
    } catch {
      // Signed out here anyway: the cookie expires on its own, and the cache is cleared below.
    }
    leave();
    await client.clearStore();
  };
  return [logout, state] as const;
}
