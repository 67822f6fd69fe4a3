import 'reflect-metadata';
import type { CallEvent } from '@portal/tryton-client';
import type { DestinationStream, Logger } from 'pino';
import { startApollo } from './apollo-server.js';
import type { Config } from './config.js';
import { downloadPermissions } from './http/download-permissions.js';
import { router } from './http/router.js';
import { listen } from './lifecycle.js';
import { gatewayLogger } from './logger.js';
import { Metrics } from './plugins/metrics.js';
import type { Clock } from './quotas/leaky-bucket.js';
import { portalSchema } from './schema/build.js';
import { createWiring } from './wiring.js';

export interface GatewayOptions {
  logger?: Logger;
  /** Where the gateway's own logger writes (stdout by default); ignored with `logger`. */
  logDestination?: DestinationStream;
  /** Observes every Tryton call (tests count them). */
  onTrytonCall?: (event: CallEvent) => void;
  /**
   * Milliseconds since the epoch, for the quota buckets and the Redis circuit breakers (tests
   * move time without sleeping).
   */
  clock?: Clock;
}

export interface RunningGateway {
  url: string;
  port: number;
  metrics: Metrics;
  /**
   * Stops gracefully (config.shutdown): health and readiness turn 503 "draining" at once; after
   * `delayMs` the port closes and idle keep-alive connections with it; requests in flight get
   * until `timeoutMs` to finish, then their connections are cut; then Apollo, the Tryton
   * session and client, and Redis are closed. Resolves once all that is done; calling it again
   * returns the same promise.
   */
  stop(): Promise<void>;
}

/**
 * Starts the gateway and resolves once listening: its parts (wiring.ts), Apollo
 * (apollo-server.ts), the HTTP routes (http/router.ts) and the server's life (lifecycle.ts).
 */
export async function startGateway(
  config: Config,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? gatewayLogger(config.logLevel, options.logDestination);
  const metrics = new Metrics();
  const wiring = createWiring(config, logger, metrics, options);
  const schema = await portalSchema();
  const apollo = await startApollo(config, logger, metrics, wiring.bucket, schema);
  // What each download needs: the @Allow of the GraphQL field reading the same data.
  const permissions = downloadPermissions(schema);
  const server = await listen(config, logger, (isDraining) =>
    router(wiring, apollo, permissions, isDraining),
  );
  wiring
    .trytonReady()
    .catch(() => logger.warn('Tryton not reachable yet: will retry on the next request'));

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    await server.stop();
    await apollo.stop();
    await wiring.close();
    logger.info('gateway stopped');
  };
  return {
    url: `http://${config.host}:${server.port}`,
    port: server.port,
    metrics,
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
