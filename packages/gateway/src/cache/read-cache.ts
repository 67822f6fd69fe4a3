import { createHash } from 'node:crypto';
import { decode, encode } from '@portal/tryton-client';
import type { CacheArea, CacheTtls } from '../config.js';
import type { CacheStore } from './store.js';

export interface CacheEvents {
  hit(count: number): void;
  miss(count: number): void;
  /**
   * Tryton calls the cache spared: a `get` served from the store or joined to a load already
   * in flight, a `getMany` whose every key was a hit. A partial batch still makes its one call.
   */
  avoided(count: number): void;
}

/**
 * Read-through cache of Tryton answers for one customer scope. The scope (the web user and
 * its parties) and the language are in every key, so an entry made for one customer can never
 * be served to another. Values keep Tryton's encoding (Decimal, dates, bytes) exactly. Each
 * read names its area, whose lifetime applies (0: that area goes straight to Tryton).
 */
export class ReadCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: CacheStore,
    private readonly ttls: CacheTtls,
    private readonly events: CacheEvents,
    private readonly prefix = 'portal:v1',
  ) {}

  /** The key of `parts` in `scope`: readable prefix, hashed rest. */
  key(scope: string, ...parts: unknown[]): string {
    const digest = createHash('sha256')
      .update(JSON.stringify(parts))
      .digest('base64url')
      .slice(0, 32);
    return `${this.prefix}:${scope}:${digest}`;
  }

  /** One cached value; concurrent misses of the same key make one `load` (single-flight). */
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
    const loading = load()
      .then(async (value) => {
        await this.store.mset([{ key, value: encode(value) }], ttlSeconds);
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return await loading;
  }

  /** Many keyed values in one round trip; `load` gets only the misses, once. */
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
    const loaded = await load(misses);
    const writes: { key: string; value: string }[] = [];
    for (const item of misses) {
      const value = loaded.get(item);
      if (value === undefined) continue;
      found.set(item, value);
      writes.push({ key: keyOf(item), value: encode(value) });
    }
    await this.store.mset(writes, ttlSeconds);
    return found;
  }
}
