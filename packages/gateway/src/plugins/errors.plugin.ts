import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { GatewayError, QUERY_CODES } from '../errors.js';

const SHOWN_QUERY_CODES = new Set<string>([...Object.keys(QUERY_CODES), 'BAD_USER_INPUT']);

/**
 * graphql-js quotes a variable's value when it cannot coerce it ("Variable "$password" got
 * invalid value 123; String cannot represent ..."): a secret sent with the wrong type would come
 * back in the response. Keep the variable's name, drop its value.
 */
export function withoutVariableValues(message: string): string {
  const match = /^Variable "\$(\w+)" got invalid value\b/.exec(message);
  return match ? `Variable "$${match[1]}" got an invalid value (not repeated here).` : message;
}

/**
 * Masks everything that is not an expected error: the client gets INTERNAL_SERVER_ERROR and
 * no message from inside; the log gets the error class and code (never a stack or a secret).
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GatewayError) {
      return {
        ...formatted,
        message: withoutVariableValues(formatted.message),
        extensions: { ...formatted.extensions, code: original.code },
      };
    }
    if (formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED') {
      // Apollo's message tells a developer to change the server's options; a client needs
      // to know where the schema is instead.
      return {
        message:
          'Introspection is turned off on this server. The schema is published with the API documentation (schema.graphql).',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: 'INTROSPECTION_DISABLED' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && SHOWN_QUERY_CODES.has(code)) {
      return {
        message: withoutVariableValues(formatted.message),
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
