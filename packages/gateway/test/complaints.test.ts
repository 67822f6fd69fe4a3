import { randomUUID } from 'node:crypto';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRef, listOrders, signedIn } from './support/demo-orders.js';
import { TestRedis } from './support/redis-server.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const ORDER_FIELDS = 'id number reference state version lines { id product { code } }';
const COMPLAINTS = `query ($n: String!) { viewer { order(number: $n) { id complaints {
  id number state typeName description answer date line { id product { code } }
  files { name size contentType url } } } } }`;
const TYPES = 'query { complaintTypes { id name target } }';
const FILE = `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) {
  replayed order { id number } complaints { id state typeName description line { id } files { name } } } }`;

interface OrderNode {
  id: string;
  number: string;
  reference: string | null;
  state: string;
  version: string;
  lines: { id: string; product: { code: string } | null }[];
}
interface ComplaintTypeNode {
  id: string;
  name: string;
  target: 'ORDER' | 'LINES';
}
type Errors = { extensions?: Record<string, unknown> }[] | undefined;
const code = (errors: Errors) => errors?.[0]?.extensions?.code;
const fieldErrors = (errors: Errors) =>
  ((errors?.[0]?.extensions?.fieldErrors ?? []) as { field: string; code: string }[]).map((e) => [
    e.field,
    e.code,
  ]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);
const COMPANY_MAIL = 'commandes@comptoir-lyonnais.example.fr';

/** Complaints on orders against the real Tryton: isolation, checks, idempotency, e-mail. */
describe('complaints', () => {
  let stack: TestStack;
  let redis: TestRedis;
  let admin: TrytonClient;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  let maries: OrderNode[];
  let jeans: OrderNode[];
  let types: ComplaintTypeNode[];

  const type = (target: 'ORDER' | 'LINES') => {
    const found = types.find((t) => t.target === target);
    if (!found) throw new Error(`no type about ${target}`);
    return found.id;
  };
  /** What Tryton holds, read as its admin: the proof of what was (not) written. */
  const inTryton = async () => ({
    complaints: await admin.model('sale.complaint').searchCount([]),
    files: await admin
      .model('ir.attachment')
      .searchCount([['resource', 'like', 'sale.complaint,%']]),
  });

  beforeAll(async () => {
    redis = await TestRedis.start();
    stack = await startStack({ CACHE_TTL_SECONDS: '60', REDIS_URL: redis.url });
    admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
    const { customers } = stack.tryton;
    marie = await signedIn(stack, customers.marie);
    jean = await signedIn(stack, customers.jean);
    maries = await listOrders<OrderNode>(marie, ORDER_FIELDS);
    jeans = await listOrders<OrderNode>(jean, ORDER_FIELDS);
    const r = await marie.query<{ complaintTypes: ComplaintTypeNode[] }>(TYPES);
    expect(r.errors).toBeUndefined();
    types = r.data?.complaintTypes ?? [];
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
    await redis?.close();
  });

  it('lists the kinds of problem about an order or its lines, not the others', () => {
    expect(types.map((t) => [t.name, t.target])).toEqual([
      ['Colis incomplet', 'ORDER'],
      ['Livraison en retard', 'ORDER'],
      ['Marchandise abîmée', 'LINES'],
      ['Produit non conforme', 'LINES'],
    ]);
  });

  it("shows an order's complaint, its state and the company's answer", async () => {
    const order = byRef(maries, 'DUP-2607-G');
    const r = await marie.query<{
      viewer: { order: { complaints: Record<string, unknown>[] } };
    }>(COMPLAINTS, { n: order.number });
    expect(r.errors).toBeUndefined();
    const [complaint] = r.data?.viewer.order.complaints ?? [];
    expect(complaint).toMatchObject({
      typeName: 'Marchandise abîmée',
      answer: expect.stringContaining('sac de remplacement'),
      line: { product: { code: 'SEL-GUE' } },
      files: [],
    });
    expect(['ACCEPTED', 'RESOLVED']).toContain(complaint?.state);
    // Jean sees none of it, even by the complaint's id.
    const node = await jean.query<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: complaint?.id,
    });
    expect(node.errors).toBeUndefined();
    expect(node.data?.node).toBeNull();
  });

  it("refuses another customer's order or lines as NOT_FOUND, and writes nothing", async () => {
    const maries1 = byRef(maries, 'DUP-2606-H');
    const jeans1 = jeans.find((o) => o.state === 'DONE' || o.state === 'PROCESSING');
    if (!jeans1) throw new Error('Jean has no order to complain about');
    const before = await inTryton();
    const mails = stack.tryton.mailbox.messages.length;
    const attempts = [
      jean.query(FILE, {
        input: {
          orderId: maries1.id,
          version: maries1.version,
          idempotencyKey: randomUUID(),
          typeId: type('ORDER'),
          description: 'Pas à moi',
          files: [{ name: 'a.txt', contentBase64: Buffer.from('a').toString('base64') }],
        },
      }),
      jean.query(FILE, {
        input: {
          orderId: maries1.id,
          version: maries1.version,
          idempotencyKey: randomUUID(),
          typeId: type('LINES'),
          description: 'Pas à moi',
          lineIds: [maries1.lines[0]?.id],
        },
      }),
      // His own order, with one of Marie's lines.
      jean.query(FILE, {
        input: {
          orderId: jeans1.id,
          version: jeans1.version,
          idempotencyKey: randomUUID(),
          typeId: type('LINES'),
          description: 'Pas à moi',
          lineIds: [jeans1.lines[0]?.id, maries1.lines[0]?.id],
        },
      }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(code(r.errors)).toBe('NOT_FOUND');
      expect(r.data).toBeNull();
    }
    expect(await inTryton()).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.tryton.mailbox.messages.length).toBe(mails);
    const anonymous = await stack.session().query(FILE, {
      input: {
        orderId: maries1.id,
        version: maries1.version,
        idempotencyKey: randomUUID(),
        typeId: type('ORDER'),
        description: 'x',
      },
    });
    expect(code(anonymous.errors)).toBe('UNAUTHENTICATED');
  });

  it('files one complaint per line with its photo, tells the company, and replays a retry', async () => {
    const order = byRef(maries, 'DUP-2606-H');
    const before = await inTryton();
    const input = {
      orderId: order.id,
      version: order.version,
      idempotencyKey: randomUUID(),
      typeId: type('LINES'),
      description: 'Deux cartons écrasés à la livraison.',
      lineIds: order.lines.map((l) => l.id),
      files: [{ name: 'carton.png', contentBase64: PNG.toString('base64') }],
    };
    // Read first: the answer must show the new complaints, not a cached empty list.
    await marie.query(COMPLAINTS, { n: order.number });
    const r = await marie.query<{
      fileComplaint: {
        replayed: boolean;
        complaints: { state: string; line: { id: string }; files: { name: string }[] }[];
      };
    }>(FILE, { input });
    expect(r.errors).toBeUndefined();
    const filed = r.data?.fileComplaint;
    expect(filed?.replayed).toBe(false);
    expect(filed?.complaints.map((c) => c.line.id).sort()).toEqual(
      order.lines.map((l) => l.id).sort(),
    );
    expect(filed?.complaints.every((c) => c.state === 'SUBMITTED')).toBe(true);
    expect(filed?.complaints[0]?.files).toEqual([{ name: 'carton.png' }]);
    const after = await inTryton();
    expect(after.complaints).toBe(before.complaints + order.lines.length);
    expect(after.files).toBe(before.files + order.lines.length);
    const rows = (await admin
      .model('sale.complaint')
      .searchRead([['description', '=', input.description]], ['state', 'portal_web_user'])) as {
      state: string;
      portal_web_user: number;
    }[];
    expect(rows.map((row) => row.state)).toEqual(rows.map(() => 'waiting'));
    expect(rows[0]?.portal_web_user).toBeTypeOf('number');
    const mail = await stack.tryton.mailbox.waitFor(COMPANY_MAIL, {
      subject: new RegExp(`Complaint on ${order.number}`),
      timeoutMs: 10_000,
    });
    expect(mail.text).toContain('Deux cartons écrasés');

    // The order shows them at once (its cached reads were forgotten).
    const shown = await marie.query<{ viewer: { order: { complaints: unknown[] } } }>(COMPLAINTS, {
      n: order.number,
    });
    expect(shown.data?.viewer.order.complaints).toHaveLength(order.lines.length);

    const again = await marie.query<{ fileComplaint: { replayed: boolean } }>(FILE, { input });
    expect(again.data?.fileComplaint.replayed).toBe(true);
    expect(await inTryton()).toEqual(after);
    const reused = await marie.query(FILE, { input: { ...input, description: 'Autre chose' } });
    expect(code(reused.errors)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a quotation, a kind of problem about something else, bad text and files', async () => {
    const done = byRef(maries, 'DUP-2605-J');
    const quotation = maries.find((o) => o.state === 'QUOTATION');
    if (!quotation) throw new Error('Marie has no quotation');
    const before = await inTryton();
    const base = {
      orderId: done.id,
      version: done.version,
      typeId: type('ORDER'),
      description: 'Livré avec trois jours de retard.',
    };
    const file = async (input: Record<string, unknown>) =>
      (await marie.query(FILE, { input: { ...base, idempotencyKey: randomUUID(), ...input } }))
        .errors;

    const state = await file({ orderId: quotation.id, version: quotation.version });
    expect(code(state)).toBe('INVALID_STATE');
    // The order as shown is no longer the order: CONFLICT with the current version.
    const stale = await file({
      version: Buffer.from('v1:2001-01-01T00:00:00.000000Z').toString('base64url'),
    });
    expect(code(stale)).toBe('CONFLICT');
    const current = (stale?.[0]?.extensions as Record<string, unknown> | undefined)?.current;
    expect((current as { version?: string } | undefined)?.version).toBe(done.version);
    const mismatch = await file({ lineIds: [done.lines[0]?.id] });
    expect(fieldErrors(mismatch)).toEqual([['typeId', 'INVALID_TYPE']]);
    expect(fieldErrors(await file({ description: '  ' }))).toEqual([['description', 'REQUIRED']]);
    expect(fieldErrors(await file({ description: 'x'.repeat(5001) }))).toEqual([
      ['description', 'TOO_LONG'],
    ]);
    const files = await file({
      files: [
        { name: 'photo.exe', contentBase64: PNG.toString('base64') },
        { name: 'facture.pdf', contentBase64: Buffer.from('MZ\x90\x00').toString('base64') },
        // Over 10 MB: the customer's larger body limit lets it reach the check.
        {
          name: 'gros.txt',
          contentBase64: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61).toString('base64'),
        },
      ],
    });
    expect(fieldErrors(files)).toEqual([
      ['files.0', 'FILE_TYPE_NOT_ALLOWED'],
      ['files.1', 'FILE_TYPE_NOT_ALLOWED'],
      ['files.2', 'FILE_TOO_LARGE'],
    ]);
    expect(await inTryton()).toEqual(before);
  });

  it('keeps the small body limit for anonymous requests', async () => {
    const body = JSON.stringify({ query: TYPES, variables: { pad: 'a'.repeat(200 * 1024) } });
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
  });
});
