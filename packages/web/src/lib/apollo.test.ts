import { parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { createApolloClient } from './apollo';
import { onSessionLost } from './session-events';

// parse(), not a gql tag: a document of this test only, not one of the app's (codegen).
const DASHBOARD = parse(`
  query SessionLinkProbe {
    viewer {
      id
      invoices(first: 1) {
        totalCount
      }
    }
  }
`);

/** A client whose gateway answers `body` to every request. */
function clientAnswering(body: unknown) {
  const fetch = async () =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  return createApolloClient({ getLanguage: () => 'fr', uri: 'http://gateway.test/graphql', fetch });
}

let stop = () => {};
afterEach(() => stop());

/** Runs the query and tells whether the session was reported lost. */
async function sessionLost(body: unknown): Promise<boolean> {
  let lost = false;
  const unsubscribe = onSessionLost(() => {
    lost = true;
  });
  stop = () => void unsubscribe();
  await clientAnswering(body)
    .query({ query: DASHBOARD })
    .catch(() => undefined);
  return lost;
}

describe('the session link', () => {
  it('does not sign out a member whose role may not read a field (FORBIDDEN)', async () => {
    const forbidden = {
      data: { viewer: null },
      errors: [
        {
          message: 'Your role (buyer) does not allow this.',
          path: ['viewer', 'invoices'],
          extensions: { code: 'FORBIDDEN', needed: ['invoices:read'], role: 'BUYER' },
        },
      ],
    };
    expect(await sessionLost(forbidden)).toBe(false);
  });

  it('still notices an expired session: a null viewer without error, or UNAUTHENTICATED', async () => {
    expect(await sessionLost({ data: { viewer: null } })).toBe(true);
    expect(
      await sessionLost({
        data: null,
        errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    ).toBe(true);
  });
});
