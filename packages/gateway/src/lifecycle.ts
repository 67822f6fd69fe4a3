import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { withTimeout } from './cache/with-timeout.js';
import type { Config } from './config.js';

/** The HTTP server's life: listening, requests counted in flight, and the graceful stop. */
export interface Lifecycle {
  port: number;
  /**
   * Stops gracefully (config.shutdown): draining at once; after `delayMs` the port closes and
   * idle keep-alive connections with it; requests in flight get until `timeoutMs` to finish,
   * then their connections are cut. Resolves once the server is closed.
   */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Listens on config.host:config.port and hands every request to what `handler` returns. Only
 * the lifecycle sets draining (once stop() begins): `handler` gets a reader of it (health and
 * readiness answer 503 then), and while it lasts every answer closes its connection.
 */
export async function listen(
  config: Config,
  logger: Logger,
  handler: (isDraining: () => boolean) => Handle,
): Promise<Lifecycle> {
  let draining = false;
  const handle = handler(() => draining);
  // Requests being answered, for the graceful stop: it waits until none is left.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    inFlight++;
    // While draining, every answer closes its connection: a client's next request opens a
    // new one, which a load balancer sends to another replica.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    void handle(req, res);
  });
  // Longer than the proxies' idle timeouts (traefik: 90 s), so a proxy never reuses a
  // connection the gateway is closing.
  server.keepAliveTimeout = 95_000;
  server.headersTimeout = 100_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: config.host }, 'gateway listening');

  return {
    port,
    stop: async () => {
      draining = true;
      const deadline = Date.now() + config.shutdown.delayMs + config.shutdown.timeoutMs;
      logger.info({ inFlight, ...config.shutdown }, 'gateway draining');
      await sleep(config.shutdown.delayMs);
      // No new connections; idle keep-alive ones close now, busy ones after their answer.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const idle = new Promise<void>((resolve) => {
          drained = resolve;
        });
        await withTimeout(idle, Math.max(0, deadline - Date.now())).catch(() => undefined);
      }
      if (inFlight > 0) logger.warn({ inFlight }, 'shutdown deadline passed: cutting requests');
      server.closeAllConnections();
      await closed;
      logger.info('gateway connections closed');
    },
  };
}
