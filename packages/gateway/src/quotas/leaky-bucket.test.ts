import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  FallbackLeakyBucket,
  type LeakyBucket,
  MemoryLeakyBucket,
  RedisLeakyBucket,
} from './leaky-bucket.js';

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

    it('takes points back (a negative cost), never above its size', async () => {
      const now = 1_000_000;
      const bucket = make(() => now);
      const key = randomUUID();
      expect((await bucket.take(key, 80, limits)).available).toBe(20);
      expect(await bucket.take(key, -50, limits)).toEqual({
        allowed: true,
        available: 70,
        retryAfter: 0,
      });
      expect((await bucket.take(key, -500, limits)).available).toBe(100);
      expect((await bucket.take(key, 100, limits)).allowed).toBe(true);
      expect((await bucket.take(key, 1, limits)).allowed).toBe(false);
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

describe('FallbackLeakyBucket', () => {
  it('bounds a primary that never answers, skips it while open, then tries it again', async () => {
    let now = 1_000_000;
    let calls = 0;
    const hung: LeakyBucket = {
      take: () => {
        calls++;
        return new Promise(() => {});
      },
    };
    const failures: unknown[] = [];
    const bucket = new FallbackLeakyBucket(
      hung,
      new MemoryLeakyBucket(() => now),
      (e) => failures.push(e),
      {
        timeoutMs: 50,
        openMs: 5000,
        clock: () => now,
      },
    );
    // Fake timers: the bound is the 50 ms of timeoutMs, whatever the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let answered = false;
      const first = bucket.take('k', 10, limits).finally(() => {
        answered = true;
      });
      await vi.advanceTimersByTimeAsync(49);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
      expect((await first).available).toBe(90);
    } finally {
      vi.useRealTimers();
    }
    expect(failures).toHaveLength(1);
    expect((await bucket.take('k', 10, limits)).available).toBe(80);
    expect(calls).toBe(1);
    now += 5000;
    await bucket.take('k', 10, limits);
    expect(calls).toBe(2);
    expect(failures).toHaveLength(2);
  });
});
