import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache, type SharedFlight } from '../src/cache/read-cache.js';
import { CircuitBreakerStore, type Claim, RedisStore } from '../src/cache/store.js';
import { CACHE_AREAS, type CacheTtls } from '../src/config.js';
import { TestRedis } from './support/redis-server.js';

const ttls = Object.fromEntries(CACHE_AREAS.map((area) => [area, 60])) as CacheTtls;
/** Redis calls are bounded to this, as in server.ts. */
const REDIS_TIMEOUT_MS = 100;
/** Longer than any test may run: a replica that waited this long fails its test by timeout. */
const FOREVER = 600_000;

/** What one replica's locks answered, in order, and a way to wait for one of the answers. */
class ObservedRedisStore extends RedisStore {
  readonly seen: string[] = [];
  private readonly waiting: { event: string; resolve: () => void }[] = [];

  private note(event: string): void {
    this.seen.push(event);
    for (const waiter of this.waiting.filter((w) => w.event === event)) waiter.resolve();
  }

  /** Resolves once this store has answered `event` (at once if it already has). */
  async after(event: string): Promise<void> {
    if (this.seen.includes(event)) return;
    await new Promise<void>((resolve) => this.waiting.push({ event, resolve }));
  }

  override async claim(key: string, token: string, ttlMs: number): Promise<Claim> {
    const claim = await super.claim(key, token, ttlMs);
    this.note(`claim ${claim}`);
    return claim;
  }

  override async peek(key: string): Promise<{ value: string | null; claimed: boolean }> {
    const seen = await super.peek(key);
    this.note(seen.claimed ? 'peek claimed' : 'peek free');
    return seen;
  }
}

/** A promise the test settles itself: the order of events is the test's, not the clock's. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

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

  /**
   * One replica: its own connection, breaker and cache, wired as in server.ts. Claims and
   * waits last longer than any test, unless a test says otherwise, and the breaker's clock
   * stands still (once open, it stays open): what happens follows the test's events, not the
   * machine's speed.
   */
  async function replica(shared: Partial<SharedFlight> = {}) {
    const client = new Redis(server.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    client.on('error', () => {});
    clients.push(client);
    await new Promise((resolve) => client.once('ready', resolve));
    const counts = { avoided: 0, redisErrors: 0 };
    const observed = new ObservedRedisStore(client);
    const store = new CircuitBreakerStore(
      observed,
      () => counts.redisErrors++,
      REDIS_TIMEOUT_MS,
      5000,
      () => 0,
    );
    const cache = new ReadCache(
      store,
      ttls,
      { hit: () => {}, miss: () => {}, avoided: (n) => (counts.avoided += n) },
      'portal:v1',
      { lockMs: FOREVER, waitMs: FOREVER, pollMs: 10, ...shared },
    );
    return { cache, counts, observed };
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

  /** A loader that signals it started (so its replica holds the claim) and ends when told. */
  function heldLoader(outcome: () => unknown) {
    const started = gate();
    const finish = gate();
    const load = async () => {
      started.open();
      await finish.opened;
      return outcome();
    };
    return { started: started.opened, finish: finish.open, load };
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

  it('loads itself as soon as the other replica’s load fails, not after its wait budget', async () => {
    const [a, b] = [await replica(), await replica()];
    const key = freshKey();
    const held = heldLoader(() => {
      throw new Error('Tryton failed');
    });
    const failing = a.cache.get('orders', key, held.load).catch((error: Error) => error.message);
    await held.started;
    const { runs, load } = loader(0, 'from b');
    const answer = b.cache.get('orders', key, load);
    await b.observed.after('claim taken');
    expect(runs.count).toBe(0);
    held.finish();
    expect(await failing).toBe('Tryton failed');
    // b waits FOREVER for a value: only the released claim can have sent it to its loader.
    expect(await answer).toBe('from b');
    expect(runs.count).toBe(1);
    expect(b.observed.seen.at(-1)).toBe('peek free');
  });

  it('loads itself after its wait budget when the other replica is slower', async () => {
    const [a, b] = [await replica(), await replica({ waitMs: 200 })];
    const key = freshKey();
    const held = heldLoader(() => 'from a');
    const slow = a.cache.get('orders', key, held.load);
    await held.started;
    // a is held until b has answered: b's value can only come from b's own load.
    expect(await b.cache.get('orders', key, loader(0, 'from b').load)).toBe('from b');
    // It did wait: its claim was refused and it saw a's claim still held.
    expect(b.observed.seen[0]).toBe('claim taken');
    expect(b.observed.seen).toContain('peek claimed');
    expect(b.observed.seen).not.toContain('peek free');
    held.finish();
    expect(await slow).toBe('from a');
  });

  it('answers from the loader, after one bounded call, while Redis hangs', async () => {
    const [a, b, c] = [await replica(), await replica(), await replica()];
    const key = freshKey();
    const held = heldLoader(() => 'from a');
    const slow = a.cache.get('orders', key, held.load);
    await held.started;
    // b claims too late: it waits for a, then Redis stops answering under its polls.
    const waiting = b.cache.get('orders', key, loader(0, 'from b').load);
    await b.observed.after('claim taken');
    server.pause();
    // b waits FOREVER and a is held: only its bounded look failing can have freed it.
    expect(await waiting).toBe('from b');
    expect(b.counts.redisErrors).toBe(1);

    // A miss on a hung Redis: one bounded lookup, then the breaker sends it straight to Tryton
    // (no claim, no write: one failure, not three).
    const { runs, load } = loader(0, 'from c');
    expect(await c.cache.get('orders', freshKey(), load)).toBe('from c');
    expect(runs.count).toBe(1);
    expect(c.counts.redisErrors).toBe(1);
    server.resume();
    held.finish();
    expect(await slow).toBe('from a');
  });

  it('answers from the loader when Redis is stopped, after one failed call per replica', async () => {
    const [a, b] = [await replica(), await replica()];
    await server.stop();
    try {
      const key = freshKey();
      const { runs, load } = loader(20, 'straight from Tryton');
      const answers = await Promise.all([a, b].map(({ cache }) => cache.get('orders', key, load)));
      expect(answers).toEqual(['straight from Tryton', 'straight from Tryton']);
      // Each replica on its own (no shared lock without Redis), once per replica.
      expect(runs.count).toBe(2);
      // The failed lookup opened the breaker: the claim and the write never tried Redis.
      expect([a.counts.redisErrors, b.counts.redisErrors]).toEqual([1, 1]);
    } finally {
      await server.restart();
    }
  });
});
