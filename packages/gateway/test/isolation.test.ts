import type { DemoTryton } from '@portal/demo-data';
import { Decimal, TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { type CrossBilledSale, crossBilledSale } from './support/cross-billing.js';
import {
  everything,
  type Found,
  matching,
  nodes,
  ok,
  present,
  type Reach,
  reach,
  searchNumbers,
} from './support/customer-view.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

/** Attaches a small text file to `resource` (`account.invoice,12`), as the Tryton admin. */
async function attach(tryton: DemoTryton, resource: string, name: string): Promise<void> {
  const client = new TrytonClient({ url: tryton.url, database: tryton.database });
  await client.login(tryton.admin.login, tryton.admin.password);
  try {
    await client
      .model('ir.attachment')
      .create([{ name, resource, type: 'data', data: new TextEncoder().encode(`${name}\n`) }]);
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}

/** Every entry point that takes an id, a number, a cursor or a URL, tried with another customer's values. */
describe('isolation between customers', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  let jeans: Found;
  let maries: Found;
  let crossBilled: CrossBilledSale;
  let marieReaches: Reach;
  let jeanReaches: Reach;

  beforeAll(async () => {
    stack = await startStack();
    const { customers } = stack.tryton;
    // Before any read, so the gateway's cache cannot hold a view from before it existed.
    crossBilled = await crossBilledSale(stack.tryton, customers.jean, customers.marie, 'MAR-X1');
    // A file on each side of it: on Marie's invoice (billing Jean's sale) and on Jean's sale.
    await attach(stack.tryton, `account.invoice,${crossBilled.invoiceIds[0]}`, 'Marie X1.txt');
    await attach(stack.tryton, `sale.sale,${crossBilled.saleId}`, 'Jean X1.txt');
    marie = stack.session();
    jean = stack.session();
    await marie.login(customers.marie.email, customers.marie.password);
    await jean.login(customers.jean.email, customers.jean.password);
    maries = await everything(marie);
    jeans = await everything(jean);
    marieReaches = await reach(marie);
    jeanReaches = await reach(jean);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists only their own records, never drafts', () => {
    expect(maries.orderNumbers).toHaveLength(13);
    // The four of the demo data and the one billed to Marie.
    expect(jeans.orderNumbers).toHaveLength(5);
    expect(maries.orderNumbers.filter((n) => jeans.orderNumbers.includes(n))).toEqual([]);
    expect(maries.invoiceNumbers.filter((n) => jeans.invoiceNumbers.includes(n))).toEqual([]);
    expect(maries.documentIds.filter((n) => jeans.documentIds.includes(n))).toEqual([]);
    expect(jeans.documentIds.length).toBeGreaterThan(0);
  });

  it('finds nothing by the other customer’s order or invoice number', async () => {
    for (const number of jeans.orderNumbers) {
      const r = await marie.query('query ($n: String!) { viewer { order(number: $n) { id } } }', {
        n: number,
      });
      expect(ok(r)).toEqual({ viewer: { order: null } });
    }
    for (const number of jeans.invoiceNumbers) {
      const r = await marie.query('query ($n: String!) { viewer { invoice(number: $n) { id } } }', {
        n: number,
      });
      expect(ok(r)).toEqual({ viewer: { invoice: null } });
    }
  });

  it('finds nothing by the other customer’s global ids', async () => {
    const ids = [...jeans.orderIds, ...jeans.invoiceIds, ...jeans.documentIds, ...jeans.addressIds];
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) {
      const own = await jean.query('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(ok(own)).toEqual({ node: { id } });
      const r = await marie.query('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(ok(r)).toEqual({ node: null });
    }
    // Forged ids: another type, another customer, nonsense.
    const marieId = ok(await marie.query<{ viewer: { id: string } }>('{ viewer { id } }')).viewer
      .id;
    const forged = [
      marieId,
      Buffer.from('Order:999999').toString('base64url'),
      Buffer.from('Document:attachment-1').toString('base64url'),
    ];
    for (const id of forged) {
      const r = await jean.query('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(ok(r)).toEqual({ node: null });
    }
    const bad = await marie.query('query { node(id: "%%%") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses the other customer’s downloads exactly like missing ones', async () => {
    const urls = [...jeans.pdfUrls, ...jeans.documentUrls];
    for (const url of urls) {
      const response = await marie.get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/json/);
    }
    const own = await jean.get(jeans.pdfUrls[0] as string);
    expect(own.status).toBe(200);
    expect((await stack.session().get(jeans.pdfUrls[0] as string)).status).toBe(401);
    expect((await marie.get('/downloads/invoices/not-an-id.pdf')).status).toBe(404);
  });

  it('refuses forged cursors, and another customer’s cursor', async () => {
    const forged = await marie.query('{ viewer { orders(after: "eyJvIjoxfQ") { totalCount } } }');
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const page = ok(
      await jean.query<{ viewer: { orders: { edges: { cursor: string }[] } } }>(
        '{ viewer { orders(first: 1) { edges { cursor } } } }',
      ),
    );
    const cursor = page.viewer.orders.edges[0]?.cursor;
    expect(cursor).toBeTypeOf('string');
    // Jean's cursor is a position in Jean's list (the sort key and id of one of his orders):
    // Marie's list refuses it rather than page from it.
    for (const direction of ['after', 'before']) {
      const next = await marie.query(
        `query ($c: String) { viewer { orders(${direction}: $c) { edges { node { number } } } } }`,
        { c: cursor },
      );
      expect(next.data?.viewer ?? null).toBeNull();
      expect(next.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(next.errors?.[0]?.message).toMatch(/another list/);
    }
    // Her own cursor gives the rest of her own list.
    const own = ok(
      await marie.query<{ viewer: { orders: { edges: { cursor: string }[] } } }>(
        '{ viewer { orders(first: 1) { edges { cursor } } } }',
      ),
    ).viewer.orders.edges[0]?.cursor;
    const rest = ok(
      await marie.query<{ viewer: { orders: { edges: { node: { number: string } }[] } } }>(
        'query ($c: String) { viewer { orders(first: 100, after: $c) { edges { node { number } } } } }',
        { c: own },
      ),
    );
    expect(rest.viewer.orders.edges.map((e) => e.node.number)).toEqual(
      maries.orderNumbers.slice(1),
    );
  });

  it('scopes API tokens to their customer, and one cannot revoke another’s', async () => {
    const created = ok(
      await jean.query<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        'mutation { createApiToken(name: "jean") { token apiToken { id } } }',
      ),
    );
    const { token, apiToken } = created.createApiToken;
    const integrator = stack.session({ authorization: `Bearer ${token}` });
    const seen = await everything(integrator);
    expect(seen.orderNumbers.sort()).toEqual([...jeans.orderNumbers].sort());
    const revoked = await marie.query('mutation ($id: ID!) { revokeApiToken(id: $id) }', {
      id: apiToken.id,
    });
    expect(ok(revoked)).toEqual({ revokeApiToken: false });
    const tokens = await marie.query<{ viewer: { apiTokens: unknown[] } }>(
      '{ viewer { apiTokens { id } } }',
    );
    expect(ok(tokens).viewer.apiTokens).toEqual([]);
  });

  it('resolves an API token’s id through node for its owner only, never for another', async () => {
    const created = ok(
      await jean.query<{ createApiToken: { apiToken: { id: string } } }>(
        'mutation { createApiToken(name: "node") { apiToken { id } } }',
      ),
    );
    const { id } = created.createApiToken.apiToken;
    const listed = ok(
      await jean.query<{ viewer: { apiTokens: { id: string }[] } }>(
        '{ viewer { apiTokens { id } } }',
      ),
    );
    expect(listed.viewer.apiTokens.map((t) => t.id)).toContain(id);
    const node = (session: typeof jean, each: string) =>
      session.query<{ node: { id: string } | null }>('query ($id: ID!) { node(id: $id) { id } }', {
        id: each,
      });
    expect(ok(await node(jean, id))).toEqual({ node: { id } });
    // Marie gets nothing for Jean's token, nor for the ids around it.
    const key = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    const neighbours = [key - 1, key + 1]
      .filter((k) => k > 0)
      .map((k) => toGlobalId('ApiToken', k));
    for (const each of [id, ...neighbours])
      expect(ok(await node(marie, each))).toEqual({ node: null });
  });

  it('shows only their own contact mechanisms', async () => {
    const m = marieReaches.contactMechanisms;
    const j = jeanReaches.contactMechanisms;
    expect(m.map((c) => c.value)).toContain(stack.tryton.customers.marie.email);
    expect(j.map((c) => c.value)).toContain(stack.tryton.customers.jean.email);
    expect(j.length).toBeGreaterThan(1);
    expect(m.filter((c) => j.some((o) => o.id === c.id || o.value === c.value))).toEqual([]);
  });

  it('sums amountDue and invoicedByMonth over their own invoices only', async () => {
    for (const viewer of [marieReaches, jeanReaches]) {
      const invoices = nodes(viewer.invoices);
      const due = invoices
        .filter((i) => i.state === 'POSTED')
        .reduce((sum, i) => sum.add(i.amountDue.amount), Decimal.from('0'));
      expect(due.isZero()).toBe(false);
      expect(Decimal.from(viewer.amountDue.amount).equals(due)).toBe(true);
      const invoiced = new Map<string, Decimal>();
      for (const i of invoices.filter((i) => i.state === 'POSTED' || i.state === 'PAID')) {
        const month = i.date?.slice(0, 7) ?? '';
        invoiced.set(month, (invoiced.get(month) ?? Decimal.from('0')).add(i.totalAmount.amount));
      }
      expect(invoiced.size).toBeGreaterThan(0);
      for (const { month, amount } of viewer.invoicedByMonth) {
        const expected = invoiced.get(month) ?? Decimal.from('0');
        expect(`${month} ${Decimal.from(amount.amount).equals(expected)}`).toBe(`${month} true`);
        invoiced.delete(month);
      }
      // No own invoice falls outside the 24 months asked for.
      expect([...invoiced.keys()]).toEqual([]);
    }
  });

  it('searches and filters their own orders and invoices only', async () => {
    // Every order of Jean's has a reference, so both halves of the search are tried.
    expect(present(jeans.orderReferences)).toHaveLength(jeans.orderNumbers.length);
    const cases = [
      [
        'orders',
        jeans.orderNumbers,
        jeans.orderReferences,
        maries.orderNumbers,
        maries.orderReferences,
      ],
      [
        'invoices',
        jeans.invoiceNumbers,
        jeans.invoiceReferences,
        maries.invoiceNumbers,
        maries.invoiceReferences,
      ],
    ] as const;
    for (const [list, hisNumbers, hisReferences, myNumbers, myReferences] of cases) {
      const terms = [...hisNumbers, ...present(hisReferences)];
      expect(terms.length).toBeGreaterThan(0);
      for (const search of terms) {
        // Jean finds his own record by the term; Marie finds exactly her own that match it.
        expect(await searchNumbers(jean, list, { search })).toEqual(
          expect.arrayContaining(matching(hisNumbers, hisReferences, search)),
        );
        const found = await searchNumbers(marie, list, { search });
        expect(found.sort()).toEqual(matching(myNumbers, myReferences, search).sort());
      }
    }
    const wide = { dateFrom: '2000-01-01', dateTo: '2100-12-31' };
    const filters: ['orders' | 'invoices', Record<string, unknown>][] = [
      [
        'orders',
        { ...wide, states: ['QUOTATION', 'CONFIRMED', 'PROCESSING', 'DONE', 'CANCELLED'] },
      ],
      ['invoices', { ...wide, states: ['POSTED', 'PAID', 'CANCELLED'] }],
      ['invoices', { unpaid: true }],
      ['invoices', { overdue: true }],
      ['invoices', { search: '%' }],
    ];
    for (const [list, filter] of filters) {
      const [mine, his] =
        list === 'orders'
          ? [maries.orderNumbers, jeans.orderNumbers]
          : [maries.invoiceNumbers, jeans.invoiceNumbers];
      const found = await searchNumbers(marie, list, filter);
      expect(found.filter((n) => !mine.includes(n))).toEqual([]);
      expect(found.filter((n) => his.includes(n))).toEqual([]);
    }
  });

  it('links orders, invoices, shipments, addresses and documents of their own only', async () => {
    const linked = (viewer: Reach) => {
      const orders = nodes(viewer.orders);
      return {
        invoices: orders.flatMap((o) => o.invoices.map((i) => i.id)),
        shipments: orders.flatMap((o) => o.shipments.map((s) => s.id)),
        documents: orders.flatMap((o) => o.documents.map((d) => d.id)),
        addresses: present(
          orders.flatMap((o) => [o.invoiceAddress?.id ?? null, o.shipmentAddress?.id ?? null]),
        ),
        orders: nodes(viewer.invoices).flatMap((i) => i.orders.map((o) => o.id)),
      };
    };
    const [m, j] = [linked(marieReaches), linked(jeanReaches)];
    for (const [links, found, other] of [
      [m, maries, j],
      [j, jeans, m],
    ] as const) {
      // Each link is there (the demo data has some of each) and only to their own records.
      for (const values of Object.values(links)) expect(values.length).toBeGreaterThan(0);
      expect(links.invoices.filter((id) => !found.invoiceIds.includes(id))).toEqual([]);
      expect(links.orders.filter((id) => !found.orderIds.includes(id))).toEqual([]);
      expect(links.documents.filter((id) => !found.documentIds.includes(id))).toEqual([]);
      expect(links.addresses.filter((id) => !found.addressIds.includes(id))).toEqual([]);
      expect(links.shipments.filter((id) => other.shipments.includes(id))).toEqual([]);
    }
  });

  it('hides the other customer’s side of a sale billed to them', async () => {
    const saleId = toGlobalId('Order', crossBilled.saleId);
    const invoiceIds = crossBilled.invoiceIds.map((id) => toGlobalId('Invoice', id));
    const addressId = toGlobalId('Address', crossBilled.invoiceAddressId);
    // Jean's order: his, with his shipment; Marie's invoice and address are not his to see.
    const order = nodes(jeanReaches.orders).find((o) => o.id === saleId);
    expect(order?.reference).toBe('MAR-X1');
    expect(order?.shipments.map((s) => s.id)).toEqual(
      crossBilled.shipmentIds.map((id) => toGlobalId('Shipment', id)),
    );
    expect(order?.invoices).toEqual([]);
    expect(order?.invoiceAddress).toBeNull();
    expect(order?.shipmentAddress?.id).toBe(jeans.addressIds[0]);
    // Marie's invoice: hers; the order it bills is Jean's.
    const invoices = nodes(marieReaches.invoices).filter((i) => invoiceIds.includes(i.id));
    expect(invoices.map((i) => i.id)).toEqual(invoiceIds);
    for (const invoice of invoices) expect(invoice.orders).toEqual([]);
    expect(maries.addressIds).toContain(addressId);
    // And neither reaches the other's side by id, number or search.
    for (const [session, id] of [
      [marie, saleId],
      [jean, invoiceIds[0]],
      [jean, addressId],
    ] as const) {
      expect(ok(await session.query('query ($id: ID!) { node(id: $id) { id } }', { id }))).toEqual({
        node: null,
      });
    }
    expect(await searchNumbers(marie, 'orders', { search: 'MAR-X1' })).toEqual([]);
    for (const { number } of invoices) {
      const found = await searchNumbers(jean, 'invoices', { search: number });
      expect(found.sort()).toEqual(
        matching(jeans.invoiceNumbers, jeans.invoiceReferences, number).sort(),
      );
    }
  });

  it('pages documents over their own files only, whoever’s cursor is given', async () => {
    type Page = {
      viewer: {
        documents: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { id: string; relatedTo: string | null } }[];
        };
      };
    };
    const PAGE = `query ($after: String) { viewer { documents(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id relatedTo } } } } }`;
    const walk = async (session: GraphQLSession, start: string | null) => {
      const seen: { id: string; relatedTo: string | null }[] = [];
      let after = start;
      for (;;) {
        const { documents } = ok(await session.query<Page>(PAGE, { after })).viewer;
        seen.push(...nodes(documents));
        if (!documents.pageInfo.hasNextPage) return { seen, total: documents.totalCount };
        after = documents.pageInfo.endCursor;
      }
    };
    for (const [session, found, other] of [
      [marie, maries, jeans],
      [jean, jeans, maries],
    ] as const) {
      const { seen, total } = await walk(session, null);
      expect(total).toBe(found.documentIds.length);
      expect(seen.map((d) => d.id).sort()).toEqual([...found.documentIds].sort());
      const otherNumbers = [...other.orderNumbers, ...other.invoiceNumbers];
      const mentions = seen.filter((d) =>
        otherNumbers.some((n) => d.relatedTo?.split(' ').at(-1) === n),
      );
      expect(mentions).toEqual([]);
    }
    const jeansCursor = ok(await jean.query<Page>(PAGE, { after: null })).viewer.documents.pageInfo
      .endCursor;
    // A position in Jean's list: Marie's refuses it.
    const refused = await marie.query<Page>(PAGE, { after: jeansCursor });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mariesCursor = ok(await marie.query<Page>(PAGE, { after: null })).viewer.documents
      .pageInfo.endCursor;
    const { seen } = await walk(marie, mariesCursor);
    expect(seen).toHaveLength(maries.documentIds.length - 2);
    expect(seen.filter((d) => !maries.documentIds.includes(d.id))).toEqual([]);
  });

  it('shows an invoice’s attachments to its customer only, and names only their own records', async () => {
    type Related = { kind: string; number: string | null } | null;
    type Doc = { id: string; name: string; related: Related };
    const INVOICE = `query ($n: String!) { viewer { invoice(number: $n) {
      documents { id name related { kind number } } } } }`;
    const ORDER = `query ($n: String!) { viewer { order(number: $n) {
      documents { id name related { kind number } } } } }`;
    const LIST = `{ viewer { documents(first: 100) { edges { node {
      id name related { kind number } } } } } }`;
    const attached: Record<'marie' | 'jean', Doc[]> = { marie: [], jean: [] };
    for (const [who, session, found] of [
      ['marie', marie, maries],
      ['jean', jean, jeans],
    ] as const) {
      for (const number of found.invoiceNumbers) {
        const r = ok(
          await session.query<{ viewer: { invoice: { documents: Doc[] } } }>(INVOICE, {
            n: number,
          }),
        );
        for (const d of r.viewer.invoice.documents) {
          expect(d.related).toEqual({ kind: 'INVOICE', number });
          attached[who].push(d);
        }
      }
      expect(attached[who].filter((d) => !found.documentIds.includes(d.id))).toEqual([]);
    }
    // Marie's: the demo's delivery note and the file on the invoice billing Jean's sale.
    expect(attached.marie.map((d) => d.name).sort()).toEqual([
      'Marie X1.txt',
      'Relevé de livraison.txt',
    ]);
    expect(attached.jean).toEqual([]);
    // Jean's sale shows its own file, never the one on Marie's invoice that bills it.
    const saleNumber =
      jeans.orderNumbers[jeans.orderIds.indexOf(toGlobalId('Order', crossBilled.saleId))];
    const sale = ok(
      await jean.query<{ viewer: { order: { documents: Doc[] } } }>(ORDER, { n: saleNumber }),
    );
    expect(sale.viewer.order.documents.map((d) => [d.name, d.related])).toEqual([
      ['Jean X1.txt', { kind: 'ORDER', number: saleNumber }],
    ]);
    // Every document names a record of its own customer (or the account), never the other's.
    for (const [session, found, other] of [
      [marie, maries, jeans],
      [jean, jeans, maries],
    ] as const) {
      const list = ok(
        await session.query<{ viewer: { documents: { edges: { node: Doc }[] } } }>(LIST),
      ).viewer.documents.edges.map((e) => e.node);
      const own = [...found.orderNumbers, ...found.invoiceNumbers];
      const theirs = [...other.orderNumbers, ...other.invoiceNumbers];
      for (const { related } of list) {
        expect(related).not.toBeNull();
        if (related?.kind === 'ACCOUNT') expect(related.number).toBeNull();
        else expect(own).toContain(related?.number);
        expect(theirs).not.toContain(related?.number);
      }
    }
  });

  it('answers anonymous callers with nothing', async () => {
    const anonymous = stack.session();
    expect(ok(await anonymous.query('{ viewer { name } }'))).toEqual({ viewer: null });
    const node = await anonymous.query('query ($id: ID!) { node(id: $id) { id } }', {
      id: maries.orderIds[0],
    });
    expect(node.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
