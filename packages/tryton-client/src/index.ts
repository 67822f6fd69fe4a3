export {
  ADAPTERS,
  adapterFor,
  rpcPathAdapter,
  sessionHeaderAdapter,
  type TrytonAdapter,
} from './adapter.js';
export {
  type CallEvent,
  type CallOptions,
  type Context,
  type Domain,
  TrytonClient,
  type TrytonClientOptions,
} from './client.js';
export { decode, encode, encodeValue } from './codec.js';
export {
  AbortedError,
  AccessDeniedError,
  ConcurrencyError,
  isTrytonError,
  LoginRefusedError,
  ProtocolError,
  QueueFullError,
  QueueTimeoutError,
  RateLimitedError,
  ServerError,
  SessionExpiredError,
  TimeoutError,
  TrytonError,
  type TrytonErrorCode,
  UnavailableError,
  UserError,
  UserWarningError,
} from './errors.js';
export type { FieldPath, ReadRow } from './fields.js';
export { Model, type Order, type SearchOptions } from './model.js';
export { Decimal, TrytonDate, TrytonDateTime, TrytonTime, TrytonTimeDelta } from './values.js';
