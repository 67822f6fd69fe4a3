/** A Redis call that did not answer in time: treated like any other Redis failure. */
export class RedisTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/**
 * `promise`, or a RedisTimeoutError after `timeoutMs`. ioredis has no per-call deadline and a
 * hung (not closed) connection never fails, so every Redis call on a request's path goes
 * through this. The late answer, if any, is ignored.
 */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RedisTimeoutError(timeoutMs)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
