import { TestRedis } from './redis-server.js';
import { type Replica, startReplica, startStack, type TestStack } from './stack.js';

/** Gateway replicas on one Tryton, sharing one Redis of the test's own. */
export interface Replicas extends TestStack {
  redis: TestRedis;
  /** Every replica, the stack's own first: `replicas[0]` has its `gateway`, `calls`, `session`. */
  replicas: Replica[];
}

/**
 * `n` gateway replicas on one real Tryton with the demo data and one Redis, all configured
 * alike (startStack's settings, `env`, and the Redis): what must hold "on every replica" (a
 * revocation, the end of a session, a cache entry dropped) is checked on each of them.
 * stop() stops the replicas, then Tryton, then Redis.
 */
export async function startReplicas(
  n: number,
  options: { env?: Record<string, string>; clock?: () => number } = {},
): Promise<Replicas> {
  const redis = await TestRedis.start();
  const others: Replica[] = [];
  let stack: TestStack | undefined;
  const stop = async () => {
    for (const replica of others) await replica.gateway.stop();
    await stack?.stop();
    await redis.close();
  };
  try {
    stack = await startStack({ ...options.env, REDIS_URL: redis.url }, options);
    for (let i = 1; i < n; i++) others.push(await startReplica(stack.config, options));
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...stack, redis, replicas: [stack, ...others], stop };
}
