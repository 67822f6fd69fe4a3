import type { ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';

/** A JSON answer (health, readiness, and every error body below). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Where an error is answered: `/graphql` keeps the GraphQL-over-HTTP shape its clients parse
 * (`{ errors: [{ message, extensions: { code, … } }] }`), every other route (downloads, exports,
 * the checkout relay, unknown paths) `{ error: { code, message, … } }` (docs/graphql.md).
 */
export type ErrorShape = 'rest' | 'graphql';

/**
 * The body of an error: its code, its message and its other extensions (`retryAfter`,
 * `reason`, `count`, `limit`…); never Apollo's `http` extension, which holds the status and
 * headers sent beside it.
 */
export function errorBody(error: GraphQLError, shape: ErrorShape = 'rest'): unknown {
  const { http: _http, code, ...details } = error.extensions as Record<string, unknown>;
  if (shape === 'graphql') {
    return { errors: [{ message: error.message, extensions: { code, ...details } }] };
  }
  return { error: { code, message: error.message, ...details } };
}

/** The one error answer of every HTTP route: `status`, `headers`, and `errorBody`. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: GraphQLError,
  headers: Record<string, string> = {},
  shape: ErrorShape = 'rest',
): void {
  sendJson(res, status, errorBody(error, shape), headers);
}
