/**
 * One class per way a Tryton call fails, all under `TrytonError`, each with a stable `code`.
 * Messages never carry the password or the session key: they are built here from Tryton's
 * own messages, never from the request.
 */

const BRAND = Symbol.for('@portal/tryton-client/error');

export type TrytonErrorCode =
  | 'TRYTON_USER_ERROR'
  | 'TRYTON_USER_WARNING'
  | 'TRYTON_CONCURRENCY'
  | 'TRYTON_LOGIN_REFUSED'
  | 'TRYTON_ACCESS_DENIED'
  | 'TRYTON_SESSION_EXPIRED'
  | 'TRYTON_RATE_LIMITED'
  | 'TRYTON_UNAVAILABLE'
  | 'TRYTON_TIMEOUT'
  | 'TRYTON_ABORTED'
  | 'TRYTON_SERVER_ERROR'
  | 'TRYTON_PROTOCOL';

export class TrytonError extends Error {
  readonly [BRAND] = true;
  readonly code: TrytonErrorCode = 'TRYTON_PROTOCOL';
  /** The RPC method that failed (`model.sale.sale.read`), never its params. */
  method: string | undefined;

  constructor(message: string, options?: { cause?: unknown; method?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.method = options?.method;
  }
}

/** True for any client error, even from another copy of this package. */
export function isTrytonError(value: unknown): value is TrytonError {
  return (
    typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true
  );
}

/** A business rule refused the call (validation, access rule, missing record...). */
export class UserError extends TrytonError {
  override readonly code = 'TRYTON_USER_ERROR';
  constructor(
    message: string,
    readonly description = '',
    readonly domain: unknown = null,
    options?: { method?: string },
  ) {
    super(message, options);
  }
}

/** Tryton asks for a confirmation; skip it by `name` (res.user.warning) and call again. */
export class UserWarningError extends TrytonError {
  override readonly code = 'TRYTON_USER_WARNING';
  constructor(
    readonly warningName: string,
    message: string,
    readonly description = '',
    options?: { method?: string },
  ) {
    super(message, options);
  }

  /** The warning's name, as Tryton calls it (kept apart from Error#name). */
  override get name(): string {
    return this.warningName;
  }
  override set name(_value: string) {
    // Error's constructor assigns `name`; the warning's name wins.
  }
}

export class ConcurrencyError extends TrytonError {
  override readonly code = 'TRYTON_CONCURRENCY';
}

export class LoginRefusedError extends TrytonError {
  override readonly code = 'TRYTON_LOGIN_REFUSED';
}

export class AccessDeniedError extends TrytonError {
  override readonly code = 'TRYTON_ACCESS_DENIED';
}

export class SessionExpiredError extends TrytonError {
  override readonly code = 'TRYTON_SESSION_EXPIRED';
}

export class RateLimitedError extends TrytonError {
  override readonly code = 'TRYTON_RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number | undefined,
    options?: { method?: string },
  ) {
    super(message, options);
  }
}

export class UnavailableError extends TrytonError {
  override readonly code = 'TRYTON_UNAVAILABLE';
}

/**
 * Every slot to Tryton (`maxInFlight`) stayed busy for `queueTimeoutMs`: the call was never
 * sent. Unavailable for the caller, but never retried, since a retry would queue again behind
 * the same busy slots.
 */
export class QueueTimeoutError extends UnavailableError {}

/**
 * `maxQueued` calls already waited for a slot: the call was refused at once, never sent and
 * never retried. Load shedding: the caller should answer "try again shortly" (HTTP 503 with
 * `Retry-After`) rather than wait behind a queue that would not drain in time.
 */
export class QueueFullError extends UnavailableError {}

export class TimeoutError extends TrytonError {
  override readonly code = 'TRYTON_TIMEOUT';
}

/** The caller's AbortSignal fired. */
export class AbortedError extends TrytonError {
  override readonly code = 'TRYTON_ABORTED';
}

/** An unexpected exception inside Tryton (its traceback is dropped). */
export class ServerError extends TrytonError {
  override readonly code = 'TRYTON_SERVER_ERROR';
}

/** An answer that is not Tryton's JSON-RPC (HTML error page, bad JSON...). */
export class ProtocolError extends TrytonError {
  override readonly code = 'TRYTON_PROTOCOL';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Maps the `error` member of a JSON-RPC answer to its class. */
export function errorFromBody(error: unknown, method: string): TrytonError {
  const options = { method };
  if (!Array.isArray(error)) return new ProtocolError('Malformed error from Tryton', options);
  const [kind, args] = error as [unknown, unknown];
  const list = Array.isArray(args) ? args : [];
  switch (kind) {
    case 'UserError':
      return new UserError(
        text(list[0]) || 'Refused by Tryton',
        text(list[1]),
        list[2] ?? null,
        options,
      );
    case 'UserWarning':
      return new UserWarningError(
        text(list[0]),
        text(list[1]) || 'Warning',
        text(list[2]),
        options,
      );
    case 'ConcurrencyException':
      return new ConcurrencyError(text(args) || 'Records were modified in the meanwhile', options);
    case 'LoginException':
      return new LoginRefusedError(text(list[1]) || 'Login refused', options);
    default:
      return new ServerError(
        typeof kind === 'string' && kind
          ? (kind.split('\n')[0]?.slice(0, 300) ?? 'Server error')
          : 'Server error',
        options,
      );
  }
}

/** Maps an HTTP status without a JSON-RPC answer. */
export function errorFromStatus(
  status: number,
  method: string,
  retryAfter: string | undefined,
): TrytonError {
  const options = { method };
  switch (status) {
    case 401:
      return method === 'common.db.login'
        ? new LoginRefusedError('Wrong login or password', options)
        : new SessionExpiredError('The Tryton session has expired', options);
    case 403:
      return new AccessDeniedError(`Tryton refused access to ${method}`, options);
    case 408:
      return new TimeoutError('Tryton timed out', options);
    case 429: {
      const seconds = retryAfter === undefined ? Number.NaN : Number(retryAfter);
      return new RateLimitedError(
        'Too many attempts: Tryton is throttling',
        Number.isFinite(seconds) ? seconds : undefined,
        options,
      );
    }
    case 502:
    case 503:
    case 504:
      return new UnavailableError(`Tryton is unavailable (HTTP ${status})`, options);
    default:
      return new ProtocolError(`Unexpected HTTP ${status} from Tryton`, options);
  }
}
