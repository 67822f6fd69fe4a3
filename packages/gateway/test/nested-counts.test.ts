import type { DemoCustomer, DemoTryton } from '@portal/demo-data';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { type CrossBilledSale, crossBilledSale } from './support/cross-billing.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

/** Each list nested in an order, whole (its `first` omitted), and its count. */
const ORDER_LISTS = `number lines { id } lineCount invoices { id } invoiceCount
  shipments { id } shipmentCount documents { id } documentCount complaints { id } complaintCount`;
const INVOICE_LISTS = `number lines { id } lineCount taxes { description } taxCount
  orders { id } orderCount documents { id } documentCount`;

type Counted = Record<string, unknown[] | number | string>;
type Page = {
  viewer: {
    list: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Counted }[] };
  };
};

/** Every order (or invoice) of the customer, 100 a page, with its lists and their counts. */
async function everyRecord(
  session: GraphQLSession,
  list: 'orders' | 'invoices',
  fields: string,
): Promise<Counted[]> {
  const records: Counted[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: Page; errors?: unknown[] } = await session.query<Page>(
      `query ($after: String) { viewer { list: ${list}(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } } }`,
      { after },
    );
    expect(result.errors).toBeUndefined();
    const page: Page['viewer']['list'] | undefined = result.data?.viewer.list;
    records.push(...(page?.edges.map((edge) => edge.node) ?? []));
    if (!page?.pageInfo.hasNextPage) return records;
    after = page.pageInfo.endCursor;
  }
}

/** The count beside each list. */
const COUNTS: Record<string, string> = {
  lines: 'lineCount',
  invoices: 'invoiceCount',
  shipments: 'shipmentCount',
  documents: 'documentCount',
  complaints: 'complaintCount',
  taxes: 'taxCount',
  orders: 'orderCount',
};

/** Each list of `records` whose count is not its length: none, when the counts are right. */
function disagreements(records: Counted[], lists: string[]): string[] {
  return records.flatMap((record) =>
    lists.flatMap((list) => {
      const listed = (record[list] as unknown[]).length;
      const counted = record[COUNTS[list] as string];
      return listed === counted ? [] : [`${record.number} ${list}: ${listed}, counted ${counted}`];
    }),
  );
}

/**
 * An order's draft invoice, as the company's staff starts one: a copy of one of its invoices
 * (a draft, without a number) whose lines invoice the same order lines, so Tryton counts it
 * among the order's invoices. The customer never sees a draft. Made as the admin, in the
 * stack's own copy of the database; answers the order's number and its invoices in Tryton.
 */
async function draftInvoiceOn(
  tryton: DemoTryton,
  customer: DemoCustomer,
): Promise<{ number: string; invoices: number[]; draft: number }> {
  const client = new TrytonClient({ url: tryton.url, database: tryton.database });
  await client.login(tryton.admin.login, tryton.admin.password);
  try {
    const sales = (await client.model('sale.sale').searchRead(
      [
        ['party', '=', customer.partyId],
        ['state', 'in', ['processing', 'done']],
      ],
      ['number', 'invoices'],
      { limit: 50, order: [['id', 'ASC']] },
    )) as { id: number; number: string; invoices: number[] }[];
    const sale = sales.find((row) => row.invoices.length > 0);
    const invoiceId = sale?.invoices[0];
    if (!sale || invoiceId === undefined) throw new Error('no invoiced order to draft on');
    const [draft] = (await client.call('model.account.invoice.copy', [
      [invoiceId],
      {},
    ])) as number[];
    if (draft === undefined) throw new Error('copy made no invoice');
    const read = async (id: number) =>
      ((await client.model('account.invoice').read([id], ['lines'])) as { lines: number[] }[])[0]
        ?.lines ?? [];
    const origins = (await client
      .model('account.invoice.line')
      .read(await read(invoiceId), ['origin'])) as { origin: string | null }[];
    const copies = await read(draft);
    const lines = client.model('account.invoice.line');
    for (const [index, line] of copies.entries())
      await lines.write([line], { origin: origins[index]?.origin ?? null });
    const [after] = (await client.model('sale.sale').read([sale.id], ['invoices'])) as {
      invoices: number[];
    }[];
    if (!after?.invoices.includes(draft)) throw new Error('the draft is not among the order’s');
    return { number: sale.number, invoices: after.invoices, draft };
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}

/** The counts beside nested lists (issue 13): what the customer may read, never more. */
describe('counts of nested lists', () => {
  let stack: TestStack;
  let wholesaler: GraphQLSession;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  let crossBilled: CrossBilledSale;
  let drafted: { number: string; invoices: number[]; draft: number };

  beforeAll(async () => {
    stack = await startStack();
    const { customers } = stack.tryton;
    // Before any read, so the gateway's cache cannot hold a view from before they existed.
    crossBilled = await crossBilledSale(stack.tryton, customers.jean, customers.marie, 'CNT-X1');
    drafted = await draftInvoiceOn(stack.tryton, customers.wholesaler);
    wholesaler = stack.session();
    marie = stack.session();
    jean = stack.session();
    await wholesaler.login(customers.wholesaler.email, customers.wholesaler.password);
    await marie.login(customers.marie.email, customers.marie.password);
    await jean.login(customers.jean.email, customers.jean.password);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('a page of orders costs one Tryton search per counted list, not one per order', async () => {
    stack.calls.length = 0;
    const result = await wholesaler.query<Page>(`{ viewer { list: orders(first: 50,
      filter: { states: [PROCESSING, DONE] }) { edges { node {
        lineCount invoiceCount shipmentCount documentCount complaintCount } } } } }`);
    expect(result.errors).toBeUndefined();
    const orders = result.data?.viewer.list.edges.map((edge) => edge.node) ?? [];
    // Many orders with invoices and deliveries: one call each would be many calls.
    expect(orders.filter((order) => (order.invoiceCount as number) > 0).length).toBeGreaterThan(1);
    expect(orders.filter((order) => (order.shipmentCount as number) > 0).length).toBeGreaterThan(1);
    const reads = stack.calls
      .filter((call) => call.method.endsWith('.search_read'))
      .map((call) => call.model)
      .sort();
    expect(reads).toEqual(
      [
        'sale.sale',
        'account.invoice',
        'stock.shipment.out',
        'ir.attachment',
        'sale.complaint',
      ].sort(),
    );
  });

  it('count every item of the full lists, for each of the 520-order customer’s orders and invoices', async () => {
    const lists = ['lines', 'invoices', 'shipments', 'documents', 'complaints'];
    const orders = await everyRecord(wholesaler, 'orders', ORDER_LISTS);
    expect(orders.length).toBeGreaterThanOrEqual(500);
    expect(disagreements(orders, lists)).toEqual([]);
    // Counts that could be wrong: several lines and invoices, deliveries.
    expect(orders.some((order) => (order.lineCount as number) > 1)).toBe(true);
    expect(orders.some((order) => (order.invoiceCount as number) > 0)).toBe(true);
    expect(orders.some((order) => (order.shipmentCount as number) > 0)).toBe(true);

    const invoiceLists = ['lines', 'taxes', 'orders', 'documents'];
    const invoices = await everyRecord(wholesaler, 'invoices', INVOICE_LISTS);
    expect(invoices.length).toBeGreaterThan(5);
    expect(disagreements(invoices, invoiceLists)).toEqual([]);
    expect(invoices.some((invoice) => (invoice.taxCount as number) > 0)).toBe(true);
    expect(invoices.some((invoice) => (invoice.orderCount as number) > 0)).toBe(true);
  }, 300_000);

  it('count the documents and complaints of the orders that have some', async () => {
    const orders = await everyRecord(marie, 'orders', ORDER_LISTS);
    const lists = ['lines', 'invoices', 'shipments', 'documents', 'complaints'];
    expect(disagreements(orders, lists)).toEqual([]);
    expect(orders.some((order) => (order.documentCount as number) > 0)).toBe(true);
    expect(orders.some((order) => (order.complaintCount as number) > 0)).toBe(true);
  }, 300_000);

  it('keep counting what `first` cut off: more than returned means there are more', async () => {
    const result = await wholesaler.query<Page>(`{ viewer { list: orders(first: 50) {
      edges { node { number lines(first: 1) { id } lineCount } } } } }`);
    expect(result.errors).toBeUndefined();
    const orders = result.data?.viewer.list.edges.map((edge) => edge.node) ?? [];
    const cut = orders.filter((order) => (order.lineCount as number) > 1);
    expect(cut.length).toBeGreaterThan(0);
    for (const order of orders)
      expect((order.lines as unknown[]).length).toBe(Math.min(1, order.lineCount as number));
  });

  it('do not count an order’s draft invoice, which the customer does not see', async () => {
    const result = await wholesaler.query<{
      viewer: { order: { invoices: { id: string }[]; invoiceCount: number } | null };
    }>('query ($n: String!) { viewer { order(number: $n) { invoices { id } invoiceCount } } }', {
      n: drafted.number,
    });
    expect(result.errors).toBeUndefined();
    const order = result.data?.viewer.order;
    // Tryton's order names the draft too: a count of its ids would show it.
    expect(drafted.invoices.length).toBeGreaterThan(1);
    expect(order?.invoiceCount).toBe(drafted.invoices.length - 1);
    expect(order?.invoices).toHaveLength(drafted.invoices.length - 1);
    expect(order?.invoices.map((invoice) => invoice.id)).not.toContain(
      toGlobalId('Invoice', drafted.draft),
    );
  });

  it("never count another customer's records: a sale billed to another party", async () => {
    // Jean's sale, billed to Marie: its invoices are hers.
    const sale = await jean.query<Page>(`{ viewer { list: orders(first: 1,
      filter: { search: "CNT-X1" }) { pageInfo { hasNextPage endCursor }
      edges { node { ${ORDER_LISTS} } } } } }`);
    expect(sale.errors).toBeUndefined();
    const [order] = sale.data?.viewer.list.edges.map((edge) => edge.node) ?? [];
    expect(crossBilled.invoiceIds.length).toBeGreaterThan(0);
    expect(order).toMatchObject({ invoices: [], invoiceCount: 0 });
    // Its deliveries are Jean's: counted.
    expect(order?.shipmentCount).toBe(crossBilled.shipmentIds.length);
    expect(order?.shipments).toHaveLength(crossBilled.shipmentIds.length);

    // Marie's invoice, billing Jean's sale: the sale is his.
    const invoiceId = crossBilled.invoiceIds[0] as number;
    const invoice = await marie.query<{ node: Counted | null }>(
      `query ($id: ID!) { node(id: $id) { ... on Invoice { ${INVOICE_LISTS} } } }`,
      { id: toGlobalId('Invoice', invoiceId) },
    );
    expect(invoice.errors).toBeUndefined();
    expect(invoice.data?.node).toMatchObject({ orders: [], orderCount: 0 });
    expect(invoice.data?.node?.lineCount).toBeGreaterThan(0);
  });
});
