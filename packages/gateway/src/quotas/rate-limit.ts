import { createHash } from 'node:crypto';
import type { Viewer } from '../auth/auth.service.js';
import type { BucketLimits } from './leaky-bucket.js';

/**
 * The bucket a caller spends from: one per customer session, per API token (hashed: the key
 * lands in Redis), per client IP when anonymous. The same keys as the cost plugin's, so a
 * customer's downloads and GraphQL operations drain one bucket.
 */
export function bucketKey(viewer: Viewer | null, ip: string): string {
  const credential = viewer?.credential;
  if (!viewer || !credential) return `ip:${ip}`;
  if (credential.kind === 'token') {
    return `token:${createHash('sha256').update(credential.token).digest('hex').slice(0, 24)}`;
  }
  return `customer:${viewer.customer.webUserId}`;
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
