import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

type Found = { viewer: { orders: { totalCount: number }; invoices: { totalCount: number } } };
const SEARCH = `query ($s: String) { viewer {
  orders(first: 1, filter: { search: $s }) { totalCount }
  invoices(first: 1, filter: { search: $s }) { totalCount } } }`;

describe('search in order and invoice lists (real Tryton)', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  beforeAll(async () => {
    stack = await startStack();
    marie = stack.session();
    const { email, password } = stack.tryton.customers.marie;
    expect((await marie.login(email, password)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('matches % and _ literally: neither is a wildcard that finds everything', async () => {
    const all = await marie.query<Found>(SEARCH, { s: null });
    expect(all.data?.viewer.orders.totalCount).toBeGreaterThan(1);
    expect(all.data?.viewer.invoices.totalCount).toBeGreaterThan(1);
    for (const s of ['%', '_', '%%', '\\', '\\%']) {
      const found = await marie.query<Found>(SEARCH, { s });
      expect(found.errors, s).toBeUndefined();
      expect(found.data?.viewer, s).toEqual({
        orders: { totalCount: 0 },
        invoices: { totalCount: 0 },
      });
    }
  });

  it('still finds a part of a number, whatever its case', async () => {
    const first = await marie.query<{
      viewer: { orders: { edges: { node: { number: string } }[] } };
    }>('{ viewer { orders(first: 1) { edges { node { number } } } } }');
    const number = first.data?.viewer.orders.edges[0]?.node.number as string;
    const part = number.slice(-4).toLowerCase();
    const found = await marie.query<Found>(SEARCH, { s: part });
    expect(found.data?.viewer.orders.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses a 60,000-character search with BAD_USER_INPUT, without asking Tryton', async () => {
    const before = stack.calls.length;
    const found = await marie.query(SEARCH, { s: 'x'.repeat(60_000) });
    expect(found.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.search',
    });
    const asked = stack.calls.slice(before).map((call) => call.model);
    expect(asked).not.toContain('sale.sale');
    expect(asked).not.toContain('account.invoice');
  });
});
