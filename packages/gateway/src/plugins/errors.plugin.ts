import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { GatewayError } from '../errors.js';

/** Apollo's own codes describe the query itself: safe to show. */
const QUERY_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Masks everything that is not an expected error: the client gets INTERNAL_SERVER_ERROR and
 * no message from inside; the log gets the error class and code (never a stack or a secret).
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GatewayError) {
      return { ...formatted, extensions: { ...formatted.extensions, code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && QUERY_CODES.has(code)) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code },
      };
    }
    const cause = (original as { cause?: { code?: string } } | undefined)?.cause;
    logger.error(
      {
        err: {
          type: (original as Error | undefined)?.constructor?.name ?? typeof original,
          code: cause?.code,
        },
        path: formatted.path,
      },
      'unexpected error',
    );
    return {
      message: 'Internal server error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
