import {
  isTrytonError,
  QueueFullError,
  QueueTimeoutError,
  RateLimitedError,
  TimeoutError,
  UnavailableError,
  UserError,
} from '@portal/tryton-client';
import { GatewayError, notFound, RETRY_AFTER_SECONDS, trytonUnavailable } from '../errors.js';

/**
 * What a Tryton failure becomes for a client. Tryton's own messages never pass: a record
 * rule refusal reads as NOT_FOUND (the same as a record that does not exist), an outage as
 * TRYTON_UNAVAILABLE, anything else as an internal error that the error plugin masks.
 */
export function fromTryton(error: unknown): Error {
  if (error instanceof GatewayError) return error;
  // Shed by the gateway's own queue to Tryton: the call was never sent.
  if (error instanceof QueueFullError || error instanceof QueueTimeoutError) {
    return trytonUnavailable(RETRY_AFTER_SECONDS.overloaded);
  }
  if (
    error instanceof UnavailableError ||
    error instanceof TimeoutError ||
    error instanceof RateLimitedError
  ) {
    return trytonUnavailable();
  }
  if (error instanceof UserError) return notFound('Record');
  if (isTrytonError(error)) return new Error(`Tryton call failed: ${error.code}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
