import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  GraphQLError,
  type GraphQLOutputType,
  getNamedType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { GraphQLContext } from '../context.js';
import { badInput, GatewayError, quotaExceeded } from '../errors.js';
import { type ListLengths, listLength, operationCost, writeCount } from '../quotas/cost.js';
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
  /** What the operation returned costs (set once it ran); the rest went back to the bucket. */
  actual?: number;
  available: number;
  limits: BucketLimits;
  /** The bucket charged, once the cost was taken. */
  charged?: string;
}

/** Whether a field returns a list or a connection, whose length the actual cost counts. */
function returnsList(type: GraphQLOutputType): boolean {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  return isListType(unwrapped) || getNamedType(type).name.endsWith('Connection');
}

/**
 * Calculated query cost and a leaky bucket per customer, API token or anonymous IP
 * (Shopify's model): the requested cost is taken before the operation runs, and what its
 * lists did not return goes back to the bucket after (a page of 3 lines priced for 500 costs
 * 3). Every response reports `extensions.cost` and the RateLimit headers.
 */
export function costPlugin(
  bucket: LeakyBucket,
  config: QuotaConfig,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const returned: ListLengths = new Map();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
          return {
            willResolveField({ info }) {
              if (!returnsList(info.returnType)) return;
              const node: FieldNode | undefined = info.fieldNodes[0];
              return (_error, result) => {
                const length = listLength(result);
                if (node && length !== undefined)
                  returned.set(node, Math.max(returned.get(node) ?? 0, length));
              };
            },
          };
        },
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
          const key = bucketKey(contextValue.viewer ?? null, contextValue.ip);
          const result = await bucket.take(key, requested, limits);
          contextValue.cost = { requested, available: result.available, limits };
          if (!result.allowed) throw quotaExceeded(result.retryAfter);
          contextValue.cost.charged = key;
          const writes = writeCount(schema, document, operationName ?? undefined);
          if (writes > 0 && contextValue.viewer) {
            const taken = await bucket.take(`writes:${key}`, writes, config.writes);
            if (!taken.allowed) throw quotaExceeded(taken.retryAfter);
          }
        },
        async willSendResponse({
          response,
          contextValue,
          document,
          operationName,
          request,
          schema,
        }) {
          const cost = contextValue.cost;
          if (!cost) return;
          if (cost.charged && document && response.body.kind === 'single') {
            // An operation refused after its cost was taken (the write bucket) ran nothing.
            cost.actual = executed
              ? operationCost(
                  schema,
                  document,
                  operationName ?? undefined,
                  request.variables ?? {},
                  returned,
                )
              : 0;
            const refund = cost.requested - cost.actual;
            if (refund > 0) {
              // Back to the bucket: a negative take, capped at the bucket's size.
              const back = await bucket.take(cost.charged, -refund, cost.limits);
              cost.available = back.available;
            }
          }
          const { size, restoreRate } = cost.limits;
          for (const [name, value] of Object.entries(rateLimitHeaders(cost.available, cost.limits)))
            response.http.headers.set(name, value);
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: {
                requestedQueryCost: cost.requested,
                actualQueryCost: cost.actual ?? cost.requested,
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
