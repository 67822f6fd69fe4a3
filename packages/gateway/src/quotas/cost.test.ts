import { type FieldNode, getIntrospectionQuery, parse, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLE } from '../http/graphiql-example.js';
import { portalSchema } from '../schema/build.js';
import {
  INTROSPECTION_COST,
  type ListLengths,
  listLength,
  operationCost,
  WRITE_COST,
  writeCount,
} from './cost.js';

const cost = async (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(await portalSchema(), parse(query), undefined, variables);

/** The returned lengths of a document's fields, by field name, as the cost plugin records them. */
function returned(document: ReturnType<typeof parse>, byName: Record<string, number>): ListLengths {
  const lengths: ListLengths = new Map();
  visit(document, {
    Field(node: FieldNode) {
      const length = byName[node.alias?.value ?? node.name.value];
      if (length !== undefined) lengths.set(node, length);
    },
  });
  return lengths;
}

describe('actual cost (what the operation returned)', () => {
  const ORDER_PAGE = `{ viewer { orders(first: 20) { edges { node { number
    lines(first: 100) { description } shipments(first: 20) { number } } } } } }`;

  it('counts the elements each list returned', async () => {
    const schema = await portalSchema();
    const document = parse(ORDER_PAGE);
    const requested = operationCost(schema, document, undefined, {});
    // viewer 1, connection 2, then 20 × (edge 1 + node 1 + lines (1 + 100) + shipments (1 + 20)).
    expect(requested).toBe(3 + 20 * (2 + 101 + 21));
    // 3 orders returned, the longest with 4 lines and 1 shipment.
    const actual = operationCost(
      schema,
      document,
      undefined,
      {},
      returned(document, { orders: 3, lines: 4, shipments: 1 }),
    );
    expect(actual).toBe(3 + 3 * (2 + 5 + 2));
    // Nothing returned: the objects around the lists only.
    expect(operationCost(schema, document, undefined, {}, new Map())).toBe(3);
  });

  it('is never above the requested cost, whatever the lists returned', async () => {
    const schema = await portalSchema();
    const document = parse(ORDER_PAGE);
    const requested = operationCost(schema, document, undefined, {});
    const lengths = returned(document, { orders: 50, lines: 1000, shipments: 99 });
    expect(operationCost(schema, document, undefined, {}, lengths)).toBe(requested);
  });

  it('reads a list or a connection result, and nothing else', () => {
    expect(listLength([1, 2, 3])).toBe(3);
    expect(listLength({ edges: [1], pageInfo: {} })).toBe(1);
    expect(listLength({ number: 'S1' })).toBeUndefined();
    expect(listLength(null)).toBeUndefined();
  });
});

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
