import type { DemoCustomer, DemoTryton } from '@portal/demo-data';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../src/ids.js';
import { ok } from './support/customer-view.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

/**
 * `node(id:)` for the types that became Nodes: each customer finds their own records by
 * global id, and the other customer's ids give null (no error), exactly like missing ones.
 */

type Who = 'marie' | 'jean';
const WHO: Who[] = ['marie', 'jean'];
const OTHER: Record<Who, Who> = { marie: 'jean', jean: 'marie' };

interface LineView {
  id: string;
  description: string;
  amount: { amount: string; currency: string } | null;
  product: { id: string; name: string; code: string | null } | null;
}

/** A customer's ids of every new Node type, from their lists, with what the list shows. */
interface Owned {
  OrderLine: LineView[];
  InvoiceLine: LineView[];
  Shipment: { id: string; number: string | null; state: string }[];
  ContactMechanism: { id: string; type: string; value: string }[];
  Product: { id: string; name: string; code: string | null }[];
  ApiToken: { id: string; name: string }[];
}

const LINE = 'id description amount { amount currency } product { id name code }';
/** In three queries, each under the cost limit; every customer's records fit on one page. */
const ACCOUNT = '{ viewer { contactMechanisms { id type value } apiTokens { id name } } }';
const ORDERS = `{ viewer { orders(first: 20) { totalCount edges { node {
  lines { ${LINE} } shipments { id number state } } } } } }`;
const INVOICES = `{ viewer { invoices(first: 20) { totalCount edges { node { lines { ${LINE} } } } } } }`;

type Page<T> = { totalCount: number; edges: { node: T }[] };

async function owned(session: GraphQLSession): Promise<Owned> {
  const account = ok(
    await session.query<{
      viewer: { contactMechanisms: Owned['ContactMechanism']; apiTokens: Owned['ApiToken'] };
    }>(ACCOUNT),
  ).viewer;
  type OrderNode = { lines: LineView[]; shipments: Owned['Shipment'] };
  const orders = ok(await session.query<{ viewer: { orders: Page<OrderNode> } }>(ORDERS)).viewer
    .orders;
  const invoices = ok(
    await session.query<{ viewer: { invoices: Page<{ lines: LineView[] }> } }>(INVOICES),
  ).viewer.invoices;
  for (const page of [orders, invoices]) expect(page.edges).toHaveLength(page.totalCount);
  const orderLines = orders.edges.flatMap((e) => e.node.lines);
  const invoiceLines = invoices.edges.flatMap((e) => e.node.lines);
  const products = new Map(
    [...orderLines, ...invoiceLines].flatMap((l) => (l.product ? [[l.product.id, l.product]] : [])),
  );
  return {
    OrderLine: orderLines,
    InvoiceLine: invoiceLines,
    Shipment: orders.edges.flatMap((e) => e.node.shipments),
    ContactMechanism: account.contactMechanisms,
    Product: [...products.values()],
    ApiToken: account.apiTokens,
  };
}

/** What `node` gives for each type: enough to compare with the list. */
const NODE = `query ($id: ID!) { node(id: $id) {
  __typename id
  ... on OrderLine { ${LINE.replace('id ', '')} }
  ... on InvoiceLine { ${LINE.replace('id ', '')} }
  ... on Shipment { number state }
  ... on ContactMechanism { type value }
  ... on Product { name code }
  ... on ApiToken { name }
} }`;

async function node(session: GraphQLSession, id: string): Promise<Record<string, unknown> | null> {
  return ok(await session.query<{ node: Record<string, unknown> | null }>(NODE, { id })).node;
}

/** Products of the catalogue made for these tests, in Tryton ids. */
interface TestProducts {
  /** On a line of a new quotation of `owner`'s and nowhere else. */
  exclusive: number;
  /** On no line at all. */
  unsold: number;
}

/**
 * The demo data sells every product, and each of Jean's to Marie too: two copies of one of
 * `owner`'s products make one sold to `owner` only (on a copy of one of their sales, quoted)
 * and one never sold. Made as the admin before any read, so no cache holds an older view.
 */
async function testProducts(tryton: DemoTryton, owner: DemoCustomer): Promise<TestProducts> {
  const client = new TrytonClient({ url: tryton.url, database: tryton.database });
  await client.login(tryton.admin.login, tryton.admin.password);
  try {
    const sales = client.model('sale.sale');
    const [template] = await sales.search([['party', '=', owner.partyId]], { limit: 1 });
    const [saleId] = (await client.call('model.sale.sale.copy', [
      [template],
      { reference: 'NODE-X' },
    ])) as number[];
    const lines = client.model<{ id: number; product: number | null }>('sale.line');
    const [line] = await lines.searchRead(
      [
        ['sale', '=', saleId],
        ['product', '!=', null],
      ],
      ['product'],
      { limit: 1 },
    );
    if (saleId === undefined || !line?.product) throw new Error('test products: no sale line');
    const [product] = (await client
      .model('product.product')
      .read([line.product], ['template'])) as { template: number }[];
    const copy = async (name: string) => {
      const [copied] = (await client.call('model.product.template.copy', [
        [product?.template],
        { name },
      ])) as number[];
      const [id] = await client.model('product.product').search([['template', '=', copied]]);
      if (id === undefined) throw new Error('test products: the copy has no variant');
      return id;
    };
    const exclusive = await copy('Node test exclusive');
    const unsold = await copy('Node test unsold');
    await lines.write([line.id], { product: exclusive });
    await sales.button('quote', [saleId as number]);
    return { exclusive, unsold };
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}

const TYPES = [
  'OrderLine',
  'InvoiceLine',
  'Shipment',
  'ContactMechanism',
  'Product',
  'ApiToken',
] as const;

describe('node(id:) for lines, shipments, products, contact mechanisms and API tokens', () => {
  let stack: TestStack;
  const sessions = {} as Record<Who, GraphQLSession>;
  const mine = {} as Record<Who, Owned>;
  let products: TestProducts;

  beforeAll(async () => {
    stack = await startStack();
    products = await testProducts(stack.tryton, stack.tryton.customers.jean);
    for (const who of WHO) {
      const customer = stack.tryton.customers[who];
      sessions[who] = stack.session();
      ok(await sessions[who].login(customer.email, customer.password));
      ok(await sessions[who].query(`mutation { createApiToken(name: "${who} node") { token } }`));
      mine[who] = await owned(sessions[who]);
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('gives every type global ids of its own kind', () => {
    for (const who of WHO) {
      for (const type of TYPES) {
        const ids = mine[who][type].map((record) => record.id);
        expect(ids.length, `${who} ${type}`).toBeGreaterThan(0);
        for (const id of ids) expect(fromGlobalId(id).type).toBe(type);
      }
    }
  });

  it('finds each customer’s own records by id, as their lists show them', async () => {
    for (const who of WHO) {
      for (const type of TYPES) {
        for (const record of mine[who][type]) {
          expect(await node(sessions[who], record.id)).toEqual({ __typename: type, ...record });
        }
      }
    }
  });

  it('gives null, not an error, for the other customer’s ids', async () => {
    for (const who of WHO) {
      const theirs = mine[OTHER[who]];
      const mineToo = new Set(mine[who].Product.map((p) => p.id));
      for (const type of TYPES) {
        // A product on both customers' lines is both's to see: catalogue data, not a record.
        const ids = theirs[type].map((r) => r.id).filter((id) => !mineToo.has(id));
        expect(ids.length, `${who} ${type}`).toBeGreaterThan(0);
        for (const id of ids) expect(await node(sessions[who], id), `${type} ${id}`).toBeNull();
      }
    }
  });

  it('finds a product only through the customer’s own lines, never from the catalogue', async () => {
    const exclusive = toGlobalId('Product', products.exclusive);
    expect(mine.jean.Product.map((p) => p.id)).toContain(exclusive);
    expect(await node(sessions.jean, exclusive)).toMatchObject({ name: 'Node test exclusive' });
    expect(await node(sessions.marie, exclusive)).toBeNull();
    for (const key of [products.unsold, 999_999]) {
      for (const who of WHO)
        expect(await node(sessions[who], toGlobalId('Product', key))).toBeNull();
    }
  });

  it('finds an API token in the owner’s browser session only, not with a bearer token', async () => {
    const created = ok(
      await sessions.jean.query<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        'mutation { createApiToken(name: "bearer") { token apiToken { id } } }',
      ),
    ).createApiToken;
    expect(await node(sessions.jean, created.apiToken.id)).toMatchObject({ name: 'bearer' });
    const integrator = stack.session({ authorization: `Bearer ${created.token}` });
    expect(await node(integrator, created.apiToken.id)).toBeNull();
    expect(await node(sessions.marie, created.apiToken.id)).toBeNull();
  });

  it('refuses a key that is not a Tryton id, and answers anonymous callers UNAUTHENTICATED', async () => {
    for (const type of TYPES) {
      const r = await sessions.marie.query(NODE, { id: toGlobalId(type, 'x') });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const id = mine.marie.Shipment[0]?.id;
    const anonymous = await stack.session().query(NODE, { id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
