import type { Redis } from 'ioredis';
import { RedisBreaker } from './redis-breaker.js';

/** Where cached Tryton answers live: Redis (shared by replicas) or this process. */
export interface CacheStore {
  /** One round trip for many keys; null for a miss. */
  mget(keys: string[]): Promise<(string | null)[]>;
  mset(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void>;
  del(keys: string[]): Promise<void>;
  /** Present on a store shared by replicas: lets one replica load a missing key for all. */
  readonly locks?: LoadLocks;
  /**
   * How many calls have not reached the store so far (failed, timed out, or skipped while a
   * breaker is open); absent on a store that cannot miss one. A write during which it moved
   * may be lost: the credential cache replays such forgets and revocations.
   */
  readonly unanswered?: number;
}

/** What a replica learns when it claims the load of a missing key. */
export type Claim = 'mine' | 'taken' | 'unavailable';

/**
 * Cross-replica single-flight: a short lock beside each key being loaded. Behind the circuit
 * breaker a failure answers `unavailable` (or null) instead, and the replica simply loads.
 */
export interface LoadLocks {
  /** `mine`: this caller loads `key`; `taken`: another replica does; held at most `ttlMs`. */
  claim(key: string, token: string, ttlMs: number): Promise<Claim>;
  /** Ends the claim if it is still `token`'s (an expired claim may be someone else's now). */
  release(key: string, token: string): Promise<void>;
  /** The value of `key` and whether its load is still claimed; null: the store failed. */
  peek(key: string): Promise<{ value: string | null; claimed: boolean } | null>;
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

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end`;

export class RedisStore implements CacheStore, LoadLocks {
  readonly locks: LoadLocks = this;

  constructor(private readonly redis: Redis) {}

  private lockKey(key: string): string {
    return `${key}:lock`;
  }

  async claim(key: string, token: string, ttlMs: number): Promise<Claim> {
    const set = await this.redis.set(this.lockKey(key), token, 'PX', ttlMs, 'NX');
    return set === 'OK' ? 'mine' : 'taken';
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.lockKey(key), token);
  }

  async peek(key: string): Promise<{ value: string | null; claimed: boolean }> {
    const [value, lock] = await this.redis.mget(key, this.lockKey(key));
    return { value: value ?? null, claimed: lock !== null && lock !== undefined };
  }

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
 * A store that never fails a request: every call goes through a RedisBreaker, and a failed,
 * slow or skipped call is a miss (nothing written). Redis down or slow means "straight from
 * Tryton", not an error.
 */
export class CircuitBreakerStore implements CacheStore {
  private readonly breaker: RedisBreaker;
  /** Calls that did not reach the store (failed, timed out, or skipped while open). */
  unanswered = 0;
  /** The inner store's locks behind the same breaker: an open breaker means "load yourself". */
  readonly locks: LoadLocks | undefined;

  constructor(
    private readonly store: CacheStore,
    onError: (error: unknown) => void,
    timeoutMs = 100,
    openMs = 5000,
    clock: () => number = Date.now,
  ) {
    this.breaker = new RedisBreaker(onError, { timeoutMs, openMs, clock });
    const locks = store.locks;
    this.locks = locks && {
      claim: (key, token, ttlMs) =>
        this.guard(() => locks.claim(key, token, ttlMs), 'unavailable' as Claim),
      release: (key, token) => this.guard(() => locks.release(key, token), undefined),
      peek: (key) => this.guard(() => locks.peek(key), null),
    };
  }

  private guard<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    return this.breaker.run(call, () => {
      this.unanswered++;
      return fallback;
    });
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
