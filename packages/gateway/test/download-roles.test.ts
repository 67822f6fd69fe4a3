import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const FILES = `{ viewer {
  invoices(first: 2) { edges { node { id pdfUrl } } }
  documents(first: 50) { edges { node { kind url } } } } }`;
const CREATE_TOKEN = `mutation ($n: String!, $s: [Scope!]) {
  createApiToken(name: $n, scopes: $s) { token } }`;

type Files = {
  viewer: {
    invoices: { edges: { node: { id: string; pdfUrl: string } }[] };
    documents: { edges: { node: { kind: string; url: string } }[] };
  };
};

/** The JSON error of a refused download or export. */
async function errorOf(response: Response): Promise<Record<string, unknown>> {
  return ((await response.json()) as { error: Record<string, unknown> }).error;
}

/**
 * Downloads and exports follow the member's role and the API token's scopes (issue 16), as
 * the GraphQL fields reading the same data do, against the real Tryton: a credential without
 * the read permission gets 403 FORBIDDEN and costs no Tryton call for the file; one with it
 * still gets the file; another customer's file stays refused.
 */
describe('downloads and exports by role and token scopes', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let buyer: GraphQLSession;
  let accountant: GraphQLSession;
  let invoice: { id: string; pdfUrl: string };
  let attachmentUrl: string;
  let jeansPdf: string;
  let jeansAttachment: string;

  beforeAll(async () => {
    // Credential checks cached: a refused file asks Tryton nothing at all.
    stack = await startStack({ CACHE_TTL_SECONDS: '60' });
    const { customers, members } = stack.tryton;
    marie = stack.session();
    buyer = stack.session();
    accountant = stack.session();
    const jean = stack.session();
    expect((await marie.login(customers.marie.email, customers.marie.password)).errors).toBe(
      undefined,
    );
    expect((await buyer.login(members.buyer.email, members.buyer.password)).errors).toBe(undefined);
    expect(
      (await accountant.login(members.accountant.email, members.accountant.password)).errors,
    ).toBeUndefined();
    expect((await jean.login(customers.jean.email, customers.jean.password)).errors).toBe(
      undefined,
    );
    const files = (await marie.query<Files>(FILES)).data?.viewer;
    invoice = files?.invoices.edges[0]?.node as { id: string; pdfUrl: string };
    attachmentUrl = files?.documents.edges.find((e) => e.node.kind === 'ATTACHMENT')?.node
      .url as string;
    const jeans = (await jean.query<Files>(FILES)).data?.viewer;
    jeansPdf = jeans?.invoices.edges[0]?.node.pdfUrl as string;
    jeansAttachment = jeans?.documents.edges.find((e) => e.node.kind === 'ATTACHMENT')?.node
      .url as string;
    expect([invoice?.pdfUrl, attachmentUrl, jeansPdf, jeansAttachment].every(Boolean)).toBe(true);
    // Each credential checked once, hence cached: from here a request asks Tryton for data only.
    for (const session of [marie, buyer, accountant]) await session.query('{ viewer { email } }');
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  /** GETs `path` and asserts 403 FORBIDDEN with `role`, and no Tryton call at all. */
  async function refused(session: GraphQLSession, path: string, role: string, needed: string) {
    const before = stack.calls.length;
    const response = await session.get(path);
    expect(response.status, path).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'FORBIDDEN', role, needed: [needed] });
    expect(error.message).toContain('does not allow');
    expect(stack.calls.slice(before), `${path} asked Tryton`).toEqual([]);
  }

  it('a buyer gets no invoice PDF, invoice export nor document; still its orders CSV', async () => {
    await refused(buyer, invoice.pdfUrl, 'BUYER', 'invoices:read');
    await refused(
      buyer,
      `/downloads/exports/invoices.zip?ids=${invoice.id}`,
      'BUYER',
      'invoices:read',
    );
    await refused(buyer, '/downloads/exports/invoices.csv', 'BUYER', 'invoices:read');
    await refused(buyer, attachmentUrl, 'BUYER', 'documents:read');
    const orders = await buyer.get('/downloads/exports/orders.csv');
    expect(orders.status).toBe(200);
    expect(orders.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('an accountant gets invoices and documents, not the orders CSV', async () => {
    const pdf = await accountant.get(invoice.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const zip = await accountant.get(`/downloads/exports/invoices.zip?ids=${invoice.id}`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect((await accountant.get('/downloads/exports/invoices.csv')).status).toBe(200);
    expect((await accountant.get(attachmentUrl)).status).toBe(200);
    await refused(accountant, '/downloads/exports/orders.csv', 'ACCOUNTANT', 'orders:read');
  });

  it('an API token holds only its scopes, even an administrator’s', async () => {
    const created = await marie.query<{ createApiToken: { token: string } }>(CREATE_TOKEN, {
      n: 'orders only',
      s: ['ORDERS_READ'],
    });
    expect(created.errors).toBeUndefined();
    const token = stack.session({
      authorization: `Bearer ${created.data?.createApiToken.token}`,
    });
    expect((await token.get('/downloads/exports/orders.csv')).status).toBe(200);
    await refused(token, invoice.pdfUrl, 'ADMINISTRATOR', 'invoices:read');
    await refused(token, attachmentUrl, 'ADMINISTRATOR', 'documents:read');
    await refused(
      token,
      `/downloads/exports/invoices.zip?ids=${invoice.id}`,
      'ADMINISTRATOR',
      'invoices:read',
    );
    // The administrator's own session still has every file.
    expect((await marie.get(invoice.pdfUrl)).status).toBe(200);
    expect((await marie.get(attachmentUrl)).status).toBe(200);
  });

  it('another customer’s file stays refused, whatever the role', async () => {
    // Allowed to read invoices and documents: Jean's are not found, as unknown ones are.
    for (const path of [jeansPdf, jeansAttachment]) {
      const response = await accountant.get(path);
      expect(response.status, path).toBe(404);
      expect((await errorOf(response)).code).toBe('NOT_FOUND');
    }
    // Not allowed to read them at all: FORBIDDEN before anything is looked up.
    await refused(buyer, jeansPdf, 'BUYER', 'invoices:read');
    await refused(buyer, jeansAttachment, 'BUYER', 'documents:read');
  });
});
