import { fileURLToPath } from 'node:url';
import type { CallEvent } from '@portal/tryton-client';
import {
  buildClientSchema,
  type DocumentNode,
  getIntrospectionQuery,
  type IntrospectionQuery,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionNode,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

/**
 * The web app's operations as it sends them, fragments included: the documents GraphQL Code
 * Generator wrote from packages/web/src (`pnpm --filter @portal/web codegen:check` keeps them
 * current). Imported by path at run time: the gateway does not depend on the web app.
 */
const GENERATED = fileURLToPath(new URL('../../web/src/gql/graphql.ts', import.meta.url));

interface WebOperation {
  name: string;
  type: OperationDefinitionNode['operation'];
  definition: OperationDefinitionNode;
  document: DocumentNode;
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

async function webOperations(): Promise<WebOperation[]> {
  const generated = (await import(GENERATED)) as Record<string, unknown>;
  return Object.values(generated)
    .filter(isDocument)
    .flatMap((document) =>
      document.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((definition) => ({
          name: definition.name?.value ?? '(anonymous)',
          type: definition.operation,
          definition,
          document,
        })),
    );
}

const operations = await webOperations();
const queries = operations.filter((o) => o.type === 'query');

/**
 * The most Tryton calls each query may make, cold (no cache), signed in as the demo
 * administrator, on the richest demo records and the largest page the app asks: one call per
 * model and field set, never one per row, so an N+1 (a call per order, line or invoice on a
 * page of dozens) goes past it. Measured on Tryton 7.6; raise one only with its reason.
 */
const CALL_BUDGET: Record<string, number> = {
  Account: 6,
  ComplaintTypes: 2,
  Dashboard: 13,
  Documents: 7,
  Invoice: 9,
  Invoices: 3,
  Members: 2,
  Order: 10,
  Orders: 3,
  Scopes: 1,
  Session: 1,
};

/** The largest page the app asks for (PAGE_SIZES in packages/web/src/components/use-paged-list.ts). */
const PAGE = 100;

/**
 * Values of the operations' required variables: by `Operation.variable`, else by variable.
 * Booleans (the app's @include switches) are true: every part a page can show is asked.
 * Optional variables keep the app's defaults (no filter, the default sort).
 */
function variablesOf(
  operation: WebOperation,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.definition.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.type.kind !== Kind.NON_NULL_TYPE || definition.defaultValue) continue;
    const value =
      print(definition.type) === 'Boolean!'
        ? true
        : (values[`${operation.name}.${name}`] ?? values[name]);
    if (value === undefined) {
      throw new Error(`no demo value for $${name} of ${operation.name}: add one in beforeAll`);
    }
    variables[name] = value;
  }
  return variables;
}

/** The response paths of the fields given `$variable` (a record asked by its number). */
function pathsGiven(
  selections: readonly SelectionNode[],
  variable: string,
  path: string[] = [],
): string[][] {
  return selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const here = [...path, selection.alias?.value ?? selection.name.value];
    const given = selection.arguments?.some(
      (a) => a.value.kind === Kind.VARIABLE && a.value.name.value === variable,
    );
    const below = selection.selectionSet
      ? pathsGiven(selection.selectionSet.selections, variable, here)
      : [];
    return given ? [here, ...below] : below;
  });
}

const at = (data: unknown, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], data);

const byMethod = (calls: CallEvent[]) =>
  calls.map((c) => `${c.model ?? '-'}.${c.method.split('.').pop()}`).sort();

/**
 * Every query of the web app run against the real gateway and Tryton, and every operation
 * (mutations too, which are not run) validated against the schema the gateway serves: a field
 * the gateway lost, renamed or made stricter fails here, and so does an N+1.
 */
describe("the web app's operations against the real gateway", () => {
  let stack: TestStack;
  let admin: GraphQLSession;
  /** Demo values for required variables (variablesOf). */
  const values: Record<string, unknown> = { first: PAGE };

  beforeAll(async () => {
    // The cold path: every read goes to Tryton, so the calls counted are the query's own.
    stack = await startStack({ CACHE_TTL_SECONDS: '0' });
    admin = stack.session();
    const { email, password } = stack.tryton.customers.marie;
    expect((await admin.login(email, password)).errors).toBeUndefined();

    type Sized = { number: string } & Record<string, unknown[] | string>;
    const lists = await admin.query<{
      viewer: { orders: { edges: { node: Sized }[] }; invoices: { edges: { node: Sized }[] } };
    }>(`{ viewer {
      orders(first: 100) { edges { node {
        number lines { id } invoices { id } shipments { id } documents { id } complaints { id } } } }
      invoices(first: 100) { edges { node { number lines { id } orders { id } documents { id } } } } } }`);
    expect(lists.errors).toBeUndefined();
    // The richest of each: the most related records, where an N+1 would show most.
    const richest = (edges: { node: Sized }[] = []) => {
      const size = (node: Sized) =>
        Object.values(node).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
      return [...edges].sort((a, b) => size(b.node) - size(a.node))[0]?.node.number;
    };
    values['Order.number'] = richest(lists.data?.viewer.orders.edges);
    values['Invoice.number'] = richest(lists.data?.viewer.invoices.edges);
    expect(values['Order.number']).toBeTruthy();
    expect(values['Invoice.number']).toBeTruthy();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('finds the web app’s operations, and a call budget for each query', () => {
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect(operations.filter((o) => o.type === 'mutation').length).toBeGreaterThanOrEqual(20);
    expect(queries.map((q) => q.name).sort()).toEqual(Object.keys(CALL_BUDGET).sort());
  });

  it('every operation (queries and mutations) is valid against the schema the gateway serves', async () => {
    const introspection = await admin.query<IntrospectionQuery>(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    const schema = buildClientSchema(introspection.data as IntrospectionQuery);
    const invalid = operations.flatMap((operation) =>
      validate(schema, operation.document).map((error) => `${operation.name}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });

  it.each(queries)(
    '$name answers, without errors and within its Tryton call budget',
    async (query) => {
      const variables = variablesOf(query, values);
      stack.calls.length = 0;
      const result = await admin.query(print(query.document), variables);
      const calls = byMethod(stack.calls);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      for (const [field, value] of Object.entries(result.data ?? {})) {
        expect(value, `${query.name}: ${field}`).not.toBeNull();
      }
      // A record asked by a demo value is found (not a null "not yours").
      for (const name of Object.keys(variables)) {
        for (const path of pathsGiven(query.definition.selectionSet.selections, name)) {
          expect(at(result.data, path), `${query.name}: ${path.join('.')}`).not.toBeNull();
        }
      }
      expect(calls.length, `${query.name} made:\n${calls.join('\n')}`).toBeLessThanOrEqual(
        CALL_BUDGET[query.name] ?? 0,
      );
    },
  );
});
