import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Fields that would hold a secret if a log call ever passed one: passwords, API tokens,
 * session keys, reset and validation tokens, request headers, GraphQL variables. The gateway
 * logs none of them today (test/logs.test.ts reads every line); this is the second line.
 */
const REDACTED = [
  'password',
  'token',
  'key',
  'session',
  'authorization',
  'cookie',
  'variables',
  'headers',
  'url',
].flatMap((field) => [field, `*.${field}`]);

/** The gateway's logger: JSON lines (pino) to stdout, or to `destination`. */
export function gatewayLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED, censor: '[redacted]' } }, destination);
}
