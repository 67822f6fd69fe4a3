import { describe, expect, it } from 'vitest';
import { RedisBreaker } from './redis-breaker.js';
import { RedisTimeoutError } from './with-timeout.js';

const never = () => new Promise<string>(() => {});

describe('RedisBreaker', () => {
  it('bounds a call that never answers, then skips Redis while open, then tries again', async () => {
    let now = 1_000;
    const failures: unknown[] = [];
    const breaker = new RedisBreaker((error) => failures.push(error), {
      timeoutMs: 20,
      openMs: 5000,
      clock: () => now,
    });
    let calls = 0;
    const hung = () => {
      calls++;
      return never();
    };
    expect(await breaker.run(hung, () => 'memory')).toBe('memory');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(RedisTimeoutError);
    expect(breaker.isOpen).toBe(true);
    // Open: the fallback answers without calling Redis, and nothing more is counted.
    expect(await breaker.run(hung, () => 'memory')).toBe('memory');
    expect(calls).toBe(1);
    expect(failures).toHaveLength(1);
    // Past the window Redis is tried again; an answer closes the breaker.
    now += 5000;
    expect(breaker.isOpen).toBe(false);
    expect(
      await breaker.run(
        async () => 'redis',
        () => 'memory',
      ),
    ).toBe('redis');
    expect(
      await breaker.run(
        async () => 'redis',
        () => 'memory',
      ),
    ).toBe('redis');
  });

  it('opens on an error too, and passes on an error that is an answer', async () => {
    const now = 1_000;
    const failures: unknown[] = [];
    const breaker = new RedisBreaker((error) => failures.push(error), { clock: () => now });
    const refusal = new Error('over the limit');
    await expect(
      breaker.run(
        () => Promise.reject(refusal),
        () => 'memory',
        (error) => error === refusal,
      ),
    ).rejects.toBe(refusal);
    expect(breaker.isOpen).toBe(false);
    expect(failures).toEqual([]);
    expect(
      await breaker.run(
        () => Promise.reject(new Error('ECONNREFUSED')),
        () => 'memory',
      ),
    ).toBe('memory');
    expect(breaker.isOpen).toBe(true);
    expect(failures).toHaveLength(1);
  });
});
