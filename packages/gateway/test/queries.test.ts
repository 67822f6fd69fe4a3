import { type CallEvent, TrytonClient } from '@portal/tryton-client';
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

/** `model.method` of each Tryton call, sorted: the shape of a query's cost. */
function byMethod(calls: CallEvent[]): string[] {
  return calls.map((c) => `${c.model ?? '-'}.${c.method.split('.').pop()}`).sort();
}

// The operations the web app sends (packages/web/src/features/*, with the fragments its
// components colocate), copied verbatim so a test fails when the gateway's cost of a page grows.
const MONEY = 'amount currency';
const DASHBOARD = `query Dashboard { viewer { id name amountDue { ${MONEY} }
    openOrders: orders(first: 5, filter: { states: [CONFIRMED, PROCESSING] }) {
      totalCount edges { node { ...OpenOrders_order } } }
    unpaidInvoices: invoices(first: 5, filter: { unpaid: true }) {
      totalCount edges { node { ...UnpaidInvoices_invoice } } }
    overdueInvoices: invoices(first: 1, filter: { overdue: true }) { totalCount }
    documents(first: 5) { edges { node { ...LatestDocuments_document } } }
    invoicedByMonth(months: 12) { ...InvoicedChart_month } } }
  fragment OpenOrders_order on Order { id number reference date state totalAmount { ${MONEY} } }
  fragment UnpaidInvoices_invoice on Invoice {
    id number state dueDate overdue amountDue { ${MONEY} } }
  fragment LatestDocuments_document on Document { id name date size url }
  fragment InvoicedChart_month on MonthlyAmount { month amount { ${MONEY} } }`;

const LINE_FIELDS = `id description quantity unit taxes product { id name code }
  unitPrice { ${MONEY} } amount { ${MONEY} }`;

const ORDER = `query Order($number: String!) { viewer { id order(number: $number) {
    id number reference description date state invoiceState shipmentState
    invoiceAddress { ...AddressBlock_address } shipmentAddress { ...AddressBlock_address }
    ...OrderLines_order ...OrderRelated_order } } }
  fragment AddressBlock_address on Address { id name fullAddress }
  fragment OrderLines_order on Order { lines { ${LINE_FIELDS} }
    untaxedAmount { ${MONEY} } taxAmount { ${MONEY} } totalAmount { ${MONEY} } }
  fragment OrderRelated_order on Order {
    shipments { id number state plannedDate effectiveDate }
    invoices { id number state overdue date totalAmount { ${MONEY} } }
    documents { id name size date url } }`;

const INVOICES = `query Invoices($first: Int!, $after: String, $filter: InvoiceFilter) { viewer { id
    invoices(first: $first, after: $after, filter: $filter) {
      totalCount edges { cursor node { ...InvoiceRow_invoice } } pageInfo { hasNextPage endCursor }
    } } }
  fragment InvoiceRow_invoice on Invoice { id number reference date dueDate state overdue
    totalAmount { ${MONEY} } amountDue { ${MONEY} } }`;

const INVOICE = `query Invoice($number: String!) { viewer { id invoice(number: $number) {
    id number reference date dueDate state overdue pdfUrl
    orders { id number state totalAmount { ${MONEY} } }
    ...InvoiceLines_invoice ...InvoiceDocuments_invoice ...InvoicePayment_invoice } } }
  fragment InvoiceDocuments_invoice on Invoice { documents { id name size date url } }
  fragment InvoiceLines_invoice on Invoice { lines { ${LINE_FIELDS} }
    taxes { description base { ${MONEY} } amount { ${MONEY} } }
    untaxedAmount { ${MONEY} } taxAmount { ${MONEY} } totalAmount { ${MONEY} }
    amountDue { ${MONEY} } state }
  fragment InvoicePayment_invoice on Invoice { number state amountDue { ${MONEY} }
    transfer { holder iban bic reference creditorReference amount { ${MONEY} } qrSvg }
    payments(first: 20) { date amount { ${MONEY} } method description } }`;

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

  /** The Tryton calls of one query, cold, as sorted `model.method` names. */
  async function callsOf<T>(
    session: GraphQLSession,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data: T | undefined; calls: string[] }> {
    stack.calls.length = 0;
    const result = await session.query<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return { data: result.data, calls: byMethod(stack.calls) };
  }

  it("reads the web app's dashboard in one Tryton call per list, count and sum", async () => {
    const { data, calls } = await callsOf<{
      viewer: {
        openOrders: { edges: unknown[] };
        unpaidInvoices: { totalCount: number; edges: unknown[] };
        overdueInvoices: { totalCount: number };
        documents: { edges: unknown[] };
        invoicedByMonth: unknown[];
      };
    }>(marie, DASHBOARD);
    const viewer = data?.viewer;
    expect(viewer?.openOrders.edges.length).toBeGreaterThan(0);
    expect(viewer?.unpaidInvoices.edges.length).toBe(3);
    expect(viewer?.overdueInvoices.totalCount).toBe(2);
    expect(viewer?.documents.edges.length).toBe(5);
    expect(viewer?.invoicedByMonth.length).toBe(12);
    expect(calls).toEqual(
      [
        'portal.gateway.session_user',
        // amountDue, unpaid list, overdue list, invoice PDFs of documents, invoicedByMonth
        'account.invoice.search_read',
        'account.invoice.search_read',
        'account.invoice.search_read',
        'account.invoice.search_read',
        'account.invoice.search_read',
        // unpaid, overdue, invoice PDFs of documents
        'account.invoice.search_count',
        'account.invoice.search_count',
        'account.invoice.search_count',
        'sale.sale.search_read',
        'sale.sale.search_count',
        'ir.attachment.search_read',
        'ir.attachment.search_count',
      ].sort(),
    );
  });

  it("reads the web app's order page (lines, addresses, shipments, invoices, files) in one Tryton call per model", async () => {
    type Related = {
      number: string;
      lines: unknown[];
      invoices: unknown[];
      shipments: unknown[];
      documents: unknown[];
    };
    const list = await marie.query<{ viewer: { orders: { edges: { node: Related }[] } } }>(
      `{ viewer { orders(first: 100) { edges { node {
        number lines { id } invoices { id } shipments { id } documents { id } } } } } }`,
    );
    // The richest order: several lines, and at least one invoice, shipment and file.
    const full = list.data?.viewer.orders.edges
      .map((e) => e.node)
      .filter((o) => o.invoices.length && o.shipments.length && o.documents.length)
      .sort((a, b) => b.lines.length - a.lines.length)[0];
    expect(full?.lines.length).toBeGreaterThan(1);

    const { data, calls } = await callsOf<{
      viewer: {
        order: Omit<Related, 'lines'> & {
          invoiceAddress: { fullAddress: string } | null;
          shipmentAddress: { fullAddress: string } | null;
          lines: { product: { name: string } | null; taxes: string[] }[];
        };
      };
    }>(marie, ORDER, { number: full?.number });
    const order = data?.viewer.order;
    // Priced for the most each list can return, charged for what they did return.
    const { extensions } = (await marie.query(ORDER, { number: full?.number })) as {
      extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number } };
    };
    const [n, s, i, d] = [
      order?.lines.length,
      order?.shipments.length,
      order?.invoices.length,
      order?.documents.length,
    ] as [number, number, number, number];
    // viewer 1, order 1, two addresses 2, three amounts 3, lines (1 + n × (line 1 + product,
    // unit price and amount 3)), shipments (1 + s), invoices (1 + i × (1 + amount 1)), files (1 + d).
    expect(extensions?.cost?.actualQueryCost).toBe(7 + 1 + 4 * n + 1 + s + 1 + 2 * i + 1 + d);
    expect(extensions?.cost?.requestedQueryCost).toBeGreaterThan(
      10 * (extensions?.cost?.actualQueryCost ?? 0),
    );
    expect(order?.lines.length).toBe(full?.lines.length);
    expect(order?.lines.every((l) => l.product?.name && l.taxes.length > 0)).toBe(true);
    expect(order?.invoiceAddress?.fullAddress).toBeTruthy();
    expect(order?.shipmentAddress?.fullAddress).toBeTruthy();
    expect(order?.documents.length).toBe(full?.documents.length);
    expect(calls).toEqual(
      [
        'portal.gateway.session_user',
        'sale.sale.search_read',
        // product names and tax names come with the lines, not from their own models
        'sale.line.search_read',
        // both addresses in one batch
        'party.address.search_read',
        'stock.shipment.out.search_read',
        'account.invoice.search_read',
        'ir.attachment.search_read',
      ].sort(),
    );
  });

  it("reads the web app's invoice list, 20 a page, in one search and one count", async () => {
    const { data, calls } = await callsOf<{
      viewer: { invoices: { totalCount: number; edges: unknown[] } };
    }>(wholesaler, INVOICES, { first: 20 });
    expect(data?.viewer.invoices.edges.length).toBe(
      Math.min(20, data?.viewer.invoices.totalCount ?? 0),
    );
    expect(data?.viewer.invoices.edges.length).toBeGreaterThan(1);
    expect(calls).toEqual(
      [
        'portal.gateway.session_user',
        'account.invoice.search_read',
        'account.invoice.search_count',
      ].sort(),
    );
  });

  it("reads the web app's invoice page (lines, taxes, orders, files, payments) in one Tryton call per model and field set", async () => {
    type Row = { number: string; orders: unknown[]; amountDue: { amount: string } };
    const list = await marie.query<{
      viewer: { invoices: { edges: { node: Row & { totalAmount: { amount: string } } }[] } };
    }>(
      '{ viewer { invoices(first: 100) { edges { node { number orders { id } amountDue { amount } totalAmount { amount } } } } } }',
    );
    // The partly paid one: an order, a payment, and something left to pay by transfer.
    const billed = list.data?.viewer.invoices.edges.find(
      (e) =>
        e.node.orders.length > 0 &&
        e.node.amountDue.amount !== '0' &&
        e.node.amountDue.amount !== e.node.totalAmount.amount,
    )?.node;
    expect(billed).toBeDefined();

    const { data, calls } = await callsOf<{
      viewer: {
        invoice: {
          lines: unknown[];
          taxes: unknown[];
          orders: unknown[];
          payments: unknown[];
          transfer: unknown;
        };
      };
    }>(marie, INVOICE, { number: billed?.number });
    const invoice = data?.viewer.invoice;
    expect(invoice?.payments.length).toBeGreaterThan(0);
    expect(invoice?.transfer).not.toBeNull();
    expect(invoice?.lines.length).toBeGreaterThan(0);
    expect(invoice?.taxes.length).toBeGreaterThan(0);
    expect(invoice?.orders.length).toBe(billed?.orders.length);
    expect(calls).toEqual(
      [
        'portal.gateway.session_user',
        'account.invoice.search_read',
        // The invoice's payment lines, read apart so that lists never compute them.
        'account.invoice.search_read',
        'account.move.line.search_read',
        'portal.gateway.company_bank_account',
        'account.invoice.line.search_read',
        'account.invoice.tax.search_read',
        'sale.sale.search_read',
        'ir.attachment.search_read',
      ].sort(),
    );
  });

  it('bounds every list nested in a record, with a clear error above 500', async () => {
    const q = (first: number) =>
      marie.query<{
        viewer: { orders: { edges: { node: { lines: unknown[]; invoices: unknown[] } }[] } };
      }>(
        `{ viewer { orders(first: 20) { edges { node { lines(first: ${first}) { description } invoices(first: ${first}) { number } } } } } }`,
      );
    const all = await q(500);
    expect(all.errors).toBeUndefined();
    const most = Math.max(...(all.data?.viewer.orders.edges ?? []).map((e) => e.node.lines.length));
    expect(most).toBeGreaterThan(1);
    const one = await q(1);
    expect(one.errors).toBeUndefined();
    for (const edge of one.data?.viewer.orders.edges ?? []) {
      expect(edge.node.lines.length).toBeLessThanOrEqual(1);
      expect(edge.node.invoices.length).toBeLessThanOrEqual(1);
    }
    const above = await q(501);
    expect(above.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(above.errors?.[0]?.message).toContain('at most 500');
  });

  it("reads every order's files of a page in one attachment search", async () => {
    stack.calls.length = 0;
    const result = await marie.query<{
      viewer: { orders: { edges: { node: { number: string; documents: { name: string }[] } }[] } };
    }>('{ viewer { orders(first: 100) { edges { node { number documents { name } } } } } }');
    expect(result.errors).toBeUndefined();
    const orders = result.data?.viewer.orders.edges ?? [];
    expect(orders.length).toBeGreaterThan(5);
    expect(orders.some((e) => e.node.documents.length > 0)).toBe(true);
    expect(byMethod(stack.calls)).toEqual(
      [
        'portal.gateway.session_user',
        'sale.sale.search_read',
        'sale.sale.search_count',
        'ir.attachment.search_read',
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

    // In English, the same PDF is saved as an "Invoice".
    const english = await fetch(`${stack.gateway.url}${invoice?.pdfUrl}`, {
      headers: { cookie: marie.cookie ?? '', 'accept-language': 'en' },
    });
    expect(english.headers.get('content-disposition')).toContain(`Invoice ${invoice?.number}.pdf`);

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

  it('names taxes in the language of the request, as Tryton translates them', async () => {
    type Taxes = {
      viewer: {
        invoices: {
          edges: { node: { taxes: { description: string }[]; lines: { taxes: string[] }[] } }[];
        };
      };
    };
    const TAXES = `{ viewer { invoices(first: 1, filter: { states: [POSTED, PAID] }) { edges {
      node { taxes { description } lines { taxes } } } } } }`;
    const read = async (session: GraphQLSession) => {
      const node = (await session.query<Taxes>(TAXES)).data?.viewer.invoices.edges[0]?.node;
      return {
        summary: node?.taxes.map((t) => t.description) ?? [],
        lines: node?.lines.flatMap((l) => l.taxes) ?? [],
      };
    };
    const french = await read(marie);
    const names = [...new Set([...french.summary, ...french.lines])];
    expect(french.summary.length).toBeGreaterThan(0);
    expect(french.lines.length).toBeGreaterThan(0);
    // An English name for each of those taxes, as an accountant would enter it in Tryton (the
    // database's own language is English: the French name becomes its French translation).
    const inEnglish = (name: string) => `VAT: ${name}`;
    const client = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await client.login(stack.tryton.admin.login, stack.tryton.admin.password);
    try {
      const taxes = client.model('account.tax');
      for (const name of names) {
        const ids = await taxes.search([['description', '=', name]], {
          context: { language: 'fr' },
        });
        expect(ids.length).toBeGreaterThan(0);
        await taxes.write(ids, { description: inEnglish(name) }, { context: { language: 'en' } });
        await taxes.write(ids, { description: name }, { context: { language: 'fr' } });
      }
    } finally {
      await client.logout().catch(() => undefined);
      await client.close();
    }
    const english = stack.session({ 'accept-language': 'en' });
    const { email, password } = stack.tryton.customers.marie;
    await english.login(email, password);
    expect(await read(english)).toEqual({
      summary: french.summary.map(inEnglish),
      lines: french.lines.map(inEnglish),
    });
    expect(await read(marie)).toEqual(french);
  });
});
