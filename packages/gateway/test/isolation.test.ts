import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

interface Found {
  orderNumbers: string[];
  orderIds: string[];
  invoiceNumbers: string[];
  invoiceIds: string[];
  pdfUrls: string[];
  documentIds: string[];
  documentUrls: string[];
  addressIds: string[];
}

const EVERYTHING = `{ viewer {
  addresses { id }
  orders(first: 100) { edges { node { id number } } }
  invoices(first: 100) { edges { node { id number pdfUrl } } }
  documents(first: 100) { edges { node { id url } } }
} }`;

async function everything(session: GraphQLSession): Promise<Found> {
  const result = await session.query<{
    viewer: {
      addresses: { id: string }[];
      orders: { edges: { node: { id: string; number: string } }[] };
      invoices: { edges: { node: { id: string; number: string; pdfUrl: string } }[] };
      documents: { edges: { node: { id: string; url: string } }[] };
    };
  }>(EVERYTHING);
  const v = result.data?.viewer;
  if (!v) throw new Error(JSON.stringify(result.errors));
  return {
    orderNumbers: v.orders.edges.map((e) => e.node.number),
    orderIds: v.orders.edges.map((e) => e.node.id),
    invoiceNumbers: v.invoices.edges.map((e) => e.node.number),
    invoiceIds: v.invoices.edges.map((e) => e.node.id),
    pdfUrls: v.invoices.edges.map((e) => e.node.pdfUrl),
    documentIds: v.documents.edges.map((e) => e.node.id),
    documentUrls: v.documents.edges.map((e) => e.node.url),
    addressIds: v.addresses.map((a) => a.id),
  };
}

/** Every entry point that takes an id, a number, a cursor or a URL, tried with another customer's values. */
describe('isolation between customers', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  let jeans: Found;
  let maries: Found;

  beforeAll(async () => {
    stack = await startStack();
    marie = stack.session();
    jean = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    await jean.login(stack.tryton.customers.jean.email, stack.tryton.customers.jean.password);
    maries = await everything(marie);
    jeans = await everything(jean);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists only their own records, never drafts', () => {
    expect(maries.orderNumbers).toHaveLength(13);
    expect(jeans.orderNumbers).toHaveLength(4);
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
      expect(r.data).toEqual({ viewer: { order: null } });
    }
    for (const number of jeans.invoiceNumbers) {
      const r = await marie.query('query ($n: String!) { viewer { invoice(number: $n) { id } } }', {
        n: number,
      });
      expect(r.data).toEqual({ viewer: { invoice: null } });
    }
  });

  it('finds nothing by the other customer’s global ids', async () => {
    const ids = [...jeans.orderIds, ...jeans.invoiceIds, ...jeans.documentIds, ...jeans.addressIds];
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) {
      const r = await marie.query('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(r.data).toEqual({ node: null });
    }
    // Forged ids: another type, another customer, nonsense.
    const marieId = (await marie.query<{ viewer: { id: string } }>('{ viewer { id } }')).data
      ?.viewer.id;
    const forged = [
      marieId as string,
      Buffer.from('Order:999999').toString('base64url'),
      Buffer.from('Document:attachment-1').toString('base64url'),
    ];
    for (const id of forged) {
      const r = await jean.query('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(r.data?.node ?? null).toBeNull();
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

  it('refuses forged cursors, and a cursor gives the same customer’s next page only', async () => {
    const forged = await marie.query('{ viewer { orders(after: "eyJvIjoxfQ") { totalCount } } }');
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const page = await jean.query<{ viewer: { orders: { edges: { cursor: string }[] } } }>(
      '{ viewer { orders(first: 1) { edges { cursor } } } }',
    );
    const cursor = page.data?.viewer.orders.edges[0]?.cursor;
    const next = await marie.query<{
      viewer: { orders: { edges: { node: { number: string } }[] } };
    }>(
      'query ($c: String) { viewer { orders(first: 100, after: $c) { edges { node { number } } } } }',
      { c: cursor },
    );
    for (const edge of next.data?.viewer.orders.edges ?? [])
      expect(maries.orderNumbers).toContain(edge.node.number);
  });

  it('scopes API tokens to their customer, and one cannot revoke another’s', async () => {
    const created = await jean.query<{
      createApiToken: { token: string; apiToken: { id: string } };
    }>('mutation { createApiToken(name: "jean") { token apiToken { id } } }');
    const { token, apiToken } = created.data?.createApiToken ?? { token: '', apiToken: { id: '' } };
    const integrator = stack.session({ authorization: `Bearer ${token}` });
    const seen = await everything(integrator);
    expect(seen.orderNumbers.sort()).toEqual([...jeans.orderNumbers].sort());
    const revoked = await marie.query('mutation ($id: ID!) { revokeApiToken(id: $id) }', {
      id: apiToken.id,
    });
    expect(revoked.data).toEqual({ revokeApiToken: false });
    const tokens = await marie.query<{ viewer: { apiTokens: unknown[] } }>(
      '{ viewer { apiTokens { id } } }',
    );
    expect(tokens.data?.viewer.apiTokens).toEqual([]);
  });

  it('answers anonymous callers with nothing', async () => {
    const anonymous = stack.session();
    expect((await anonymous.query('{ viewer { name } }')).data).toEqual({ viewer: null });
    const node = await anonymous.query('query ($id: ID!) { node(id: $id) { id } }', {
      id: maries.orderIds[0],
    });
    expect(node.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
