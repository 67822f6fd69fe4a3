import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { RedisBreaker } from '../cache/redis-breaker.js';
import { GatewayError, throttled } from '../errors.js';
import { ipNetwork } from './ip-network.js';

/** The anonymous auth mutations, each with counters of its own. */
export type AuthAction = 'login' | 'passwordResetRequest' | 'passwordReset' | 'emailValidation';

/**
 * What an action counts. `failures`: a success gives its attempt back, so an office behind
 * one NAT can sign in all day; only wrong passwords and tokens add up. `requests`: every
 * request counts (a reset request sends a mail whether the address exists or not).
 */
const COUNTS: Record<AuthAction, 'failures' | 'requests'> = {
  login: 'failures',
  passwordResetRequest: 'requests',
  passwordReset: 'failures',
  emailValidation: 'failures',
};

export interface ActionLimit {
  /** Attempts per client network (IPv4 address, IPv6 /64) per window. */
  perIp: number;
  /** Attempts per e-mail address per window; absent where the action has no e-mail. */
  perEmail?: number;
}

export type AuthLimits = Record<AuthAction, ActionLimit>;

/** A limit kept in Redis when there is one, and the in-memory copy used while Redis fails. */
interface Limit {
  points: number;
  store: RateLimiterAbstract | undefined;
  memory: RateLimiterAbstract;
}

/** One reserved attempt on one counter. */
interface Reserved {
  limit: Limit;
  key: string;
  consumed: number;
}

/**
 * The gateway's limits on the anonymous auth mutations, per client network and per e-mail, in
 * front of Tryton's (docs/quotas.md has the arithmetic): once a limit is reached the gateway
 * answers THROTTLED without asking Tryton, so Tryton's own counter, its exponential sleep and
 * its lockout stay out of an outsider's reach.
 *
 * An attempt is reserved before Tryton is asked (rate-limiter-flexible's "count only failures"
 * pattern checks with get() and consumes on failure, which lets a burst of concurrent attempts
 * all pass the check) and given back when it succeeds. The window of a counter that reaches its
 * limit restarts at that last failure (`block`): a fixed window would allow twice the limit
 * across its boundary, and Tryton counts over a sliding one.
 *
 * rate-limiter-flexible: atomic in Redis, shared by every replica, with an in-memory fallback
 * per replica; each Redis call goes through a RedisBreaker (bounded by `timeoutMs`, skipped for
 * `openMs` after a failure, counted by `onFallback`), so a hung Redis costs one timeout per
 * window, not one per sign-in.
 */
export class AuthLimiter {
  private readonly limits = new Map<string, Limit>();
  private readonly windowSeconds: number;
  private readonly breaker: RedisBreaker;

  constructor(options: {
    limits: AuthLimits;
    windowSeconds: number;
    redis?: Redis | undefined;
    keyPrefix?: string;
    /** Bound on each Redis call, in milliseconds (100 by default). */
    timeoutMs?: number;
    /** How long Redis is skipped after a failure, in milliseconds (5000 by default). */
    openMs?: number;
    clock?: (() => number) | undefined;
    onFallback?: (error: unknown) => void;
  }) {
    const prefix = options.keyPrefix ?? 'portal:auth';
    this.windowSeconds = options.windowSeconds;
    this.breaker = new RedisBreaker(options.onFallback ?? (() => {}), options);
    for (const [action, limit] of Object.entries(options.limits)) {
      for (const [by, points] of [
        ['ip', limit.perIp],
        ['email', limit.perEmail],
      ] as const) {
        if (!points) continue;
        const keyPrefix = `${prefix}:${action}:${by}`;
        const duration = options.windowSeconds;
        this.limits.set(`${action}:${by}`, {
          points,
          store: options.redis
            ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix, points, duration })
            : undefined,
          memory: new RateLimiterMemory({ keyPrefix, points, duration }),
        });
      }
    }
  }

  /**
   * Runs `attempt` if `action`'s limits allow it, else throws THROTTLED without running it.
   * `failed` tells whether its result is a failure; a thrown error counts as one (Tryton may
   * have counted it before failing), except TRYTON_UNAVAILABLE: Tryton did not answer, and a
   * customer who retries while the ERP is down must not find the sign-in throttled once it is
   * back.
   */
  async guard<T>(
    action: AuthAction,
    who: { ip: string; email?: string | undefined },
    attempt: () => Promise<T>,
    failed: (result: T) => boolean = () => false,
  ): Promise<T> {
    const keys: [Limit | undefined, string | undefined][] = [
      [this.limits.get(`${action}:ip`), ipNetwork(who.ip)],
      [this.limits.get(`${action}:email`), who.email?.trim().toLowerCase()],
    ];
    const reserved = await this.reserve(keys);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      const unanswered = error instanceof GatewayError && error.code === 'TRYTON_UNAVAILABLE';
      if (COUNTS[action] === 'failures') await this.settle(reserved, unanswered);
      throw error;
    }
    if (COUNTS[action] === 'failures') await this.settle(reserved, !failed(result));
    return result;
  }

  private async reserve(keys: [Limit | undefined, string | undefined][]): Promise<Reserved[]> {
    const outcomes = await Promise.allSettled(
      keys.map(async ([limit, key]) => {
        if (!limit || !key) return null;
        const res = await this.call(limit, (limiter) => limiter.consume(key));
        return { limit, key, consumed: res.consumedPoints };
      }),
    );
    const reserved: Reserved[] = [];
    let wait = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') {
        if (outcome.value) reserved.push(outcome.value);
      } else if (outcome.reason instanceof RateLimiterRes) {
        wait = Math.max(wait, Math.ceil(outcome.reason.msBeforeNext / 1000), 1);
      } else {
        throw outcome.reason;
      }
    }
    if (wait > 0) {
      // Refused: the counters that did take this attempt give it back.
      await this.settle(reserved, true);
      throw throttled(wait);
    }
    return reserved;
  }

  /** A success gives each attempt back; a failure that reaches a limit restarts its window. */
  private async settle(reserved: Reserved[], succeeded: boolean): Promise<void> {
    await Promise.all(
      reserved.map(async ({ limit, key, consumed }) => {
        if (succeeded) {
          await this.call(limit, (limiter) => limiter.reward(key, 1));
        } else if (consumed >= limit.points) {
          await this.call(limit, (limiter) => limiter.block(key, this.windowSeconds));
        }
      }),
    );
  }

  /** A successful sign-in forgives that e-mail's failed ones, as Tryton does (not the IP's). */
  async forgive(action: AuthAction, email: string): Promise<void> {
    const limit = this.limits.get(`${action}:email`);
    const key = email.trim().toLowerCase();
    if (limit) await this.call(limit, (limiter) => limiter.delete(key));
  }

  /** Redis, bounded; memory when Redis fails or is too slow. A refusal is not a failure. */
  private async call<T>(
    limit: Limit,
    operation: (limiter: RateLimiterAbstract) => Promise<T>,
  ): Promise<T> {
    const { store, memory } = limit;
    if (!store) return await operation(memory);
    return await this.breaker.run(
      () => operation(store),
      () => operation(memory),
      (error) => error instanceof RateLimiterRes,
    );
  }
}
