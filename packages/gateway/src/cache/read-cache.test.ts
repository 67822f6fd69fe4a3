import { Decimal, TrytonDate } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { CACHE_AREAS, type CacheTtls } from '../config.js';
import { ReadCache } from './read-cache.js';
import { MemoryStore } from './store.js';

const quiet = { hit: () => {}, miss: () => {}, avoided: () => {} };
const ttls = (seconds: number, overrides: Partial<CacheTtls> = {}): CacheTtls => ({
  ...(Object.fromEntries(CACHE_AREAS.map((area) => [area, seconds])) as CacheTtls),
  ...overrides,
});

describe('ReadCache', () => {
  it('forgets the areas of the parties written to, on every replica sharing the store', async () => {
    const store = new MemoryStore();
    const replica = new ReadCache(store, ttls(60), quiet);
    const other = new ReadCache(store, ttls(60), quiet);
    const before = await replica.generations([7]);
    const neighbour = await replica.generations([8]);
    await other.forget([7], ['orders']);
    const after = await replica.generations([7]);
    expect(after.orders).not.toBe(before.orders);
    expect(after.invoices).toBe(before.invoices);
    // Another customer's generations (their keys) are untouched.
    expect(await replica.generations([8])).toEqual(neighbour);
    // A customer acting for several parties moves when any of them is written to.
    const both = await replica.generations([8, 7]);
    await other.forget([8], ['lines']);
    expect((await replica.generations([8, 7])).lines).not.toBe(both.lines);
  });

  it('keys by scope: the same call for two customers never shares an entry', () => {
    const cache = new ReadCache(new MemoryStore(), ttls(60), quiet);
    const call = ['search_read', 'sale.sale', [['state', '=', 'done']], ['number']];
    const key = cache.key('c1-p7-fr', ...call);
    // The scope readable (to find a customer's entries), the call hashed.
    expect(key).toMatch(/^portal:v1:c1-p7-fr:[A-Za-z0-9_-]{32}$/);
    expect(cache.key('c2-p8-fr', ...call)).not.toBe(key);
    expect(cache.key('c1-p7-en', ...call)).not.toBe(key);
    const otherDomain = ['search_read', 'sale.sale', [['state', '=', 'draft']], ['number']];
    expect(cache.key('c1-p7-fr', ...otherDomain)).not.toBe(key);
    // Another replica (its own ReadCache, same prefix) finds the same entry in Redis.
    const replica = new ReadCache(new MemoryStore(), ttls(60), quiet);
    expect(replica.key('c1-p7-fr', ...structuredClone(call))).toBe(key);
  });

  it('keeps Decimal and dates exact, and loads concurrent misses once', async () => {
    const cache = new ReadCache(new MemoryStore(), ttls(60), quiet);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return [{ total: Decimal.from('1384.50'), date: TrytonDate.fromISO('2026-02-28') }];
    };
    const [a, b] = await Promise.all([
      cache.get('orders', 'k', load),
      cache.get('orders', 'k', load),
    ]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    const again = (await cache.get('orders', 'k', load)) as { total: Decimal; date: TrytonDate }[];
    expect(loads).toBe(1);
    expect(again[0]?.total.toString()).toBe('1384.50');
    expect(again[0]?.date.toISOString()).toBe('2026-02-28');
  });

  it('asks the loader only for the misses of a batch', async () => {
    const cache = new ReadCache(new MemoryStore(), ttls(60), quiet);
    const seen: number[][] = [];
    const load = async (ids: number[]) => {
      seen.push(ids);
      return new Map(ids.map((id) => [id, { id }]));
    };
    await cache.getMany('lines', [1, 2], (id) => `r${id}`, load);
    const result = await cache.getMany('lines', [1, 2, 3], (id) => `r${id}`, load);
    expect(seen).toEqual([[1, 2], [3]]);
    expect([...result.keys()].sort()).toEqual([1, 2, 3]);
  });

  it('joins batches in flight: concurrent batches load each missing record once', async () => {
    let avoided = 0;
    const cache = new ReadCache(new MemoryStore(), ttls(60), {
      ...quiet,
      avoided: (n) => (avoided += n),
    });
    const seen: number[][] = [];
    // Record 4 is not the customer's: the answer leaves it out, for every batch.
    const load = async (ids: number[]) => {
      seen.push(ids);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return new Map(ids.filter((id) => id !== 4).map((id) => [id, { id }]));
    };
    const keyOf = (id: number) => `r${id}`;
    const [a, b, c] = await Promise.all([
      cache.getMany('lines', [1, 2, 4], keyOf, load),
      cache.getMany('lines', [2, 3, 4], keyOf, load),
      cache.getMany('lines', [1, 4], keyOf, load),
    ]);
    expect(seen).toEqual([[1, 2, 4], [3]]);
    expect([...a.keys()].sort()).toEqual([1, 2]);
    expect([...b.keys()].sort()).toEqual([2, 3]);
    expect(b.get(2)).toEqual({ id: 2 });
    expect([...c.keys()]).toEqual([1]);
    // Only the third batch made no call of its own.
    expect(avoided).toBe(1);
  });

  it('shares a failed batch with the batches that joined it, then forgets it', async () => {
    const cache = new ReadCache(new MemoryStore(), ttls(60), quiet);
    let calls = 0;
    const load = async (ids: number[]) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (calls === 1) throw new Error('Tryton failed');
      return new Map(ids.map((id) => [id, { id }]));
    };
    const keyOf = (id: number) => `r${id}`;
    const results = await Promise.allSettled([
      cache.getMany('lines', [1], keyOf, load),
      cache.getMany('lines', [1], keyOf, load),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect((await cache.getMany('lines', [1], keyOf, load)).get(1)).toEqual({ id: 1 });
    expect(calls).toBe(2);
  });

  it('counts the Tryton calls it avoids: hits, joined loads and fully cached batches', async () => {
    let avoided = 0;
    const cache = new ReadCache(new MemoryStore(), ttls(60), {
      ...quiet,
      avoided: (n) => (avoided += n),
    });
    const load = async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'value';
    };
    await Promise.all([cache.get('orders', 'k', load), cache.get('orders', 'k', load)]);
    expect(avoided).toBe(1);
    await cache.get('orders', 'k', load);
    expect(avoided).toBe(2);
    const loadMany = async (ids: number[]) => new Map(ids.map((id) => [id, { id }]));
    await cache.getMany('lines', [1, 2], (id) => `r${id}`, loadMany);
    await cache.getMany('lines', [1, 3], (id) => `r${id}`, loadMany);
    expect(avoided).toBe(2);
    await cache.getMany('lines', [1, 2, 3], (id) => `r${id}`, loadMany);
    expect(avoided).toBe(3);
  });

  it('gives each area its lifetime: an area at 0 goes straight to the loader', async () => {
    let now = 0;
    const cache = new ReadCache(
      new MemoryStore(100, () => now),
      ttls(30, { invoices: 15, addresses: 0 }),
      quiet,
    );
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('invoices', 'i', load);
    await cache.get('orders', 'o', load);
    await cache.get('addresses', 'a', load);
    await cache.get('addresses', 'a', load);
    expect(loads).toBe(4);
    now = 20_000;
    expect(await cache.get('orders', 'o', load)).toBe(2);
    expect(await cache.get('invoices', 'i', load)).toBe(5);
  });
});
