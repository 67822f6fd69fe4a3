import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/**
 * The gateway's own limit on login attempts, per client IP and per e-mail, in front of
 * Tryton's (which sees one IP, the gateway's). rate-limiter-flexible: atomic in Redis, shared
 * by all gateway replicas, with an in-memory fallback for a single process.
 */
export class LoginLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perEmail: RateLimiterAbstract;

  constructor(options: {
    perIp: number;
    perEmail: number;
    windowSeconds: number;
    redis?: Redis | undefined;
    keyPrefix?: string;
  }) {
    const prefix = options.keyPrefix ?? 'portal:login';
    const make = (points: number, name: string) =>
      options.redis
        ? new RateLimiterRedis({
            storeClient: options.redis,
            keyPrefix: `${prefix}:${name}`,
            points,
            duration: options.windowSeconds,
            insuranceLimiter: new RateLimiterMemory({ points, duration: options.windowSeconds }),
          })
        : new RateLimiterMemory({
            keyPrefix: `${prefix}:${name}`,
            points,
            duration: options.windowSeconds,
          });
    this.perIp = make(options.perIp, 'ip');
    this.perEmail = make(options.perEmail, 'email');
  }

  /** Counts an attempt; resolves to the seconds to wait when over a limit, else 0. */
  async attempt(ip: string, email: string): Promise<number> {
    const results = await Promise.allSettled([
      this.perIp.consume(ip),
      this.perEmail.consume(email.trim().toLowerCase()),
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
    await this.perEmail.delete(email.trim().toLowerCase());
  }
}
