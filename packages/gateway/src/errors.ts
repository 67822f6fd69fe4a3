import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The gateway's error codes (`extensions.code`), each with what it means. Expected failures
 * are thrown as these; anything else is masked as INTERNAL_SERVER_ERROR. With Apollo's own
 * QUERY_CODES they are the schema's enum `ErrorCode` (schema/error-code.types.ts), which the
 * web app's generated types carry: a code added here reaches clients' types, and a code not
 * here cannot be thrown. docs/graphql.md ("Errors") gives their HTTP statuses.
 */
export const GATEWAY_CODES = {
  UNAUTHENTICATED:
    'The operation needs a signed-in customer and none is, or the Bearer token sent is revoked, unknown or malformed (HTTP 401).',
  INVALID_CREDENTIALS: 'Wrong e-mail or password (the same for both), or wrong current password.',
  THROTTLED:
    'Too many login attempts, or the quota bucket is empty: wait `extensions.retryAfter` seconds (HTTP 429, `Retry-After`).',
  MAX_COST_EXCEEDED:
    'The query costs more than the maximum: ask for smaller pages or fewer fields.',
  BAD_USER_INPUT:
    'An invalid argument or variable: a page above 100, a malformed id or cursor, a cursor of another list, an invalid date.',
  NOT_FOUND: 'No such record for this customer.',
  INVALID_TOKEN: 'The reset or validation token is wrong or expired.',
  INVALID_PASSWORD: 'The new password breaks the rules (length, variety, not the e-mail).',
  TRYTON_UNAVAILABLE:
    'The ERP is down, restarting or saturated: retry after `extensions.retryAfter` seconds, with backoff (HTTP 503).',
  TOO_MANY_API_TOKENS: 'The customer already holds the most live API tokens (`extensions.limit`).',
  EXPORT_TOO_LARGE: 'More invoices or rows than one export holds.',
  INTROSPECTION_DISABLED:
    'Introspection is off on this server; the schema is published with the API documentation.',
  CONFLICT:
    "A write's `version` is not the record's any more: `extensions.current` has the current one; nothing written.",
  INVALID_STATE:
    "The record's state does not allow this write (`extensions.state`, `extensions.reason`).",
  QUOTATION_EXPIRED: 'The quotation is past its validity date (`extensions.expiredOn`).',
  VALIDATION_FAILED:
    'Some fields of a write are invalid: `extensions.fieldErrors` `[{ field, code, message }]`; nothing written.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used with another input.',
  NOTHING_TO_ORDER: 'A re-order whose every product is no longer sold (`extensions.leftOut`).',
  EMAIL_TAKEN: "The new sign-in e-mail became another account's before it was confirmed.",
  FORBIDDEN:
    "The member's role (or the API token's scopes) does not allow this field or write; nothing was asked of the ERP.",
  LAST_ADMINISTRATOR: 'The last administrator of the company account cannot be removed or demoted.',
  TOO_MANY_MEMBERS: 'The company account holds the most members and pending invitations already.',
  INTERNAL_SERVER_ERROR: 'A bug: nothing internal is shown; the gateway logs it (HTTP 500).',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof GATEWAY_CODES;

/** Apollo's own codes: they describe the query itself, so they are safe to show. */
export const QUERY_CODES = {
  GRAPHQL_PARSE_FAILED: 'The document is not GraphQL, or has more than 2,000 tokens (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED:
    'Unknown field or argument, too deep, too many aliases or directives (HTTP 400).',
  BAD_REQUEST: 'Not a JSON body, no `query`, or a body over 100 KB (HTTP 400 or 413).',
  OPERATION_RESOLUTION_FAILURE: 'No operation of that name in the document (HTTP 400).',
  PERSISTED_QUERY_NOT_FOUND: 'A persisted query hash the server does not know.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not supported by this server.',
} as const satisfies Record<string, string>;

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

/** A write Tryton itself refused (a check of its own): rolled back, nothing written. */
export const refusedByErp = () =>
  new GatewayError(
    'INVALID_STATE',
    'Our system refused this change as it stands, and nothing was written: please contact us.',
    { reason: 'REFUSED_BY_ERP' },
  );

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
