import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { withTimeout } from '../cache/with-timeout.js';

/** A limit kept in Redis when there is one, and the in-memory copy used while Redis fails. */
interface Limit {
  store: RateLimiterAbstract | undefined;
  memory: RateLimiterAbstract;
}

/**
 * The gateway's own limit on login attempts, per client IP and per e-mail, in front of
 * Tryton's (which sees one IP, the gateway's). rate-limiter-flexible: atomic in Redis, shared
 * by all gateway replicas, with an in-memory fallback for a single process. Each Redis call is
 * bounded by `timeoutMs`: a hung Redis falls back to memory (per replica) like a failing one,
 * and `onFallback` counts it, instead of stalling every login.
 */
export class LoginLimiter {
  private readonly perIp: Limit;
  private readonly perEmail: Limit;
  private readonly timeoutMs: number;
  private readonly onFallback: (error: unknown) => void;

  constructor(options: {
    perIp: number;
    perEmail: number;
    windowSeconds: number;
    redis?: Redis | undefined;
    keyPrefix?: string;
    /** Bound on each Redis call, in milliseconds (100 by default). */
    timeoutMs?: number;
    onFallback?: (error: unknown) => void;
  }) {
    const prefix = options.keyPrefix ?? 'portal:login';
    this.timeoutMs = options.timeoutMs ?? 100;
    this.onFallback = options.onFallback ?? (() => {});
    const make = (points: number, name: string): Limit => {
      const keyPrefix = `${prefix}:${name}`;
      const duration = options.windowSeconds;
      return {
        store: options.redis
          ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix, points, duration })
          : undefined,
        memory: new RateLimiterMemory({ keyPrefix, points, duration }),
      };
    };
    this.perIp = make(options.perIp, 'ip');
    this.perEmail = make(options.perEmail, 'email');
  }

  /** Redis, bounded; memory when Redis fails or is too slow. A refusal is not a failure. */
  private async call<T>(
    limit: Limit,
    operation: (limiter: RateLimiterAbstract) => Promise<T>,
  ): Promise<T> {
    if (!limit.store) return await operation(limit.memory);
    try {
      return await withTimeout(operation(limit.store), this.timeoutMs);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      this.onFallback(error);
      return await operation(limit.memory);
    }
  }

  /** Counts an attempt; resolves to the seconds to wait when over a limit, else 0. */
  async attempt(ip: string, email: string): Promise<number> {
    const results = await Promise.allSettled([
      this.call(this.perIp, (limiter) => limiter.consume(ip)),
      this.call(this.perEmail, (limiter) => limiter.consume(email.trim().toLowerCase())),
    ]);
    let wait = 0;
    for (const result of results) {
      if (result.status === 'rejected') {
        if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
        wait = Math.max(wait, Math.ceil(result.reason.msBeforeNext / 1000));
      }
    }
    return wait;
  }

  /** A successful login forgives that e-mail's failures (not the IP's). */
  async succeeded(email: string): Promise<void> {
    await this.call(this.perEmail, (limiter) => limiter.delete(email.trim().toLowerCase()));
  }
}
