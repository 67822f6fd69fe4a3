import type { CallEvent } from '@portal/tryton-client';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTROSPECTION_COST } from '../src/quotas/cost.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

type Orders = {
  viewer: {
    orders: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
      edges: { node: { number: string; state: string; reference: string; date: string } }[];
    };
  };
};

const ORDERS = `query ($first: Int, $after: String, $filter: OrderFilter) { viewer {
  orders(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node { number state reference date } }
  } } }`;

describe('orders, invoices and documents', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let wholesaler: GraphQLSession;

  beforeAll(async () => {
    // The cold path: every read goes to Tryton (the cache has its own tests).
    stack = await startStack({ CACHE_TTL_SECONDS: '0' });
    marie = stack.session();
    wholesaler = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    await wholesaler.login(
      stack.tryton.customers.wholesaler.email,
      stack.tryton.customers.wholesaler.password,
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('pages through 520 orders without overlap, newest first', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    let previousDate = '9999-12-31';
    for (;;) {
      const page: { data?: Orders } = await wholesaler.query<Orders>(ORDERS, { first: 100, after });
      const orders = page.data?.viewer.orders;
      if (!orders) throw new Error('no data');
      expect(orders.totalCount).toBe(520);
      expect(orders.pageInfo.hasPreviousPage).toBe(pages > 0);
      for (const edge of orders.edges) {
        expect(seen.has(edge.node.number)).toBe(false);
        expect(edge.node.date <= previousDate).toBe(true);
        previousDate = edge.node.date;
        seen.add(edge.node.number);
      }
      pages++;
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(pages).toBe(6);
    expect(seen.size).toBe(520);
  });

  it('refuses pages above 100 with a clear error, not a silent cap', async () => {
    const result = await wholesaler.query(ORDERS, { first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/at most 100/);
    const negative = await wholesaler.query(ORDERS, { first: -1 });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by state, text and dates, and never shows drafts', async () => {
    const all = await marie.query<Orders>(ORDERS, { first: 100 });
    const states = new Set(all.data?.viewer.orders.edges.map((e) => e.node.state));
    expect([...states].sort()).toEqual([
      'CANCELLED',
      'CONFIRMED',
      'DONE',
      'PROCESSING',
      'QUOTATION',
    ]);
    expect(
      all.data?.viewer.orders.edges.some((e) => e.node.reference.startsWith('BROUILLON')),
    ).toBe(false);

    const quotes = await marie.query<Orders>(ORDERS, { filter: { states: ['QUOTATION'] } });
    expect(quotes.data?.viewer.orders.edges.map((e) => e.node.state)).toEqual([
      'QUOTATION',
      'QUOTATION',
    ]);

    const search = await marie.query<Orders>(ORDERS, { filter: { search: 'dup-2607' } });
    expect(search.data?.viewer.orders.edges.map((e) => e.node.reference)).toEqual(['DUP-2607-G']);

    const dates = all.data?.viewer.orders.edges.map((e) => e.node.date).sort() ?? [];
    const from = dates[3] as string;
    const ranged = await marie.query<Orders>(ORDERS, { first: 100, filter: { dateFrom: from } });
    expect(ranged.data?.viewer.orders.edges.every((e) => e.node.date >= from)).toBe(true);
    expect(ranged.data?.viewer.orders.totalCount).toBe(dates.filter((d) => d >= from).length);

    const badDate = await marie.query(ORDERS, { filter: { dateFrom: '2026-13-45' } });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists unpaid and overdue invoices with exact amounts', async () => {
    const result = await marie.query<{
      viewer: {
        amountDue: { amount: string };
        unpaid: {
          edges: { node: { amountDue: { amount: string }; overdue: boolean; state: string } }[];
        };
        overdue: { edges: { node: { overdue: boolean; dueDate: string } }[] };
      };
    }>(`{ viewer { amountDue { amount }
      unpaid: invoices(first: 100, filter: { unpaid: true }) { edges { node { amountDue { amount } overdue state } } }
      overdue: invoices(first: 100, filter: { overdue: true }) { edges { node { overdue dueDate } } } } }`);
    const viewer = result.data?.viewer;
    expect(viewer?.unpaid.edges.length).toBe(3);
    expect(viewer?.unpaid.edges.every((e) => e.node.state === 'POSTED')).toBe(true);
    const sumCents = viewer?.unpaid.edges.reduce(
      (s, e) => s + Math.round(Number(e.node.amountDue.amount) * 100),
      0,
    );
    expect(Math.round(Number(viewer?.amountDue.amount) * 100)).toBe(sumCents);
    expect(viewer?.amountDue.amount).toMatch(/^\d+\.\d{2}$/);
    expect(viewer?.overdue.edges.length).toBe(2);
    expect(viewer?.overdue.edges.every((e) => e.node.overdue)).toBe(true);
  });

  it('reads a page of 50 orders with their lines, invoices, shipments and addresses in one Tryton call per model', async () => {
    stack.calls.length = 0;
    const result = await wholesaler.query(`{ viewer { orders(first: 50) { edges { node {
      number lines { product { name } quantity unitPrice { amount } }
      invoices { number } shipments { number } invoiceAddress { city } shipmentAddress { city }
    } } } } }`);
    expect(result.errors).toBeUndefined();
    const byMethod = (calls: CallEvent[]) =>
      calls.map((c) => `${c.model ?? '-'}.${c.method.split('.').pop()}`).sort();
    expect(byMethod(stack.calls)).toEqual(
      [
        'portal.gateway.session_user',
        'sale.sale.search_read',
        'sale.sale.search_count',
        'sale.line.search_read',
        'account.invoice.search_read',
        'stock.shipment.out.search_read',
        'party.address.search_read',
      ].sort(),
    );
  });

  it('answers the full introspection query (GraphiQL, codegen) at its small flat cost', async () => {
    const anonymous = stack.session();
    for (const session of [anonymous, marie]) {
      const result = await session.query<{ __schema: { types: { name: string }[] } }>(
        getIntrospectionQuery(),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.__schema.types.map((t) => t.name)).toContain('Order');
      const cost = (result as { extensions?: { cost?: { requestedQueryCost: number } } }).extensions
        ?.cost;
      expect(cost?.requestedQueryCost).toBe(INTROSPECTION_COST);
    }
  });

  it('downloads an invoice PDF and an attachment with the right headers', async () => {
    const result = await marie.query<{
      viewer: {
        invoices: { edges: { node: { number: string; pdfUrl: string } }[] };
        documents: {
          edges: { node: { kind: string; name: string; url: string; contentType: string } }[];
        };
      };
    }>(
      '{ viewer { invoices(first: 1) { edges { node { number pdfUrl } } } documents(first: 50) { edges { node { kind name url contentType } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const invoice = result.data?.viewer.invoices.edges[0]?.node;
    const pdf = await marie.get(invoice?.pdfUrl as string);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`Facture ${invoice?.number}.pdf`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const attachment = result.data?.viewer.documents.edges.find(
      (e) => e.node.kind === 'ATTACHMENT',
    )?.node;
    expect(attachment).toBeDefined();
    const file = await marie.get(`${attachment?.url}?inline=1`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(attachment?.contentType);
    expect(file.headers.get('content-disposition')).toMatch(/^inline/);
    const names = result.data?.viewer.documents.edges.map((e) => e.node.name) ?? [];
    expect(names).not.toContain('Brouillon interne.txt');
  });
});
