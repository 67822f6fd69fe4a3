import {
  type DocumentNode,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_NESTED_LIST, MAX_PAGE_SIZE } from '../pagination.js';

/**
 * The calculated cost of an operation, before it runs (Shopify's model): an object costs 1,
 * a scalar or enum 0, a connection `2 + first (or last) × (what each node costs)`, a list nested in a
 * record `1 + first × (1 + what each element's fields cost)` (its `first` defaults to what the resolver
 * returns without it, MAX_NESTED_LIST), any other list of objects `LIST_ESTIMATE ×` its
 * element. Each is what the operation can return at most. docs/quotas.md explains the figures.
 */
export const LIST_ESTIMATE = 10;

/** Fields dearer than their shape says. */
const OVERRIDES: Record<string, number> = {
  // Each one is a separate Tryton search over the customer's invoices.
  'Customer.amountDue': 5,
  'Customer.invoicedByMonth': 5,
};

/**
 * Introspection (GraphiQL, codegen) reads the schema, never Tryton: a flat price for each
 * `__schema` / `__type`, whatever its depth, so it stays allowed but counted.
 */
export const INTROSPECTION_COST = 10;

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__schema' || field.name === '__type') return INTROSPECTION_COST;
  if (type.name.startsWith('__')) return 0;
  const override = OVERRIDES[`${type.name}.${field.name}`];
  const named = getNamedType(field.type);
  if (isLeafType(named)) return override ?? 0;
  const base = override ?? 1;
  if (named.name.endsWith('Connection')) {
    // Above MAX_PAGE_SIZE the resolver refuses the page with its own clear error.
    const asked = typeof args.first === 'number' ? args.first : args.last;
    const first =
      typeof asked === 'number' ? Math.min(Math.max(asked, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    return base + 1 + first * childComplexity;
  }
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  // `edges` is paid for by its connection.
  if (!isListType(unwrapped) || field.name === 'edges') return base + childComplexity;
  // A nested list returns `first` elements (above MAX_NESTED_LIST its resolver refuses),
  // each an object (1) with its fields.
  if ('first' in args) {
    const first = typeof args.first === 'number' ? args.first : MAX_NESTED_LIST;
    return base + Math.min(Math.max(first, 0), MAX_NESTED_LIST) * (1 + childComplexity);
  }
  return base + LIST_ESTIMATE * childComplexity;
};

export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [estimator],
  });
}
