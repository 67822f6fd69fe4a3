import type { Viewer } from '../auth/auth.service.js';
import type { BucketLimits } from './leaky-bucket.js';

/**
 * The bucket a caller spends from: one per customer (web user) for every credential it holds,
 * its browser sessions and all its API tokens alike (more tokens must not mean more quota),
 * one per client IP when anonymous. The same keys as the cost plugin's, so a customer's
 * downloads and GraphQL operations drain one bucket.
 */
export function bucketKey(viewer: Viewer | null, ip: string): string {
  return viewer ? `customer:${viewer.customer.webUserId}` : `ip:${ip}`;
}

/** The IETF RateLimit headers for a bucket holding `available` points; Reset is until full. */
export function rateLimitHeaders(available: number, limits: BucketLimits): Record<string, string> {
  const remaining = Math.max(0, available);
  return {
    'ratelimit-limit': String(limits.size),
    'ratelimit-remaining': String(remaining),
    'ratelimit-reset': String(Math.ceil((limits.size - remaining) / limits.restoreRate)),
    'ratelimit-policy': `"cost";q=${limits.size};w=${Math.ceil(limits.size / limits.restoreRate)}`,
  };
}
