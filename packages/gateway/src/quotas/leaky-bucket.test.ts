import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type LeakyBucket, MemoryLeakyBucket, RedisLeakyBucket } from './leaky-bucket.js';

const limits = { size: 100, restoreRate: 10 };

function behaves(name: string, make: (clock: () => number) => LeakyBucket) {
  describe(name, () => {
    it('spends, refuses with the wait, and restores over time', async () => {
      let now = 1_000_000;
      const bucket = make(() => now);
      const key = randomUUID();
      expect(await bucket.take(key, 60, limits)).toEqual({
        allowed: true,
        available: 40,
        retryAfter: 0,
      });
      expect(await bucket.take(key, 60, limits)).toEqual({
        allowed: false,
        available: 40,
        retryAfter: 2,
      });
      now += 2000;
      expect(await bucket.take(key, 60, limits)).toEqual({
        allowed: true,
        available: 0,
        retryAfter: 0,
      });
      now += 60_000;
      expect((await bucket.take(key, 1, limits)).available).toBe(99);
      expect((await bucket.take(randomUUID(), 100, limits)).allowed).toBe(true);
    });
  });
}

behaves('MemoryLeakyBucket', (clock) => new MemoryLeakyBucket(clock));

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());
behaves(
  'RedisLeakyBucket (real Redis)',
  (clock) => new RedisLeakyBucket(redis, `test-${randomUUID()}`, clock),
);
