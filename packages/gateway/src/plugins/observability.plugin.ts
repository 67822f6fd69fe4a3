import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GraphQLContext } from '../context.js';
import type { Metrics } from './metrics.js';

/**
 * One log line and the metrics of each operation: its name, type, duration and error codes.
 * Never the variables (passwords, tokens travel there).
 */
export function observabilityPlugin(
  logger: Logger,
  metrics: Metrics,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, errors, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const type = operation?.operation ?? 'unknown';
          const codes = (errors ?? []).map((e) =>
            String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          );
          metrics.requests.inc({ operation: type });
          metrics.duration.observe(seconds);
          for (const code of codes) metrics.errors.inc({ code });
          logger.info(
            {
              operation: operationName ?? null,
              type,
              ms: Math.round(seconds * 1000),
              customer: contextValue.viewer?.customer.webUserId ?? null,
              ...(codes.length ? { errors: codes } : {}),
            },
            'graphql',
          );
        },
      };
    },
  };
}
