import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type CallEvent, LoginRefusedError, TrytonClient } from '@portal/tryton-client';
import { Redis } from 'ioredis';
import type { DestinationStream, Logger } from 'pino';
import { AuthService, type Viewer } from './auth/auth.service.js';
import { AuthLimiter } from './auth/auth-limiter.js';
import { CredentialCache } from './cache/credential-cache.js';
import { ReadCache } from './cache/read-cache.js';
import { CircuitBreakerStore, MemoryStore, RedisStore } from './cache/store.js';
import { withTimeout } from './cache/with-timeout.js';
import type { Config } from './config.js';
import { type GraphQLContext, servicesFor, type WriteDeps } from './context.js';
import {
  badCredential,
  errorHeaders,
  GatewayError,
  requestStatus,
  trytonUnavailable,
} from './errors.js';
import { downloadPermissions, permitted } from './http/download-permissions.js';
import { handleDownload } from './http/downloads.js';
import { handleExport } from './http/exports.js';
import { GRAPHIQL_ASSETS, GraphiQL } from './http/graphiql.js';
import {
  bearerToken,
  clientIp,
  isHttps,
  readCookie,
  readJsonBody,
  requestedLanguage,
  sessionCookie,
} from './http/request.js';
import { isCheckoutPath, relayCheckout } from './http/stripe-checkout.js';
import { gatewayLogger } from './logger.js';
import { costPlugin } from './plugins/cost.plugin.js';
import { formatError } from './plugins/errors.plugin.js';
import { httpStatusPlugin } from './plugins/http-status.plugin.js';
import { Metrics } from './plugins/metrics.js';
import { observabilityPlugin } from './plugins/observability.plugin.js';
import {
  type Clock,
  FallbackLeakyBucket,
  MemoryLeakyBucket,
  RedisLeakyBucket,
} from './quotas/leaky-bucket.js';
import { bucketKey } from './quotas/rate-limit.js';
import { portalSchema } from './schema/build.js';
import { fromTryton } from './tryton/errors.js';
import { PortalGateway } from './tryton/portal-gateway.js';

const MAX_BODY = 100 * 1024;
/**
 * A signed-in customer's request may carry the files of a complaint, base64 in the GraphQL
 * input (5 files of 10 MB at most, services/complaint-files.ts): anonymous requests keep the
 * small limit, so only a known customer can make the gateway read a large body.
 */
const MAX_CUSTOMER_BODY = 72 * 1024 * 1024;

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

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the gateway's HTTP server (GraphQL, downloads, health, metrics) and resolves once listening. */
export async function startGateway(
  config: Config,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? gatewayLogger(config.logLevel, options.logDestination);
  const metrics = new Metrics();
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
  // graphql-armor: depth, aliases and directives are refused at validation, before the cost
  // is even computed; field suggestions are off in production. Tokens are counted by
  // graphql-js's own parser (parseOptions below): armor's token limit parses the document
  // again in a parsingDidStart hook, outside Apollo's handling of parse errors, so a syntax
  // error or a long document came back as HTTP 500.
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth },
    maxAliases: { n: config.limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: 10 },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();
  const schema = await portalSchema();
  // What each download needs: the @Allow of the GraphQL field reading the same data.
  const filePermissions = downloadPermissions(schema);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.introspection,
    parseOptions: { maxTokens: config.limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    // The gateway owns shutdown (stop() below, called by main.ts on SIGTERM and SIGINT).
    // Apollo's own handlers would stop Apollo first, and Apollo 5's stop() never resolves
    // for a second caller while a first one runs: the demo hung on Ctrl-C (issue 17).
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    formatError: formatError(logger),
    plugins: [
      // Apollo's own landing page loads Apollo Sandbox from a CDN: the only page is ours.
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin(logger, metrics),
      httpStatusPlugin<GraphQLContext>(),
      // graphql-armor ships CJS typings of Apollo's plugin type; the runtime shape is the same.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      costPlugin(bucket, { maxCost: config.limits.maxCost, ...config.quotas }),
    ],
  });
  await apollo.start();

  const resolveViewer = async (
    req: IncomingMessage,
  ): Promise<{ viewer: Viewer | null; staleCookie: boolean }> => {
    const token = bearerToken(req);
    const key = readCookie(req, config.cookie.name);
    if (token === undefined && !key) return { viewer: null, staleCookie: false };
    await trytonReady();
    if (token !== undefined) {
      // An integration that sent a token it believes valid must learn that it is not: as
      // anonymous it would read `viewer: null` and carry on.
      const viewer = await auth.fromToken(token);
      if (!viewer) throw badCredential();
      return { viewer, staleCookie: false };
    }
    // A stale session cookie stays anonymous, and is cleared in the same answer: the browser
    // cannot delete an HttpOnly cookie itself, and the sign-in form it shows next posts its
    // login mutation with that cookie still attached, which a 401 would refuse.
    const viewer = await auth.fromSession(key as string);
    return { viewer, staleCookie: viewer === null };
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const secure =
      config.cookie.secure === 'auto' ? isHttps(req, config.trustProxyHops) : config.cookie.secure;
    const cookies: string[] = [];
    let resolved: { viewer: Viewer | null; staleCookie: boolean };
    try {
      resolved = await resolveViewer(req);
    } catch (error) {
      const gatewayError = error instanceof GatewayError ? error : trytonUnavailable();
      // The body is left unread: close the connection rather than reuse it.
      if (req.method === 'POST') res.setHeader('connection', 'close');
      return json(
        res,
        requestStatus(gatewayError.code),
        { errors: [{ message: gatewayError.message, extensions: { code: gatewayError.code } }] },
        errorHeaders(gatewayError),
      );
    }
    let body: unknown;
    if (req.method === 'POST') {
      try {
        body = await readJsonBody(req, resolved.viewer ? MAX_CUSTOMER_BODY : MAX_BODY);
      } catch (error) {
        const tooLarge = error instanceof RangeError;
        // The rest of the body is unread: close the connection rather than reuse it.
        res.setHeader('connection', 'close');
        return json(res, tooLarge ? 413 : 400, {
          errors: [
            {
              message: tooLarge ? 'Request body too large.' : 'Malformed JSON body.',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      }
    }
    if (resolved.staleCookie) cookies.push(sessionCookie(config.cookie.name, null, secure));
    const language = requestedLanguage(req) ?? resolved.viewer?.customer.language ?? 'fr';
    const ip = clientIp(req, config.trustProxyHops);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({
        viewer: resolved.viewer,
        language,
        ip,
        auth,
        services: servicesFor(client, resolved.viewer, language, writes, cache, options.clock),
        exportLimits: config.exports,
        setSession: (key) => {
          cookies.push(sessionCookie(config.cookie.name, key, secure));
        },
      }),
    });
    for (const [name, value] of result.headers) res.setHeader(name, value);
    if (cookies.length) res.setHeader('set-cookie', cookies);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const downloads = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const { viewer } = await resolveViewer(req);
    if (!viewer) {
      return json(res, 401, {
        error: { code: 'UNAUTHENTICATED', message: 'Sign in to download.' },
      });
    }
    // The role's (or the token's) scopes first: a refused file costs nothing, not even quota.
    if (!permitted(filePermissions, url.pathname, viewer.customer, res)) return;
    const language = requestedLanguage(req) ?? viewer.customer.language;
    const services = servicesFor(client, viewer, language, writes, cache, options.clock)();
    const quota = {
      bucket,
      key: bucketKey(viewer, clientIp(req, config.trustProxyHops)),
      limits: config.quotas.customer,
    };
    if (url.pathname.startsWith('/downloads/exports/')) {
      return await handleExport(url, services, language, res, quota, config.exports);
    }
    await handleDownload(
      url.pathname,
      url.searchParams.get('inline') === '1',
      services,
      res,
      quota,
    );
  };

  // Set by stop(): health and readiness say so, so that load balancers send no new requests.
  let draining = false;
  const drainingAnswer = (res: ServerResponse) =>
    json(res, 503, { status: 'draining' }, { connection: 'close' });

  const ready = async (res: ServerResponse) => {
    if (draining) return drainingAnswer(res);
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
    json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
  };

  const graphiql = config.graphiql ? new GraphiQL() : undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
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
    if (url.pathname === '/healthz') {
      return draining ? drainingAnswer(res) : json(res, 200, { status: 'ok' });
    }
    if (url.pathname === '/readyz') return await ready(res);
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      return res.end(await metrics.registry.metrics());
    }
    json(res, 404, { error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
  };

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
    handle(req, res).catch((error: unknown) => {
      const gatewayError = error instanceof GatewayError ? error : undefined;
      if (!gatewayError)
        logger.error({ err: { type: (error as Error)?.constructor?.name } }, 'request failed');
      if (res.headersSent) return res.end();
      json(
        res,
        gatewayError ? requestStatus(gatewayError.code) : 500,
        {
          error: {
            code: gatewayError?.code ?? 'INTERNAL_SERVER_ERROR',
            message: gatewayError?.message ?? 'Internal server error.',
          },
        },
        gatewayError ? errorHeaders(gatewayError) : {},
      );
    });
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
  trytonReady().catch(() =>
    logger.warn('Tryton not reachable yet: will retry on the next request'),
  );

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let stopped: Promise<void> | undefined;
  const stop = async () => {
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
    await apollo.stop();
    // The Tryton session ends with the process; a Tryton that is gone gets a second at most.
    await withTimeout(client.logout(), 1000).catch(() => undefined);
    await client.close({ graceMs: 1000 });
    if (redis) {
      await withTimeout(redis.quit(), 1000).catch(() => undefined);
      redis.disconnect();
    }
    logger.info('gateway stopped');
  };

  return {
    url: `http://${config.host}:${port}`,
    port,
    metrics,
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
