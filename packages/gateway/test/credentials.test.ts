import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/redis-server.js';
import { type Replicas, startReplicas } from './support/replicas.js';
import type { GraphQLSession, Replica } from './support/stack.js';

const VIEWER = '{ viewer { email } }';
const CHANGE = `mutation ($c: String!, $n: String!, $r: Boolean!) {
  changePassword(currentPassword: $c, newPassword: $n, revokeApiTokens: $r) {
    otherSessionsEnded apiTokensRevoked apiTokensKept } }`;
const RESET = `mutation ($e: String!, $t: String!, $p: String!, $r: Boolean!) {
  resetPassword(email: $e, token: $t, password: $p, revokeApiTokens: $r) {
    otherSessionsEnded apiTokensRevoked apiTokensKept } }`;
const CREATE_TOKEN = 'mutation ($n: String!) { createApiToken(name: $n) { token } }';

/**
 * Credentials after a password change or reset, and after a logout during a Redis outage:
 * two gateway replicas share one Redis and one Tryton, and every check is cached (60 s), so
 * only the cache's revocations (not its lifetime) can make a credential fail at once.
 */
describe('credentials that die with the password', () => {
  let stack: Replicas;
  /** The second replica. */
  let other: Replica;
  // Moves the circuit breakers past their open window without sleeping.
  let skew = 0;
  const clock = () => Date.now() + skew;

  beforeAll(async () => {
    const env = { CACHE_TTL_SECONDS: '60', REDIS_TIMEOUT_MS: '300' };
    stack = await startReplicas(2, { env, clock });
    other = stack.replicas[1] as Replica;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A browser on the first replica (`here`) or the second, signed in. */
  async function browser(email: string, password: string, here = true) {
    const session = here ? stack.session() : other.session();
    expect((await session.login(email, password)).errors).toBeUndefined();
    return session;
  }

  async function email(session: GraphQLSession): Promise<string | null> {
    const result = await session.query<{ viewer: { email: string } | null }>(VIEWER);
    return result.data?.viewer?.email ?? null;
  }

  /** A token of the customer signed in on `session`, used on both replicas (cached there). */
  async function token(
    session: GraphQLSession,
    name: string,
  ): Promise<[GraphQLSession, GraphQLSession]> {
    const created = await session.query<{ createApiToken: { token: string } }>(CREATE_TOKEN, {
      n: name,
    });
    const bearer = { authorization: `Bearer ${created.data?.createApiToken.token}` };
    return [stack.session(bearer), other.session(bearer)];
  }

  it('a password change ends the other sessions and, when asked, the tokens, on every replica', async () => {
    const { marie } = stack.tryton.customers;
    const changer = await browser(marie.email, marie.password);
    const elsewhere = await browser(marie.email, marie.password, false);
    const [tokenHere, tokenThere] = await token(changer, 'change test');
    for (const session of [changer, elsewhere, tokenHere, tokenThere])
      expect(await email(session)).toBe(marie.email);

    const changed = await changer.query(CHANGE, { c: marie.password, n: marie.password, r: true });
    expect(changed.errors).toBeUndefined();
    expect(changed.data).toEqual({
      changePassword: {
        otherSessionsEnded: expect.any(Number),
        apiTokensRevoked: 1,
        apiTokensKept: 0,
      },
    });
    expect(
      (changed.data as { changePassword: { otherSessionsEnded: number } }).changePassword
        .otherSessionsEnded,
    ).toBeGreaterThanOrEqual(1);
    for (const session of [elsewhere, tokenHere, tokenThere])
      expect(await email(session)).toBeNull();
    // The caller's own session stays.
    expect(await email(changer)).toBe(marie.email);
  });

  it('a reset ends every session at once on every replica, and keeps the tokens unless asked', async () => {
    const { jean } = stack.tryton.customers;
    const here = await browser(jean.email, jean.password);
    const there = await browser(jean.email, jean.password, false);
    const [tokenHere, tokenThere] = await token(here, 'reset test');
    for (const session of [here, there, tokenHere, tokenThere])
      expect(await email(session)).toBe(jean.email);

    await stack
      .session()
      .query('mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: jean.email });
    const mail = await stack.tryton.mailbox.waitFor(jean.email, { timeoutMs: 20_000 });
    const resetToken = /[?#&;]token=([0-9a-f]+)/.exec(`${mail.text} ${mail.html}`)?.[1];
    const reset = await stack
      .session()
      .query(RESET, { e: jean.email, t: resetToken, p: jean.password, r: false });
    expect(reset.errors).toBeUndefined();
    expect(reset.data).toEqual({
      resetPassword: {
        otherSessionsEnded: expect.any(Number),
        apiTokensRevoked: 0,
        apiTokensKept: 1,
      },
    });
    for (const session of [here, there]) expect(await email(session)).toBeNull();
    for (const session of [tokenHere, tokenThere]) expect(await email(session)).toBe(jean.email);
  });

  it('caps the live API tokens of a customer: one more is TOO_MANY_API_TOKENS', async () => {
    const { wholesaler } = stack.tryton.customers;
    const session = await browser(wholesaler.email, wholesaler.password);
    let created = 0;
    let refused: { message: string; extensions?: Record<string, unknown> } | undefined;
    // Bounded: a missing cap fails here, not at the test's timeout.
    while (!refused && created <= 25) {
      const result = await session.query(CREATE_TOKEN, { n: `integration ${created + 1}` });
      refused = result.errors?.[0];
      if (!refused) created++;
    }
    expect(created).toBe(20);
    expect(refused?.extensions).toMatchObject({ code: 'TOO_MANY_API_TOKENS', limit: 20 });
  });

  it('a logout during a Redis outage holds when Redis comes back, on both replicas', async () => {
    const { wholesaler } = stack.tryton.customers;
    const session = await browser(wholesaler.email, wholesaler.password);
    const cookie = session.cookie;
    const replay = (onOther: boolean) => {
      const copy = onOther ? other.session() : stack.session();
      copy.cookie = cookie;
      return copy;
    };
    // Cached on both replicas.
    expect(await email(replay(false))).toBe(wholesaler.email);
    expect(await email(replay(true))).toBe(wholesaler.email);

    stack.redis.pause();
    try {
      // The first call times out and opens the breaker; the logout's delete is then skipped.
      expect(await email(session)).toBe(wholesaler.email);
      await session.query('mutation { logout }');
    } finally {
      stack.redis.resume();
    }
    skew += 6000;
    await eventually(async () => {
      await stack.redis.keys('portal:');
      return true;
    });
    expect(await email(replay(false))).toBeNull();
    expect(await email(replay(true))).toBeNull();
  });
});
