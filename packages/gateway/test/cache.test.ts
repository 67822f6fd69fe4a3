import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type TestRedis } from './support/redis-server.js';
import { startReplicas } from './support/replicas.js';
import { type Replica, startStack, type TestStack } from './support/stack.js';

const DASHBOARD = `{ viewer { name amountDue { amount currency }
  invoicedByMonth { month amount { amount } }
  orders(first: 5) { totalCount edges { node { number state lines { description quantity } invoices { number } } } }
  invoices(first: 5, filter: { unpaid: true }) { totalCount edges { node { number amountDue { amount } } } }
  documents(first: 5) { edges { node { name } } } } }`;

const CREATE_TOKEN = 'mutation { createApiToken(name: "cache test") { token apiToken { id } } }';
const REVOKE_TOKEN = 'mutation ($id: ID!) { revokeApiToken(id: $id) }';
const NODE = 'query ($id: ID!) { node(id: $id) { id } }';
const SESSION_CHECK = 'model.portal.gateway.session_user';

function describeCache(name: string, redis: boolean) {
  describe(name, () => {
    let stack: TestStack;
    let server: TestRedis | undefined;
    /** With Redis: another gateway replica on the same Tryton and Redis. */
    let other: Replica | undefined;
    // Moves the circuit breaker past its open window without sleeping.
    let skew = 0;

    beforeAll(async () => {
      const env = { CACHE_TTL_SECONDS: '60' };
      const clock = () => Date.now() + skew;
      if (redis) {
        const replicas = await startReplicas(2, { env, clock });
        stack = replicas;
        server = replicas.redis;
        other = replicas.replicas[1];
      } else {
        stack = await startStack(env, { clock });
      }
    });
    afterAll(async () => {
      await stack?.stop();
    });

    it('serves a warm dashboard with zero Tryton calls, and never one customer’s entries to another', async () => {
      const marie = stack.session();
      const jean = stack.session();
      await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
      await jean.login(stack.tryton.customers.jean.email, stack.tryton.customers.jean.password);

      const cold = await marie.query(DASHBOARD);
      expect(cold.errors).toBeUndefined();
      stack.calls.length = 0;
      const warm = await marie.query(DASHBOARD);
      expect(stack.calls).toEqual([]);
      expect(warm.data).toEqual(cold.data);
      const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
      expect(metrics).toMatch(/portal_cache_total\{result="tryton_call_avoided"\} [1-9]/);

      const other = await jean.query<{
        viewer: { name: string; orders: { edges: { node: { number: string } }[] } };
      }>(DASHBOARD);
      expect(stack.calls.length).toBeGreaterThan(0);
      expect(other.data?.viewer.name).toBe(stack.tryton.customers.jean.partyName);
      const marieNumbers = (
        cold.data as { viewer: { orders: { edges: { node: { number: string } }[] } } }
      ).viewer.orders.edges.map((e) => e.node.number);
      for (const edge of other.data?.viewer.orders.edges ?? [])
        expect(marieNumbers).not.toContain(edge.node.number);
    });

    it('forgets a session at logout: the old cookie is refused at once', async () => {
      const browser = stack.session();
      await browser.login(
        stack.tryton.customers.marie.email,
        stack.tryton.customers.marie.password,
      );
      const cookie = browser.cookie;
      expect((await browser.query('{ viewer { name } }')).data).toEqual({
        viewer: { name: stack.tryton.customers.marie.partyName },
      });
      await browser.query('mutation { logout }');
      const replay = stack.session();
      replay.cookie = cookie;
      expect((await replay.query('{ viewer { name } }')).data).toEqual({ viewer: null });
    });

    it(`refuses a revoked API token at once although its check was cached${redis ? ', on every replica' : ''}, and keeps the customer’s data warm`, async () => {
      const { jean } = stack.tryton.customers;
      const browser = stack.session();
      await browser.login(jean.email, jean.password);
      const created = await browser.query<{
        createApiToken: { token: string; apiToken: { id: string } };
      }>(CREATE_TOKEN);
      const bearer = { authorization: `Bearer ${created.data?.createApiToken.token}` };
      const otherCalls = other?.calls ?? [];
      const integrators = [stack.session(bearer)];
      if (other) integrators.push(other.session(bearer));
      const me = await stack.session(bearer).query<{ viewer: { id: string } }>('{ viewer { id } }');
      const id = me.data?.viewer.id;
      for (const integrator of integrators) await integrator.query(NODE, { id });
      await browser.query(DASHBOARD);
      stack.calls.length = 0;
      otherCalls.length = 0;
      for (const integrator of integrators)
        expect((await integrator.query(NODE, { id })).data).toEqual({ node: { id } });
      expect((await browser.query(DASHBOARD)).errors).toBeUndefined();
      // The token's check, the session's and the data: all from the cache.
      expect([...stack.calls, ...otherCalls]).toEqual([]);

      const revoke = await browser.query(REVOKE_TOKEN, {
        id: created.data?.createApiToken.apiToken.id,
      });
      expect(revoke.data).toEqual({ revokeApiToken: true });
      for (const integrator of integrators) {
        const refused = await integrator.query(NODE, { id });
        expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        // A bad credential, not an anonymous call (since c827285).
        expect((await integrator.query('{ viewer { id } }')).status).toBe(401);
      }
      // Only the customer's credentials are checked again; their data stays cached.
      stack.calls.length = 0;
      expect((await browser.query(DASHBOARD)).errors).toBeUndefined();
      expect(stack.calls.map((call) => call.method)).toEqual([SESSION_CHECK]);
    });

    if (redis) {
      it('keeps answering from Tryton when Redis stops, and counts it', async () => {
        const marie = stack.session();
        await marie.login(
          stack.tryton.customers.marie.email,
          stack.tryton.customers.marie.password,
        );
        await server?.stop();
        stack.calls.length = 0;
        const result = await marie.query('{ viewer { orders(first: 3) { totalCount } } }');
        expect(result.errors).toBeUndefined();
        expect(stack.calls.length).toBeGreaterThan(0);
        const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
        expect(metrics).toMatch(/portal_redis_errors_total\{use="cache"\} [1-9]/);
        expect(metrics).toMatch(/portal_cache_total\{result="hit"\} [1-9]/);
      });

      it('uses Redis again once it is back: a repeated request makes no Tryton call', async () => {
        const restarted = server as TestRedis;
        await restarted.restart();
        await eventually(async () => (await fetch(`${stack.gateway.url}/readyz`)).status === 200);
        skew += 10_000;
        const marie = stack.session();
        await marie.login(
          stack.tryton.customers.marie.email,
          stack.tryton.customers.marie.password,
        );
        const query = '{ viewer { orders(first: 3) { totalCount edges { node { number } } } } }';
        const cold = await marie.query(query);
        expect(cold.errors).toBeUndefined();
        // The restarted Redis started empty: these entries are new.
        expect((await restarted.keys('portal:v1:')).length).toBeGreaterThan(0);
        stack.calls.length = 0;
        expect((await marie.query(query)).data).toEqual(cold.data);
        expect(stack.calls).toEqual([]);
      });
    }
  });
}

describeCache('cache in Redis', true);
describeCache('cache in process (no Redis)', false);
