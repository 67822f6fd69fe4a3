import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { badInput, GatewayError, quotaExceeded } from '../errors.js';
import { operationCost, writeCount } from '../quotas/cost.js';
import type { BucketLimits, LeakyBucket } from '../quotas/leaky-bucket.js';
import { bucketKey, rateLimitHeaders } from '../quotas/rate-limit.js';

export interface QuotaConfig {
  /** The most one operation may cost; above it, refused before any Tryton call. */
  maxCost: number;
  customer: BucketLimits;
  anonymous: BucketLimits;
  /** The customer's own rate of writes (each write mutation takes 1), apart from the cost. */
  writes: BucketLimits;
}

/** What the cost plugin leaves on the context for the response. */
export interface CostReport {
  requested: number;
  available: number;
  limits: BucketLimits;
}

/**
 * Calculated query cost and a leaky bucket per customer, API token or anonymous IP
 * (Shopify's model): every response reports `extensions.cost` and the RateLimit headers.
 */
export function costPlugin(
  bucket: LeakyBucket,
  config: QuotaConfig,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, contextValue, schema }) {
          let requested: number;
          try {
            requested = operationCost(
              schema,
              document,
              operationName ?? undefined,
              request.variables ?? {},
            );
          } catch (error) {
            // Costing coerces the variables first: a bad one (an invalid date) is the caller's.
            throw badInput(error instanceof GraphQLError ? error.message : 'Invalid variables.');
          }
          const limits = contextValue.viewer ? config.customer : config.anonymous;
          if (requested > config.maxCost) {
            contextValue.cost = { requested, available: limits.size, limits };
            throw new GatewayError(
              'MAX_COST_EXCEEDED',
              `This query costs ${requested}, more than the maximum of ${config.maxCost}: ask for smaller pages (first) or fewer fields.`,
              { cost: requested, maxCost: config.maxCost },
            );
          }
          const result = await bucket.take(
            bucketKey(contextValue.viewer ?? null, contextValue.ip),
            requested,
            limits,
          );
          contextValue.cost = { requested, available: result.available, limits };
          if (!result.allowed) throw quotaExceeded(result.retryAfter);
          const writes = writeCount(schema, document, operationName ?? undefined);
          if (writes > 0 && contextValue.viewer) {
            const taken = await bucket.take(
              `writes:${bucketKey(contextValue.viewer, contextValue.ip)}`,
              writes,
              config.writes,
            );
            if (!taken.allowed) throw quotaExceeded(taken.retryAfter);
          }
        },
        async willSendResponse({ response, contextValue }) {
          const cost = contextValue.cost;
          if (!cost) return;
          const { size, restoreRate } = cost.limits;
          for (const [name, value] of Object.entries(rateLimitHeaders(cost.available, cost.limits)))
            response.http.headers.set(name, value);
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: {
                requestedQueryCost: cost.requested,
                actualQueryCost: cost.requested,
                throttleStatus: {
                  maximumAvailable: size,
                  currentlyAvailable: Math.max(0, cost.available),
                  restoreRate,
                },
              },
            };
          }
        },
      };
    },
  };
}
