import { spawn } from 'node:child_process';
import { freePort } from '@portal/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/stack.js';

const DASHBOARD = `{ viewer { name amountDue { amount currency }
  invoicedByMonth { month amount { amount } }
  orders(first: 5) { totalCount edges { node { number state lines { description quantity } invoices { number } } } }
  invoices(first: 5, filter: { unpaid: true }) { totalCount edges { node { number amountDue { amount } } } }
  documents(first: 5) { edges { node { name } } } } }`;

function describeCache(name: string, redis: boolean) {
  describe(name, () => {
    let stack: TestStack;
    let server: ReturnType<typeof spawn> | undefined;

    beforeAll(async () => {
      const env: Record<string, string> = { CACHE_TTL_SECONDS: '60' };
      if (redis) {
        const port = await freePort();
        server = spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
          {
            stdio: 'ignore',
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        env.REDIS_URL = `redis://127.0.0.1:${port}`;
      }
      stack = await startStack(env);
    });
    afterAll(async () => {
      server?.kill('SIGKILL');
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

    if (redis) {
      it('keeps answering from Tryton when Redis stops, and counts it', async () => {
        const marie = stack.session();
        await marie.login(
          stack.tryton.customers.marie.email,
          stack.tryton.customers.marie.password,
        );
        server?.kill('SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 200));
        stack.calls.length = 0;
        const result = await marie.query('{ viewer { orders(first: 3) { totalCount } } }');
        expect(result.errors).toBeUndefined();
        expect(stack.calls.length).toBeGreaterThan(0);
        const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
        expect(metrics).toMatch(/portal_redis_errors_total\{use="cache"\} [1-9]/);
        expect(metrics).toMatch(/portal_cache_total\{result="hit"\} [1-9]/);
      });
    }
  });
}

describeCache('cache in Redis', true);
describeCache('cache in process (no Redis)', false);
