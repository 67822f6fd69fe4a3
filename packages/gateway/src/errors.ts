import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The gateway's error codes (`extensions.code`), documented in docs/graphql.md. Expected
 * failures are thrown as these; anything else is masked as INTERNAL_SERVER_ERROR.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'THROTTLED'
  | 'MAX_COST_EXCEEDED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'INVALID_TOKEN'
  | 'INVALID_PASSWORD'
  | 'TRYTON_UNAVAILABLE'
  | 'TOO_MANY_API_TOKENS'
  | 'EXPORT_TOO_LARGE'
  | 'INTROSPECTION_DISABLED'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'QUOTATION_EXPIRED'
  | 'VALIDATION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOTHING_TO_ORDER'
  | 'EMAIL_TAKEN'
  | 'FORBIDDEN'
  | 'LAST_ADMINISTRATOR'
  | 'TOO_MANY_MEMBERS'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  THROTTLED: 429,
  MAX_COST_EXCEEDED: 400,
  TRYTON_UNAVAILABLE: 503,
};

/**
 * The HTTP status of a request refused as a whole, before any field was resolved (a bad
 * credential, bad variables, a refused cost): the client's mistakes are 4xx, per the
 * GraphQL-over-HTTP spec, so that integrations retrying on 5xx do not loop. Errors of single
 * fields keep the response's 200 (partial data), except the statuses set above.
 */
export function requestStatus(code: ErrorCode): number {
  if (code === 'INTERNAL_SERVER_ERROR') return 500;
  if (code === 'UNAUTHENTICATED') return 401;
  return HTTP_STATUS[code] ?? 400;
}

export class GatewayError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    const status = HTTP_STATUS[code];
    super(message, {
      extensions: {
        code,
        ...extensions,
        ...(status ? { http: { status, headers: httpHeaders(code, extensions) } } : {}),
      },
    });
  }
}

/**
 * Apollo Server applies `extensions.http` (status, headers) to the response and strips it;
 * it wants the headers as a Map, where graphql-js types them as a record.
 */
function httpHeaders(code: ErrorCode, extensions: Record<string, unknown>): Record<string, string> {
  const headers = new HeaderMap();
  if (
    (code === 'THROTTLED' || code === 'TRYTON_UNAVAILABLE') &&
    typeof extensions.retryAfter === 'number'
  ) {
    headers.set('retry-after', String(extensions.retryAfter));
  }
  return headers as unknown as Record<string, string>;
}

export const unauthenticated = () =>
  new GatewayError('UNAUTHENTICATED', 'You must be signed in to do this.');
/** A credential was sent (a Bearer token) and is not valid: revoked, unknown or malformed. */
export const badCredential = () =>
  new GatewayError(
    'UNAUTHENTICATED',
    'The API token is not valid: it was revoked, or it is not a token of this portal.',
  );
export const notFound = (what: string) => new GatewayError('NOT_FOUND', `${what} not found.`);
export const badInput = (message: string, field?: string) =>
  new GatewayError('BAD_USER_INPUT', message, field ? { field } : {});
/** Too many sign-in (or reset) attempts: `reason` ATTEMPTS. */
export const throttled = (retryAfter: number) =>
  new GatewayError('THROTTLED', `Too many attempts. Try again in ${retryAfter} seconds.`, {
    retryAfter,
    reason: 'ATTEMPTS',
  });
/**
 * Seconds a client should wait before trying again after TRYTON_UNAVAILABLE (`Retry-After`):
 * short when the gateway shed the request because its queue to Tryton was full (the queue
 * drains in about a second), longer when Tryton itself did not answer.
 */
export const RETRY_AFTER_SECONDS = { overloaded: 1, unreachable: 5 } as const;

export const trytonUnavailable = (retryAfter: number = RETRY_AFTER_SECONDS.unreachable) =>
  new GatewayError('TRYTON_UNAVAILABLE', 'The ERP is unavailable. Please try again shortly.', {
    retryAfter,
  });

/** The headers of a request refused as a whole: Retry-After, or the Bearer challenge. */
export function errorHeaders(error: GatewayError): Record<string, string> {
  if (error.code === 'UNAUTHENTICATED')
    return { 'www-authenticate': 'Bearer error="invalid_token"' };
  const retryAfter = error.extensions.retryAfter;
  return typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
}

/**
 * The request quota is used up (cost.plugin, downloads): the same code and status, `reason`
 * QUOTA, and a message that does not read like a locked sign-in.
 */
export const quotaExceeded = (retryAfter: number) =>
  new GatewayError(
    'THROTTLED',
    `Request quota used up: too many requests in a short time. Try again in ${retryAfter} seconds.`,
    { retryAfter, reason: 'QUOTA' },
  );

/** One invalid field of a write: which, a stable code, and a message for people. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The record changed since the customer saw it (its `version`): nothing was written. */
export const conflict = (what: string, current: Record<string, unknown>) =>
  new GatewayError(
    'CONFLICT',
    `${what} changed since you saw it: look at it again before you retry. Nothing was written.`,
    { current },
  );
/** The action is not allowed in the record's current state (`extensions.state`). */
export const invalidState = (what: string, state: string) =>
  new GatewayError('INVALID_STATE', `${what} cannot do this in its current state.`, { state });
export const quotationExpired = (expiredOn: string) =>
  new GatewayError('QUOTATION_EXPIRED', `This quotation expired on ${expiredOn}.`, { expiredOn });
export const validationFailed = (fieldErrors: FieldError[]) =>
  new GatewayError('VALIDATION_FAILED', 'Some fields are not valid. Nothing was written.', {
    fieldErrors,
  });
export const idempotencyKeyReused = () =>
  new GatewayError(
    'IDEMPOTENCY_KEY_REUSED',
    'This idempotency key was already used with another input: use a new key for a new action.',
  );
