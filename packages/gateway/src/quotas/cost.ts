import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
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
  // Drawn on each request (a few milliseconds of the gateway's CPU, docs/quotas.md).
  'InvoiceTransfer.qrSvg': 2,
  // A count beside a nested list that asks Tryton what the customer may read (batched
  // per request); `lineCount` and `taxCount` are the record's own ids, free.
  'Order.invoiceCount': 1,
  'Order.shipmentCount': 1,
  'Order.documentCount': 1,
  'Order.complaintCount': 1,
  'Invoice.orderCount': 1,
  'Invoice.documentCount': 1,
};

/**
 * Introspection (GraphiQL, codegen) reads the schema, never Tryton: a flat price for each
 * `__schema` / `__type`, whatever its depth, so it stays allowed but counted.
 */
export const INTROSPECTION_COST = 10;

/**
 * A customer write (a mutation marked `{ write: true }`, schema/order-writes.resolver.ts):
 * one Tryton transaction that locks, writes, sends an e-mail and forgets cache areas, far
 * dearer than a read. Writes also spend a bucket of their own (writeCount, cost.plugin.ts).
 */
export const WRITE_COST = 50;

export function isWrite(field: { extensions?: Record<string, unknown> | null }): boolean {
  return field.extensions?.write === true;
}

/** How many writes the operation makes: each write mutation at its root, aliases included. */
export function writeCount(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined,
): number {
  const mutation = schema.getMutationType();
  if (!mutation) return 0;
  const fields = mutation.getFields();
  let count = 0;
  for (const definition of query.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation')
      continue;
    if (operationName && definition.name?.value !== operationName) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const field = fields[selection.name.value];
      if (field && isWrite(field)) count++;
    }
  }
  return count;
}

/**
 * How many elements each list and connection of an operation returned, by its field in the
 * document: the most over its instances (a nested list's field runs once per parent).
 */
export type ListLengths = Map<FieldNode, number>;

/** The elements a list or connection result holds, or undefined when it is neither. */
export function listLength(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object' && Array.isArray((result as { edges?: unknown }).edges))
    return (result as { edges: unknown[] }).edges.length;
  return undefined;
}

/**
 * The estimator. With `returned`, the cost of what the operation did return (Shopify's
 * actual cost): each list counts the elements it returned, never more than it was priced
 * for, so the actual cost is never above the requested one.
 */
const estimatorOf =
  (returned?: ListLengths): ComplexityEstimator =>
  ({ type, field, node, args, childComplexity }) => {
    const count = (asked: number) => (returned ? Math.min(asked, returned.get(node) ?? 0) : asked);
    return estimate({ type, field, args, childComplexity }, count);
  };

function estimate(
  {
    type,
    field,
    args,
    childComplexity,
  }: Omit<Parameters<ComplexityEstimator>[0], 'node' | 'context'>,
  count: (asked: number) => number,
): number {
  if (field.name === '__schema' || field.name === '__type') return INTROSPECTION_COST;
  if (isWrite(field)) return WRITE_COST + childComplexity;
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
    return base + 1 + count(first) * childComplexity;
  }
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  // `edges` is paid for by its connection.
  if (!isListType(unwrapped) || field.name === 'edges') return base + childComplexity;
  // A nested list returns `first` elements (above MAX_NESTED_LIST its resolver refuses),
  // each an object (1) with its fields.
  if ('first' in args) {
    const first = typeof args.first === 'number' ? args.first : MAX_NESTED_LIST;
    return base + count(Math.min(Math.max(first, 0), MAX_NESTED_LIST)) * (1 + childComplexity);
  }
  return base + count(LIST_ESTIMATE) * childComplexity;
}

/**
 * The calculated cost of an operation from its document and variables; with `returned`,
 * the cost of what it returned (`actualQueryCost`), at most the former.
 */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  returned?: ListLengths,
): number {
  return getComplexity({
    schema,
    query,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [estimatorOf(returned)],
  });
}
