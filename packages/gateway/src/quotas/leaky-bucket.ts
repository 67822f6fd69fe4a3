import type { Redis } from 'ioredis';
import { RedisBreaker } from '../cache/redis-breaker.js';

/** What a bucket answers for one request. */
export interface BucketResult {
  allowed: boolean;
  /** Points left after this request (or now, when refused). */
  available: number;
  /** Seconds until the refused cost fits; 0 when allowed. */
  retryAfter: number;
}

export interface BucketLimits {
  /** Bucket size: the most a client can spend at once. */
  size: number;
  /** Points restored per second. */
  restoreRate: number;
}

export interface LeakyBucket {
  /** Take `cost` points; a negative cost gives points back, up to the bucket's size. */
  take(key: string, cost: number, limits: BucketLimits): Promise<BucketResult>;
}

export type Clock = () => number;

function settle(
  state: { available: number; at: number } | undefined,
  now: number,
  cost: number,
  limits: BucketLimits,
): { next: { available: number; at: number }; result: BucketResult } {
  const elapsed = state ? Math.max(0, now - state.at) / 1000 : 0;
  const available = state
    ? Math.min(limits.size, state.available + elapsed * limits.restoreRate)
    : limits.size;
  if (cost > available) {
    const retryAfter = Math.ceil((cost - available) / limits.restoreRate);
    return {
      next: { available, at: now },
      result: { allowed: false, available: Math.floor(available), retryAfter },
    };
  }
  // A negative cost gives points back (the part of an operation it did not use).
  const left = Math.min(limits.size, available - cost);
  return {
    next: { available: left, at: now },
    result: { allowed: true, available: Math.floor(left), retryAfter: 0 },
  };
}

/** One process only: what a single gateway without Redis uses. */
export class MemoryLeakyBucket implements LeakyBucket {
  private readonly states = new Map<string, { available: number; at: number }>();

  constructor(private readonly clock: Clock = Date.now) {}

  async take(key: string, cost: number, limits: BucketLimits): Promise<BucketResult> {
    const { next, result } = settle(this.states.get(key), this.clock(), cost, limits);
    this.states.set(key, next);
    if (this.states.size > 100_000) this.states.delete(this.states.keys().next().value as string);
    return result;
  }
}

/** The same arithmetic in one Lua script: atomic across gateway replicas. */
const SCRIPT = `
local size = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = size
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2])) / 1000
  available = math.min(size, tonumber(state[1]) + elapsed * rate)
end
local allowed = 0
if cost <= available then
  available = math.min(size, available - cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(size / rate * 1000) + 1000)
return {allowed, tostring(available)}
`;

export class RedisLeakyBucket implements LeakyBucket {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock = Date.now,
  ) {}

  async take(key: string, cost: number, limits: BucketLimits): Promise<BucketResult> {
    const [allowed, available] = (await this.redis.eval(
      SCRIPT,
      1,
      `${this.prefix}:bucket:${key}`,
      limits.size,
      limits.restoreRate,
      cost,
      this.clock(),
    )) as [number, string];
    const left = Number(available);
    return {
      allowed: allowed === 1,
      available: Math.floor(left),
      retryAfter: allowed === 1 ? 0 : Math.ceil((cost - left) / limits.restoreRate),
    };
  }
}

/**
 * Redis when it answers, memory when it does not: a Redis outage degrades quotas to per
 * replica instead of failing requests. Each call to Redis goes through a RedisBreaker (bounded
 * by `timeoutMs`, skipped for `openMs` after a failure); `onFallback` lets the caller count
 * and log it.
 */
export class FallbackLeakyBucket implements LeakyBucket {
  private readonly breaker: RedisBreaker;

  constructor(
    private readonly primary: LeakyBucket,
    private readonly fallback: LeakyBucket,
    onFallback: (error: unknown) => void,
    options: { timeoutMs?: number; openMs?: number; clock?: Clock | undefined } = {},
  ) {
    this.breaker = new RedisBreaker(onFallback, options);
  }

  take(key: string, cost: number, limits: BucketLimits): Promise<BucketResult> {
    return this.breaker.run(
      () => this.primary.take(key, cost, limits),
      () => this.fallback.take(key, cost, limits),
    );
  }
}
