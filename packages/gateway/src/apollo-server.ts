import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { GraphQLContext } from './context.js';
import { costPlugin } from './plugins/cost.plugin.js';
import { formatError } from './plugins/errors.plugin.js';
import { httpStatusPlugin } from './plugins/http-status.plugin.js';
import type { Metrics } from './plugins/metrics.js';
import { observabilityPlugin } from './plugins/observability.plugin.js';
import type { LeakyBucket } from './quotas/leaky-bucket.js';

/** Apollo with the portal's schema (schema/build.ts), its limits (armor, cost, quotas) and plugins, started. */
export async function startApollo(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  bucket: LeakyBucket,
  schema: GraphQLSchema,
): Promise<ApolloServer<GraphQLContext>> {
  // graphql-armor: depth, aliases and directives are refused at validation, before the cost
  // is even computed; field suggestions are off in production. Tokens are counted by
  // graphql-js's own parser (parseOptions below): armor's token limit parses the document
  // again in a parsingDidStart hook, outside Apollo's handling of parse errors, so a syntax
  // error or a long document came back as HTTP 500.
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth },
    maxAliases: { n: config.limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: 10 },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.introspection,
    parseOptions: { maxTokens: config.limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    // The gateway owns shutdown (lifecycle.ts, called by main.ts on SIGTERM and SIGINT).
    // Apollo's own handlers would stop Apollo first, and Apollo 5's stop() never resolves
    // for a second caller while a first one runs: the demo hung on Ctrl-C (issue 17).
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    formatError: formatError(logger),
    plugins: [
      // Apollo's own landing page loads Apollo Sandbox from a CDN: the only page is ours.
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin(logger, metrics),
      httpStatusPlugin<GraphQLContext>(),
      // graphql-armor ships CJS typings of Apollo's plugin type; the runtime shape is the same.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      costPlugin(bucket, { maxCost: config.limits.maxCost, ...config.quotas }),
    ],
  });
  await apollo.start();
  return apollo;
}
