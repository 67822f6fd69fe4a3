import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE } from '../http/graphiql-example.js';
import { portalSchema } from '../schema/build.js';
import { INTROSPECTION_COST, operationCost, WRITE_COST, writeCount } from './cost.js';

const cost = async (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(await portalSchema(), parse(query), undefined, variables);

describe('operationCost', () => {
  it('prices each write mutation at WRITE_COST, and counts the writes of an operation', async () => {
    const accept =
      'accept: acceptQuotation(input: { orderId: "x", version: "v", idempotencyKey: "k", name: "n", acceptTerms: true }) { replayed }';
    const reorder = 'reorder(input: { orderId: "x", idempotencyKey: "k" }) { replayed }';
    expect(await cost(`mutation { ${accept} }`)).toBe(WRITE_COST);
    expect(await cost(`mutation { ${accept} ${reorder} again: ${reorder} }`)).toBe(3 * WRITE_COST);
    const schema = await portalSchema();
    expect(
      writeCount(schema, parse(`mutation { ${accept} ${reorder} again: ${reorder} }`), undefined),
    ).toBe(3);
    // Sign-in and the like are not customer writes; a query never is.
    expect(writeCount(schema, parse('mutation { logout }'), undefined)).toBe(0);
    expect(writeCount(schema, parse('{ viewer { id } }'), undefined)).toBe(0);
    expect(writeCount(schema, parse(`mutation A { logout } mutation B { ${reorder} }`), 'A')).toBe(
      0,
    );
  });

  it('prices the full introspection query (GraphiQL, codegen) at a flat, allowed cost', async () => {
    expect(await cost(getIntrospectionQuery())).toBe(INTROSPECTION_COST);
    expect(await cost('{ __type(name: "Order") { fields { name } } }')).toBe(INTROSPECTION_COST);
  });

  it('still prices data beside introspection by its shape', async () => {
    const orders = '{ viewer { orders(first: 50) { edges { node { number } } } } }';
    const alone = await cost(orders);
    // viewer 1, connection 2, then 50 × (edge 1 + node 1).
    expect(alone).toBe(1 + 2 + 50 * 2);
    const withSchema = `{ __schema { queryType { name } } ${orders.slice(1, -1)} }`;
    expect(await cost(withSchema)).toBe(alone + INTROSPECTION_COST);
  });

  it('multiplies a connection by its page size', async () => {
    const q = (first: number) =>
      `{ viewer { invoices(first: ${first}) { edges { node { number lines { description } } } } } }`;
    // Around the pages, viewer 1 and connection 2 are paid once.
    expect((await cost(q(20))) - 3).toBe(2 * ((await cost(q(10))) - 3));
  });

  it('prices a nested list by its `first`: what it can return, 500 when omitted', async () => {
    const q = (lines: string) =>
      `{ viewer { orders(first: 100) { edges { node { number ${lines} { description } } } } } }`;
    // viewer 1, connection 2, then 100 × (edge 1 + node 1 + lines (1 + first × line 1)).
    expect(await cost(q('lines(first: 500)'))).toBe(3 + 100 * (2 + 1 + 500));
    expect(await cost(q('lines(first: 5)'))).toBe(3 + 100 * (2 + 1 + 5));
    expect(await cost(q('lines'))).toBe(await cost(q('lines(first: 500)')));
    expect(
      await cost(q('lines(first: $n)').replace('{ viewer', 'query ($n: Int!) { viewer'), { n: 7 }),
    ).toBe(3 + 100 * (2 + 1 + 7));
  });

  it('lets every GraphiQL example operation run under the default maximum cost', async () => {
    const schema = await portalSchema();
    const document = parse(GRAPHIQL_EXAMPLE);
    for (const definition of document.definitions) {
      if (definition.kind !== 'OperationDefinition' || !definition.name) continue;
      const name = definition.name.value;
      expect({ name, cost: operationCost(schema, document, name, {}) < 2000 }).toEqual({
        name,
        cost: true,
      });
    }
  });
});
