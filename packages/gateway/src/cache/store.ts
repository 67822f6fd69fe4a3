import type { Redis } from 'ioredis';
import { withTimeout } from './with-timeout.js';

/** Where cached Tryton answers live: Redis (shared by replicas) or this process. */
export interface CacheStore {
  /** One round trip for many keys; null for a miss. */
  mget(keys: string[]): Promise<(string | null)[]>;
  mset(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void>;
  del(keys: string[]): Promise<void>;
}

/** A bounded map with expiry, for a single gateway without Redis. */
export class MemoryStore implements CacheStore {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async mget(keys: string[]): Promise<(string | null)[]> {
    const now = this.clock();
    return keys.map((key) => {
      const entry = this.entries.get(key);
      if (!entry) return null;
      if (entry.expires <= now) {
        this.entries.delete(key);
        return null;
      }
      return entry.value;
    });
  }

  async mset(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void> {
    const expires = this.clock() + ttlSeconds * 1000;
    for (const { key, value } of entries) {
      this.entries.delete(key);
      this.entries.set(key, { value, expires });
    }
    // Oldest first: a Map iterates in insertion order.
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  async del(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }
}

export class RedisStore implements CacheStore {
  constructor(private readonly redis: Redis) {}

  async mget(keys: string[]): Promise<(string | null)[]> {
    return keys.length ? await this.redis.mget(keys) : [];
  }

  async mset(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void> {
    if (!entries.length) return;
    const pipeline = this.redis.pipeline();
    for (const { key, value } of entries) pipeline.set(key, value, 'EX', ttlSeconds);
    await pipeline.exec();
  }

  async del(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys);
  }
}

/**
 * A store that never fails a request: each call is bounded by `timeoutMs`, and after a
 * failure the breaker stays open for `openMs` (every call a miss, nothing written) before it
 * tries the store again. Redis down or slow means "straight from Tryton", not an error.
 */
export class CircuitBreakerStore implements CacheStore {
  private openUntil = 0;

  constructor(
    private readonly store: CacheStore,
    private readonly onError: (error: unknown) => void,
    private readonly timeoutMs = 100,
    private readonly openMs = 5000,
    private readonly clock: () => number = Date.now,
  ) {}

  private async guard<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    if (this.clock() < this.openUntil) return fallback;
    try {
      return await withTimeout(call(), this.timeoutMs);
    } catch (error) {
      this.openUntil = this.clock() + this.openMs;
      this.onError(error);
      return fallback;
    }
  }

  mget(keys: string[]): Promise<(string | null)[]> {
    return this.guard(
      () => this.store.mget(keys),
      keys.map(() => null),
    );
  }

  mset(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void> {
    return this.guard(() => this.store.mset(entries, ttlSeconds), undefined);
  }

  del(keys: string[]): Promise<void> {
    return this.guard(() => this.store.del(keys), undefined);
  }
}
