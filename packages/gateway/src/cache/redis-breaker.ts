import { withTimeout } from './with-timeout.js';

export interface RedisBreakerOptions {
  /** Bound on each Redis call, in milliseconds (100 by default): a hung Redis never answers. */
  timeoutMs?: number | undefined;
  /** How long the breaker stays open after a failure, in milliseconds (5000 by default). */
  openMs?: number | undefined;
  clock?: (() => number) | undefined;
}

/**
 * The one guard of every Redis call on a request's path: the cache, the quotas and the login
 * limits each hold one. A call is bounded by `timeoutMs` (ioredis has no per-call deadline,
 * and a hung connection never fails); after a failure the breaker stays open for `openMs`,
 * during which the caller's fallback answers at once, so a failing Redis costs one timeout
 * per window instead of one per call. Then Redis is tried again, and a success closes it.
 * Redis stays disposable (docs/decisions/redis.md): its failure degrades a feature, it never
 * fails a request.
 */
export class RedisBreaker {
  private openUntil = 0;
  private readonly timeoutMs: number;
  private readonly openMs: number;
  private readonly clock: () => number;

  constructor(
    /** Told of each failure (the `portal_redis_errors_total{use}` metric and a log line). */
    private readonly onFailure: (error: unknown) => void,
    options: RedisBreakerOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 100;
    this.openMs = options.openMs ?? 5000;
    this.clock = options.clock ?? Date.now;
  }

  /** Whether calls go straight to their fallback now. */
  get isOpen(): boolean {
    return this.clock() < this.openUntil;
  }

  /**
   * `call`'s answer, or `fallback`'s while the breaker is open or when `call` fails or times
   * out. An error `isAnswer` accepts is Redis answering (a limiter's refusal), not a failure:
   * it is thrown on as it is.
   */
  async run<T>(
    call: () => Promise<T>,
    fallback: () => T | Promise<T>,
    isAnswer: (error: unknown) => boolean = () => false,
  ): Promise<T> {
    if (this.isOpen) return await fallback();
    try {
      return await withTimeout(call(), this.timeoutMs);
    } catch (error) {
      if (isAnswer(error)) throw error;
      this.openUntil = this.clock() + this.openMs;
      this.onFailure(error);
      return await fallback();
    }
  }
}
