import { TrytonClient } from '@portal/tryton-client';
import { Redis } from 'ioredis';
import { withTimeout } from './cache/with-timeout.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { CheckService, exitCode, formatResult, type RedisProbe } from './services/check.service.js';
import { PORTAL_API_VERSION, TrytonInstallation } from './tryton/installation.mapper.js';

/**
 * portal-check (`docker compose exec gateway portal-check`, `pnpm --filter @portal/gateway
 * check`): the gateway's own configuration, then what the gateway needs from Tryton and
 * Redis, one line per check (docs/operations.md). Exit 0 when nothing failed, else 1.
 */

/** A check waits this long for one answer: it should tell fast, not wait like a request. */
const TIMEOUT_MS = 10_000;

/** A connection of its own: one PING, no retries, no offline queue. */
function redisProbe(url: string): RedisProbe & { close(): void } {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: TIMEOUT_MS,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  return {
    ping: async () => {
      await withTimeout(
        redis.connect().then(() => redis.ping()),
        TIMEOUT_MS,
      );
    },
    close: () => redis.disconnect(),
  };
}

/** Where the configuration points, without the secrets. */
function describeConfig(config: Config): string {
  const redis = config.redisUrl ? new URL(config.redisUrl).host : 'not set';
  return `valid: Tryton ${config.tryton.url} database ${config.tryton.database} as ${config.tryton.login}, Redis ${redis}`;
}

async function main(): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    print(formatResult({ name: 'config', status: 'fail', detail: error.message }));
    return 1;
  }
  print(formatResult({ name: 'config', status: 'ok', detail: describeConfig(config) }));
  const tryton = new TrytonInstallation(
    new TrytonClient({
      url: config.tryton.url,
      database: config.tryton.database,
      timeoutMs: Math.min(config.tryton.timeoutMs, TIMEOUT_MS),
      retry: { attempts: 0 },
    }),
    { login: config.tryton.login, password: config.tryton.password },
  );
  const redis = config.redisUrl ? redisProbe(config.redisUrl) : undefined;
  try {
    const results = await new CheckService({
      tryton,
      redis,
      moduleVersion: PORTAL_API_VERSION,
    }).run();
    for (const result of results) print(formatResult(result));
    return exitCode(results);
  } finally {
    redis?.close();
    await tryton.close();
  }
}

// process.exit: an open handle (a socket being torn down) must not keep the check waiting.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`portal-check failed: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
