import { useQuery } from '@apollo/client/react';
import { graphql } from '@/gql';
import type { Scope } from '@/gql/graphql';

/**
 * What the signed-in member may do: the scopes of its role (issue 16), read from the session
 * already in Apollo's cache (the route guard asked for it), never fetched again here. The
 * gateway enforces them anyway; the web app only hides what a role cannot use.
 */
const ScopesQuery = graphql(`
  query Scopes {
    viewer {
      id
      role
      scopes
    }
  }
`);

export function useCan(): (scope: Scope) => boolean {
  const { data } = useQuery(ScopesQuery, { fetchPolicy: 'cache-only' });
  const scopes = data?.viewer?.scopes;
  // No session in the cache (a page rendered alone, in a test): nothing is hidden; the
  // gateway still refuses what the role may not do.
  if (!scopes) return () => true;
  const held = new Set(scopes);
  return (scope) => held.has(scope);
}
