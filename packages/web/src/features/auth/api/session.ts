import { graphql } from '@/gql';

/** Who is signed in: read by the route guard and written by sign-in and sign-out. */
export const SessionQuery = graphql(`
  query Session {
    viewer {
      id
      name
      email
      language
      role
      scopes
    }
  }
`);

/** An anonymous answer is expected here, not a lost session (see lib/apollo.ts). */
export const sessionContext = { expectsViewer: false };
