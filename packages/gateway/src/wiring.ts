import { type CallEvent, LoginRefusedError, TrytonClient } from '@portal/tryton-client';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Viewer } from './auth/auth.service.js';
import { AuthService } from './auth/auth.service.js';
import { AuthLimiter } from './auth/auth-limiter.js';
import { CredentialCache } from './cache/credential-cache.js';
import { ReadCache } from './cache/read-cache.js';
import { CircuitBreakerStore, MemoryStore, RedisStore } from './cache/store.js';
import { withTimeout } from './cache/with-timeout.js';
import type { Config } from './config.js';
import { type CustomerServices, servicesFor, type WriteDeps } from './context.js';
import { GatewayError, trytonUnavailable } from './errors.js';
import type { Metrics } from './plugins/metrics.js';
import {
  type Clock,
  FallbackLeakyBucket,
  type LeakyBucket,
  MemoryLeakyBucket,
  RedisLeakyBucket,
} from './quotas/leaky-bucket.js';
import { fromTryton } from './tryton/errors.js';
import { PortalGateway } from './tryton/portal-gateway.js';

/** The gateway's long-lived parts, built once per process and shared by every route. */
export interface Wiring {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  client: TrytonClient;
  redis?: Redis;
  auth: AuthService;
  /** The quota buckets of GraphQL, downloads, exports and the checkout relay. */
  bucket: LeakyBucket;
  /** Resolves once the technical user is signed in to Tryton; TRYTON_UNAVAILABLE otherwise. */
  trytonReady(): Promise<void>;
  /** The customer-scoped services of one request (created on first use). */
  services(viewer: Viewer | null, language: 'fr' | 'en'): () => CustomerServices;
  /** Ends the Tryton session, the client's connections and Redis (a second at most each). */
  close(): Promise<void>;
}

export interface WiringOptions {
  /** Observes every Tryton call (tests count them). */
  onTrytonCall?: (event: CallEvent) => void;
  /** Milliseconds since the epoch, for the quota buckets and the Redis circuit breakers. */
  clock?: Clock;
}

/** Builds the Tryton client, Redis and what stands on them: cache, auth, writes and quotas. */
export function createWiring(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  options: WiringOptions = {},
): Wiring {
  const client = new TrytonClient({
    url: config.tryton.url,
    database: config.tryton.database,
    maxInFlight: config.tryton.maxInFlight,
    timeoutMs: config.tryton.timeoutMs,
    queueTimeoutMs: config.tryton.queueTimeoutMs,
    maxQueued: config.tryton.maxQueued,
    hooks: {
      onCall: (event) => {
        metrics.trytonCall(event);
        options.onTrytonCall?.(event);
      },
    },
  });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: false,
      })
    : undefined;
  redis?.on('error', (error: Error) =>
    logger.warn({ err: { message: error.message } }, 'redis error'),
  );
  // The technical user logs in lazily and again after a failure: the gateway starts (and
  // reports "not ready") while Tryton is down, and recovers by itself.
  let login: Promise<void> | undefined;
  const trytonReady = async () => {
    login ??= client.login(config.tryton.login, config.tryton.password).catch((error: unknown) => {
      login = undefined;
      if (error instanceof LoginRefusedError)
        logger.error('Tryton refused the technical user: check TRYTON_GATEWAY_PASSWORD');
      const mapped = fromTryton(error);
      throw mapped instanceof GatewayError ? mapped : trytonUnavailable();
    });
    await login;
  };

  // Every Redis use degrades instead of failing (bounded calls, fallbacks): counted and logged.
  const redisFallback = (use: 'cache' | 'quotas' | 'login') => (error: unknown) => {
    metrics.redisErrors.inc({ use });
    logger.warn({ use, err: { message: (error as Error)?.message } }, 'redis failed: fallback');
  };
  const store = redis
    ? new CircuitBreakerStore(
        new RedisStore(redis),
        redisFallback('cache'),
        config.redisTimeoutMs,
        5000,
        options.clock,
      )
    : new MemoryStore();
  const cacheEvents = {
    hit: (n: number) => metrics.cache.inc({ result: 'hit' }, n),
    miss: (n: number) => metrics.cache.inc({ result: 'miss' }, n),
    avoided: (n: number) => metrics.cache.inc({ result: 'tryton_call_avoided' }, n),
  };
  const cache = new ReadCache(store, config.cacheTtls, cacheEvents);
  const portalGateway = new PortalGateway(client, trytonReady);
  // Every customer write: counted, and logged without personal data (ids and outcomes only).
  const writes: WriteDeps = {
    gateway: portalGateway,
    events: (event) => {
      metrics.writes.inc({
        operation: event.operation,
        outcome: event.outcome,
        replayed: String(event.replayed),
      });
      logger.info({ event: 'write', ...event }, 'write');
    },
  };
  const auth = new AuthService(
    portalGateway,
    new AuthLimiter({
      ...config.authLimits,
      redis,
      onFallback: redisFallback('login'),
      timeoutMs: config.redisTimeoutMs,
      clock: options.clock,
    }),
    new CredentialCache(store, config.cacheTtls, cacheEvents, options.clock),
    {
      onBackgroundError: (error) =>
        logger.warn(
          { code: error instanceof GatewayError ? error.code : 'INTERNAL_SERVER_ERROR' },
          'password reset request failed after its answer',
        ),
    },
  );
  writes.distrust = (webUserId) => auth.distrust(webUserId);

  const bucket = new FallbackLeakyBucket(
    redis
      ? new RedisLeakyBucket(redis, 'portal', options.clock)
      : new MemoryLeakyBucket(options.clock),
    new MemoryLeakyBucket(options.clock),
    redisFallback('quotas'),
    { clock: options.clock, timeoutMs: config.redisTimeoutMs },
  );

  return {
    config,
    logger,
    metrics,
    client,
    redis,
    auth,
    bucket,
    trytonReady,
    services: (viewer, language) =>
      servicesFor(client, viewer, language, writes, cache, options.clock),
    close: async () => {
      // The Tryton session ends with the process; a Tryton that is gone gets a second at most.
      await withTimeout(client.logout(), 1000).catch(() => undefined);
      await client.close({ graceMs: 1000 });
      if (redis) {
        await withTimeout(redis.quit(), 1000).catch(() => undefined);
        redis.disconnect();
      }
    },
  };
}
