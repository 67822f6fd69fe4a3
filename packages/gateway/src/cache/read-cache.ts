import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { decode, encode } from '@portal/tryton-client';
import type { CacheArea, CacheTtls } from '../config.js';
import type { CacheStore, LoadLocks } from './store.js';

export interface CacheEvents {
  hit(count: number): void;
  miss(count: number): void;
  /**
   * Tryton calls the cache spared: a `get` served from the store, joined to a load already in
   * flight or given another replica's load, a `getMany` whose every miss another batch was
   * already loading (or that had no miss). A batch with misses of its own makes its one call.
   */
  avoided(count: number): void;
}

/** How replicas sharing a store wait for one another's loads (docs/caching.md). */
export interface SharedFlight {
  /** How long a claim to load a key lasts if its holder never releases it (crashed). */
  lockMs: number;
  /** How long a replica waits for another's load before it loads the key itself. */
  waitMs: number;
  /** How often a waiting replica looks for the value. */
  pollMs: number;
}

export const SHARED_FLIGHT_DEFAULTS: SharedFlight = { lockMs: 2000, waitMs: 1000, pollMs: 25 };

/** A record some batch is loading: `item` is its key in that batch's answer. */
interface RecordInFlight {
  batch: Promise<Map<unknown, unknown>>;
  item: unknown;
}

/**
 * Read-through cache of Tryton answers for one customer scope. The scope (the web user and
 * its parties) and the language are in every key, so an entry made for one customer can never
 * be served to another. Values keep Tryton's encoding (Decimal, dates, bytes) exactly. Each
 * read names its area, whose lifetime applies (0: that area goes straight to Tryton).
 */
export class ReadCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** The records that batches of this process are loading, by key. */
  private readonly recordsInFlight = new Map<string, RecordInFlight>();
  private readonly shared: SharedFlight;

  constructor(
    private readonly store: CacheStore,
    private readonly ttls: CacheTtls,
    private readonly events: CacheEvents,
    private readonly prefix = 'portal:v1',
    shared: Partial<SharedFlight> = {},
  ) {
    this.shared = { ...SHARED_FLIGHT_DEFAULTS, ...shared };
  }

  private generationKey(party: number, area: CacheArea): string {
    return `${this.prefix}:gen:p${party}:${area}`;
  }

  /**
   * The current generation of each area for these parties, in one round trip: part of every
   * key a customer's read makes (CustomerTryton), so that `forget` retires, on every replica
   * sharing the store, all the entries of an area at once without finding them. A marker
   * outlives the entries made before it (their area's lifetime): when it expires, no entry
   * of the generation before it is left to come back.
   */
  async generations(parties: number[]): Promise<Record<CacheArea, string>> {
    const areas = Object.keys(this.ttls) as CacheArea[];
    const keys = parties.flatMap((party) => areas.map((area) => this.generationKey(party, area)));
    const values = keys.length ? await this.store.mget(keys) : [];
    const found = {} as Record<CacheArea, string>;
    areas.forEach((area, i) => {
      found[area] = parties.map((_, p) => values[p * areas.length + i] ?? '').join('.');
    });
    return found;
  }

  /**
   * After a write: the customer's entries of `areas` are forgotten on every replica (a new
   * generation of each area for each of the parties). Another customer's entries are
   * untouched: their keys carry their own parties' generations.
   */
  async forget(parties: number[], areas: CacheArea[]): Promise<void> {
    for (const area of areas) {
      const ttlSeconds = this.ttls[area];
      if (ttlSeconds <= 0) continue;
      const generation = randomUUID().slice(0, 8);
      await this.store.mset(
        parties.map((party) => ({ key: this.generationKey(party, area), value: generation })),
        ttlSeconds + 5,
      );
    }
  }

  /** The key of `parts` in `scope`: readable prefix, hashed rest. */
  key(scope: string, ...parts: unknown[]): string {
    const digest = createHash('sha256')
      .update(JSON.stringify(parts))
      .digest('base64url')
      .slice(0, 32);
    return `${this.prefix}:${scope}:${digest}`;
  }

  /**
   * One cached value; concurrent misses of the same key make one `load`: in this process
   * always, across replicas when the store has locks (Redis), within `SharedFlight` bounds.
   */
  async get<T>(area: CacheArea, key: string, load: () => Promise<T>): Promise<T> {
    const ttlSeconds = this.ttls[area];
    if (ttlSeconds <= 0) return await load();
    const [cached] = await this.store.mget([key]);
    if (cached) {
      this.events.hit(1);
      this.events.avoided(1);
      return decode(cached) as T;
    }
    this.events.miss(1);
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) {
      this.events.avoided(1);
      return await pending;
    }
    const loading = this.loadOnce(key, ttlSeconds, load).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return await loading;
  }

  /**
   * Stores `entries` for `area`'s lifetime without reading first: the rows of a search kept
   * under the keys that reads by id (`getMany`) look for.
   */
  async put(area: CacheArea, entries: { key: string; value: unknown }[]): Promise<void> {
    const ttlSeconds = this.ttls[area];
    if (ttlSeconds <= 0 || !entries.length) return;
    const encoded = entries.map(({ key, value }) => ({ key, value: encode(value) }));
    await this.store.mset(encoded, ttlSeconds);
  }

  /**
   * Loads `key` unless another replica holds its claim: then waits for the value it writes,
   * and loads after all if that replica gives up (its load failed), is slower than `waitMs`,
   * or the store fails. Nobody waits longer than `waitMs` plus two bounded store calls (the
   * claim and the last look).
   */
  private async loadOnce<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const locks = this.store.locks;
    const token = randomUUID();
    const claim = locks ? await locks.claim(key, token, this.shared.lockMs) : 'unavailable';
    if (locks && claim === 'taken') {
      const value = await this.waitFor(locks, key);
      if (value) {
        this.events.avoided(1);
        return decode(value) as T;
      }
    }
    try {
      const value = await load();
      await this.store.mset([{ key, value: encode(value) }], ttlSeconds);
      return value;
    } finally {
      if (locks && claim === 'mine') await locks.release(key, token);
    }
  }

  /** The value another replica is loading, or null once waiting is pointless. */
  private async waitFor(locks: LoadLocks, key: string): Promise<string | null> {
    const deadline = Date.now() + this.shared.waitMs;
    for (let left = this.shared.waitMs; left > 0; left = deadline - Date.now()) {
      await sleep(Math.min(this.shared.pollMs, left));
      const seen = await locks.peek(key);
      if (!seen) return null;
      if (seen.value) return seen.value;
      if (!seen.claimed) return null;
    }
    return null;
  }

  /**
   * Many keyed values in one round trip; `load` gets only the misses, once, less those a
   * batch of this process is already loading, which this one joins (its outcome included).
   */
  async getMany<K, T>(
    area: CacheArea,
    items: K[],
    keyOf: (item: K) => string,
    load: (misses: K[]) => Promise<Map<K, T>>,
  ): Promise<Map<K, T>> {
    const found = new Map<K, T>();
    const ttlSeconds = this.ttls[area];
    if (ttlSeconds <= 0) return await load(items);
    const keys = items.map(keyOf);
    const cached = await this.store.mget(keys);
    const misses: K[] = [];
    items.forEach((item, i) => {
      const value = cached[i];
      if (value) found.set(item, decode(value) as T);
      else misses.push(item);
    });
    if (found.size) this.events.hit(found.size);
    if (!misses.length) {
      if (items.length) this.events.avoided(1);
      return found;
    }
    this.events.miss(misses.length);
    const own: K[] = [];
    const joined: { item: K; flight: RecordInFlight }[] = [];
    for (const item of misses) {
      const flight = this.recordsInFlight.get(keyOf(item));
      if (flight) joined.push({ item, flight });
      else own.push(item);
    }
    if (!own.length) this.events.avoided(1);
    const [loaded] = await Promise.all([
      own.length ? this.loadRecords(own, keyOf, load, ttlSeconds) : new Map<K, T>(),
      ...joined.map(async ({ item, flight }) => {
        const value = (await flight.batch).get(flight.item) as T | undefined;
        if (value !== undefined) found.set(item, value);
      }),
    ]);
    for (const [item, value] of loaded) found.set(item, value);
    return found;
  }

  /** Loads and stores `items`, each marked in flight until the batch is stored or failed. */
  private loadRecords<K, T>(
    items: K[],
    keyOf: (item: K) => string,
    load: (misses: K[]) => Promise<Map<K, T>>,
    ttlSeconds: number,
  ): Promise<Map<K, T>> {
    const batch = load(items).then(async (loaded) => {
      const kept = new Map<K, T>();
      const writes: { key: string; value: string }[] = [];
      for (const item of items) {
        const value = loaded.get(item);
        if (value === undefined) continue;
        kept.set(item, value);
        writes.push({ key: keyOf(item), value: encode(value) });
      }
      await this.store.mset(writes, ttlSeconds);
      return kept;
    });
    const keys = items.map(keyOf);
    for (const [i, item] of items.entries()) {
      this.recordsInFlight.set(keys[i] as string, { batch, item });
    }
    const settled = () => {
      for (const key of keys)
        if (this.recordsInFlight.get(key)?.batch === batch) this.recordsInFlight.delete(key);
    };
    batch.then(settled, settled);
    return batch;
  }
}
