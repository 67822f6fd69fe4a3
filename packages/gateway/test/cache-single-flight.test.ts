import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache, type SharedFlight } from '../src/cache/read-cache.js';
import { CircuitBreakerStore, RedisStore } from '../src/cache/store.js';
import { CACHE_AREAS, type CacheTtls } from '../src/config.js';
import { TestRedis } from './support/redis-server.js';

const ttls = Object.fromEntries(CACHE_AREAS.map((area) => [area, 60])) as CacheTtls;
/** Redis calls are bounded to this, as in server.ts. */
const REDIS_TIMEOUT_MS = 100;

/** Cross-replica single-flight against a real Redis shared by two gateway replicas. */
describe('single-flight across replicas', () => {
  let server: TestRedis;
  const clients: Redis[] = [];
  let keys = 0;
  /** A fresh key per test: entries and claims of one test never meet another's. */
  const freshKey = () => `portal:v1:test:${process.pid}-${++keys}`;

  beforeAll(async () => {
    server = await TestRedis.start();
  });
  afterEach(() => {
    server.resume();
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** One replica: its own connection, breaker and cache, wired as in server.ts. */
  async function replica(shared: Partial<SharedFlight> = {}) {
    const client = new Redis(server.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    client.on('error', () => {});
    clients.push(client);
    await new Promise((resolve) => client.once('ready', resolve));
    const counts = { avoided: 0, redisErrors: 0 };
    const store = new CircuitBreakerStore(
      new RedisStore(client),
      () => counts.redisErrors++,
      REDIS_TIMEOUT_MS,
    );
    const cache = new ReadCache(
      store,
      ttls,
      { hit: () => {}, miss: () => {}, avoided: (n) => (counts.avoided += n) },
      'portal:v1',
      { lockMs: 2000, waitMs: 500, pollMs: 10, ...shared },
    );
    return { cache, counts };
  }

  /** A loader that counts its runs and answers `value` after `ms`. */
  function loader(ms: number, value: unknown = { total: '12.50' }) {
    const runs = { count: 0 };
    const load = async () => {
      runs.count++;
      await sleep(ms);
      return value;
    };
    return { runs, load };
  }

  it('makes one Tryton call for concurrent misses of one key on two replicas', async () => {
    const [a, b] = [await replica(), await replica()];
    const key = freshKey();
    const { runs, load } = loader(100);
    const answers = await Promise.all(
      [a, b, a, b].map(({ cache }) => cache.get('orders', key, load)),
    );
    expect(runs.count).toBe(1);
    for (const answer of answers) expect(answer).toEqual({ total: '12.50' });
    // The replica that waited for the other's value, and the joiners in each process.
    expect(a.counts.avoided + b.counts.avoided).toBe(3);
    expect(await server.keys(`${key}:lock`)).toEqual([]);
  });

  it('loads itself at once when the other replica’s load fails', async () => {
    const [a, b] = [await replica(), await replica()];
    const key = freshKey();
    const failing = a.cache
      .get('orders', key, async () => {
        await sleep(50);
        throw new Error('Tryton failed');
      })
      .catch((error: Error) => error.message);
    await sleep(20);
    const started = Date.now();
    const { runs, load } = loader(0, 'from b');
    expect(await b.cache.get('orders', key, load)).toBe('from b');
    expect(await failing).toBe('Tryton failed');
    expect(runs.count).toBe(1);
    // The failed holder released its claim: b did not wait for the 500 ms budget.
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('loads itself after the wait budget when the other replica is slower', async () => {
    const [a, b] = [await replica(), await replica()];
    const key = freshKey();
    const slow = a.cache.get('orders', key, loader(800, 'from a').load);
    await sleep(20);
    const started = Date.now();
    expect(await b.cache.get('orders', key, loader(0, 'from b').load)).toBe('from b');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(waited).toBeLessThan(500 + REDIS_TIMEOUT_MS + 150);
    expect(await slow).toBe('from a');
  });

  it('answers from the loader within the bound while Redis hangs', async () => {
    const [a, b] = [await replica({ waitMs: 5000 }), await replica({ waitMs: 5000 })];
    const c = await replica();
    const key = freshKey();
    const slow = a.cache.get('orders', key, loader(1000, 'from a').load);
    await sleep(20);
    // b claims too late: it waits for a, then Redis stops answering under its polls.
    const waiting = b.cache.get('orders', key, loader(0, 'from b').load);
    await sleep(50);
    server.pause();
    const paused = Date.now();
    expect(await waiting).toBe('from b');
    expect(Date.now() - paused).toBeLessThan(REDIS_TIMEOUT_MS + 150);
    expect(b.counts.redisErrors).toBe(1);

    // A miss on a hung Redis: one bounded lookup, then the breaker sends it straight to Tryton.
    const started = Date.now();
    const { runs, load } = loader(10, 'from c');
    expect(await c.cache.get('orders', freshKey(), load)).toBe('from c');
    expect(runs.count).toBe(1);
    expect(Date.now() - started).toBeLessThan(REDIS_TIMEOUT_MS + 150);
    server.resume();
    expect(await slow).toBe('from a');
  });

  it('answers from the loader at once when Redis is stopped', async () => {
    const [a, b] = [await replica(), await replica()];
    await server.stop();
    try {
      const key = freshKey();
      const started = Date.now();
      const { runs, load } = loader(20, 'straight from Tryton');
      const answers = await Promise.all([a, b].map(({ cache }) => cache.get('orders', key, load)));
      expect(answers).toEqual(['straight from Tryton', 'straight from Tryton']);
      // Each replica on its own (no shared lock without Redis), once per replica.
      expect(runs.count).toBe(2);
      expect(Date.now() - started).toBeLessThan(REDIS_TIMEOUT_MS + 150);
    } finally {
      await server.restart();
    }
  });
});
