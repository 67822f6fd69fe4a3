import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { errorHeaders, GatewayError, requestStatus, trytonUnavailable } from '../errors.js';
import type { Wiring } from '../wiring.js';
import { clientIp, isHttps, readJsonBody, requestedLanguage, sessionCookie } from './request.js';
import { sendError } from './respond.js';
import type { ResolvedViewer, ResolveViewer } from './viewer.js';

const MAX_BODY = 100 * 1024;
/**
 * A signed-in customer's request may carry the files of a complaint, base64 in the GraphQL
 * input (5 files of 10 MB at most, services/complaint-files.ts): anonymous requests keep the
 * small limit, so only a known customer can make the gateway read a large body.
 */
const MAX_CUSTOMER_BODY = 72 * 1024 * 1024;

/**
 * GET and POST /graphql: who asks (refused as a whole, in GraphQL's shape, when the credential
 * is bad or Tryton cannot check it), the body within its limit, then Apollo with the request's
 * context; the session cookie set or cleared in the same answer.
 */
export function graphqlRoute(
  wiring: Wiring,
  apollo: ApolloServer<GraphQLContext>,
  resolveViewer: ResolveViewer,
) {
  const { config, auth } = wiring;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const secure =
      config.cookie.secure === 'auto' ? isHttps(req, config.trustProxyHops) : config.cookie.secure;
    const cookies: string[] = [];
    let resolved: ResolvedViewer;
    try {
      resolved = await resolveViewer(req);
    } catch (error) {
      const gatewayError = error instanceof GatewayError ? error : trytonUnavailable();
      // The body is left unread: close the connection rather than reuse it.
      if (req.method === 'POST') res.setHeader('connection', 'close');
      return sendError(
        res,
        requestStatus(gatewayError.code),
        gatewayError,
        errorHeaders(gatewayError),
        'graphql',
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
        const message = tooLarge ? 'Request body too large.' : 'Malformed JSON body.';
        return sendError(
          res,
          tooLarge ? 413 : 400,
          new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } }),
          {},
          'graphql',
        );
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
        services: wiring.services(resolved.viewer, language),
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
}
