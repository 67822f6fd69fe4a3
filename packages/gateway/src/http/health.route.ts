import type { ServerResponse } from 'node:http';
import { withTimeout } from '../cache/with-timeout.js';
import type { Wiring } from '../wiring.js';
import { sendJson } from './respond.js';

/**
 * /healthz (the process answers), /readyz (Tryton and Redis reachable) and /metrics
 * (Prometheus). While the gateway drains, health and readiness answer 503 "draining", so
 * that load balancers send no new requests.
 */
export function healthRoutes(wiring: Wiring, isDraining: () => boolean) {
  const { client, redis, metrics, trytonReady } = wiring;
  const draining = (res: ServerResponse) =>
    sendJson(res, 503, { status: 'draining' }, { connection: 'close' });

  return {
    healthz: (res: ServerResponse) =>
      isDraining() ? draining(res) : sendJson(res, 200, { status: 'ok' }),

    readyz: async (res: ServerResponse) => {
      if (isDraining()) return draining(res);
      const checks: Record<string, string> = {};
      try {
        await client.serverVersion();
        await trytonReady();
        checks.tryton = 'ok';
      } catch {
        checks.tryton = 'down';
      }
      if (redis) {
        try {
          // A hung Redis must not hang the probe: a second is plenty for a PING.
          await withTimeout(redis.ping(), 1000);
          checks.redis = 'ok';
        } catch {
          checks.redis = 'down';
        }
      } else {
        checks.redis = 'not configured (in-process stores)';
      }
      const ok = checks.tryton === 'ok' && checks.redis !== 'down';
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
    },

    metrics: async (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
  };
}
