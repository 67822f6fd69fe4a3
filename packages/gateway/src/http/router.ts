import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../context.js';
import { errorHeaders, GatewayError, requestStatus } from '../errors.js';
import { bucketKey } from '../quotas/rate-limit.js';
import type { Wiring } from '../wiring.js';
import type { DownloadPermissions } from './download-permissions.js';
import { downloadsRoute } from './downloads.route.js';
import { GRAPHIQL_ASSETS, GraphiQL } from './graphiql.js';
import { graphqlRoute } from './graphql.route.js';
import { healthRoutes } from './health.route.js';
import { clientIp, isHttps } from './request.js';
import { sendError } from './respond.js';
import { isCheckoutPath, relayCheckout } from './stripe-checkout.js';
import { viewerResolver } from './viewer.js';

/**
 * Every HTTP route of the gateway, by path: /graphql (GraphiQL for browsers when enabled),
 * /downloads/…, Stripe's checkout relay, /healthz, /readyz, /metrics; anything else 404.
 * A route that throws is answered here: a GatewayError with its code and status, anything
 * else a logged 500 that shows nothing internal.
 */
export function router(
  wiring: Wiring,
  apollo: ApolloServer<GraphQLContext>,
  filePermissions: DownloadPermissions,
  isDraining: () => boolean,
) {
  const { config, logger, bucket } = wiring;
  const resolveViewer = viewerResolver(wiring);
  const graphql = graphqlRoute(wiring, apollo, resolveViewer);
  const downloads = downloadsRoute(wiring, resolveViewer, filePermissions);
  const health = healthRoutes(wiring, isDraining);
  const graphiql = config.graphiql ? new GraphiQL() : undefined;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (url.pathname === '/graphql') {
      const wantsHtml = reading && (req.headers.accept ?? '').includes('text/html');
      if (wantsHtml && graphiql) return await graphiql.page(req, res);
      return await graphql(req, res, url);
    }
    if (graphiql && reading && url.pathname.startsWith(GRAPHIQL_ASSETS)) {
      if (await graphiql.file(req, res, url.pathname)) return;
    }
    if (url.pathname.startsWith('/downloads/') && req.method === 'GET')
      return await downloads(req, res, url);
    if (req.method === 'GET' && isCheckoutPath(url.pathname, config.tryton.database)) {
      const ip = clientIp(req, config.trustProxyHops);
      return await relayCheckout(req, res, url.pathname, {
        trytonUrl: config.tryton.url,
        timeoutMs: config.tryton.timeoutMs,
        clientIp: ip,
        forwardedProto: isHttps(req, config.trustProxyHops) ? 'https' : 'http',
        quota: { bucket, key: bucketKey(null, ip), limits: config.quotas.anonymous },
      });
    }
    if (url.pathname === '/healthz') return health.healthz(res);
    if (url.pathname === '/readyz') return await health.readyz(res);
    if (url.pathname === '/metrics') return await health.metrics(res);
    sendError(res, 404, new GatewayError('NOT_FOUND', 'No such endpoint.'));
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await route(req, res);
    } catch (error) {
      if (!(error instanceof GatewayError))
        logger.error({ err: { type: (error as Error)?.constructor?.name } }, 'request failed');
      if (res.headersSent) return void res.end();
      if (error instanceof GatewayError) {
        return sendError(res, requestStatus(error.code), error, errorHeaders(error));
      }
      sendError(res, 500, new GatewayError('INTERNAL_SERVER_ERROR', 'Internal server error.'));
    }
  };
}
