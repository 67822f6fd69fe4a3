import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createToken,
  type LoadRecord,
  runLoad,
  signIn,
  summarize,
} from '../bench/load/customers.mjs';
import { loadConfig } from '../src/config.js';
import { startGateway } from '../src/server.js';
import { GraphQLSession, startStack, type TestStack } from './support/stack.js';

/**
 * CI-sized versions of the load scenarios of docs/reliability.md (issue 17), with their pass
 * criteria: the harness's virtual customers (bench/load/customers.mjs) against the real
 * Tryton, behind the harness's TCP proxy (bench/load/proxies.mjs) to slow it or cut it.
 */
describe('under load (CI-sized scenarios)', () => {
  let stack: TestStack;
  let accounts: Account[];
  let tokens: string[];
  beforeAll(async () => {
    stack = await startStack({}, { throughProxy: true });
    const { marie, jean, wholesaler } = stack.tryton.customers;
    // Signed in once each: CI measures pages, not Tryton's password hashing (the full
    // scenarios sign every customer in).
    accounts = [];
    for (const account of [marie, jean, wholesaler]) {
      accounts.push({ ...account, cookie: await signIn(stack.gateway.url, account) });
    }
    tokens = [await createToken(stack.gateway.url, wholesaler, 'load test')];
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const failures = (records: LoadRecord[]) =>
    records.filter((r) => r.status !== 200 || r.code !== undefined);

  it('steady: every request of 6 customers and an API client succeeds', async () => {
    const records = await runLoad({
      url: stack.gateway.url,
      accounts,
      tokens,
      customers: 6,
      apiClients: 1,
      durationMs: 5000,
      rampMs: 1500,
      thinkMs: [100, 300],
      pdfShare: 0.1,
      // Every kind at least once: with random pages alone, a run of 5 s had no PDF at times
      // (the gateway suite failed so once in five runs, issue 19).
      tour: true,
    });
    const summary = summarize(records, 5);
    console.log('steady', JSON.stringify(summary), JSON.stringify(failures(records).slice(0, 5)));
    expect(records.length).toBeGreaterThan(10);
    expect(failures(records)).toEqual([]);
    expect(new Set(records.map((r) => r.kind))).toEqual(
      new Set(['dashboard', 'orders', 'order', 'invoices', 'pdf', 'api']),
    );
  });

  it('Tryton down: every request answers within the bound, cached pages keep coming, recovery follows', async () => {
    const proxy = stack.proxy;
    if (!proxy) throw new Error('the stack has no proxy');
    const start = Date.now();
    const downAt = start + 1500;
    const upAt = downAt + 2500;
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, downAt - Date.now()));
      proxy.setDown(true);
      await new Promise((resolve) => setTimeout(resolve, upAt - Date.now()));
      proxy.setDown(false);
    })();
    const records = await runLoad({
      url: stack.gateway.url,
      accounts,
      tokens,
      customers: 8,
      apiClients: 2,
      durationMs: 8000,
      rampMs: 500,
      thinkMs: [100, 300],
      pdfShare: 0.1,
    });
    await outage;
    console.log('tryton-down', JSON.stringify(summarize(records, 8)));
    // No request hangs: the bound of docs/reliability.md (queue wait 5 s, retries, margin).
    expect(Math.max(...records.map((r) => r.ms))).toBeLessThan(7000);
    // The only failure is the documented one, with its status and Retry-After.
    for (const r of failures(records)) {
      expect({ status: r.status, code: r.code }).toEqual({
        status: 503,
        code: 'TRYTON_UNAVAILABLE',
      });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    const started = (r: LoadRecord) => r.at - r.ms;
    const during = records.filter((r) => started(r) >= downAt + 200 && r.at <= upAt);
    expect(failures(during).length).toBeGreaterThan(0);
    // Warm pages are served from the cache while Tryton is away.
    expect(during.some((r) => r.kind === 'dashboard' && r.status === 200)).toBe(true);
    // Recovered without a restart: everything started 2 s after Tryton's return succeeds.
    const after = records.filter((r) => started(r) >= upAt + 2000);
    expect(after.length).toBeGreaterThan(10);
    expect(failures(after)).toEqual([]);
  });

  it('Tryton slow: past its queue bound the gateway answers 503 with Retry-After at once', async () => {
    const proxy = stack.proxy;
    if (!proxy) throw new Error('the stack has no proxy');
    // A replica of its own: cache off, 2 slots, 2 places in the queue, a long queue wait
    // (the refusals below are then the queue bound's, not the wait's).
    const gateway = await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        TRYTON_URL: proxy.url,
        TRYTON_DATABASE: stack.tryton.database,
        TRYTON_GATEWAY_PASSWORD: stack.tryton.gateway.password,
        TRYTON_MAX_IN_FLIGHT: '2',
        TRYTON_MAX_QUEUED: '2',
        TRYTON_QUEUE_TIMEOUT_MS: '30000',
        CACHE_TTL_SECONDS: '0',
        QUOTA_BUCKET_SIZE: '1000000',
        LOG_LEVEL: 'silent',
      }),
      { logger: pino({ level: 'silent' }) },
    );
    try {
      const { marie } = stack.tryton.customers;
      const browser = new GraphQLSession(gateway.url);
      expect((await browser.login(marie.email, marie.password)).errors).toBeUndefined();
      proxy.setDelay(800);
      const answers = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const started = performance.now();
          const result = await browser.query('{ viewer { orders(first: 5) { totalCount } } }');
          return { ...result, ms: performance.now() - started };
        }),
      );
      const shed = answers.filter((a) => a.status === 503);
      const served = answers.filter((a) => a.status === 200);
      console.log(
        'tryton-slow',
        JSON.stringify(answers.map((a) => `${a.status} ${Math.round(a.ms)} ms`)),
      );
      expect(shed.length).toBeGreaterThan(0);
      expect(shed.length + served.length).toBe(answers.length);
      for (const a of shed) {
        expect(a.errors?.[0]?.extensions?.code).toBe('TRYTON_UNAVAILABLE');
        expect(a.headers.get('retry-after')).toBe('1');
      }
      // 2 calls in flight and 2 queued: the other requests are refused at once (a request
      // admitted may still be refused at a later call of its own, once the queue is full).
      expect(shed.filter((a) => a.ms < 1000).length).toBeGreaterThanOrEqual(4);
      // Once the burst is over, the slow Tryton still serves a client that honours
      // Retry-After: nothing stayed queued for good.
      let alone = 0;
      for (let attempt = 0; attempt < 6 && alone !== 200; attempt++) {
        const answer = await browser.query('{ viewer { orders(first: 5) { totalCount } } }');
        alone = answer.status;
        if (alone !== 200) {
          const wait = Number(answer.headers.get('retry-after') ?? 1);
          await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        }
      }
      expect(alone).toBe(200);
    } finally {
      proxy.setDelay(0);
      await gateway.stop();
    }
  });
});
