import { randomUUID } from 'node:crypto';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRef, listOrders, signedIn } from './support/demo-orders.js';
import { type Replicas, startReplicas } from './support/replicas.js';
import type { GraphQLSession, Replica } from './support/stack.js';

const ORDER = `query ($n: String!) { viewer { order(number: $n) {
  id number state version lines { product { code } quantity } } } }`;
const ORDER_FIELDS = 'id number reference state version';
const ACCEPT = `mutation ($input: AcceptQuotationInput!) { acceptQuotation(input: $input) {
  replayed order { id number state version } } }`;
const DECLINE = `mutation ($input: DeclineQuotationInput!) { declineQuotation(input: $input) {
  replayed order { id number state version } } }`;
const REORDER = `mutation ($input: ReorderInput!) { reorder(input: $input) {
  replayed leftOut { name quantity } order { id number state lines { product { code } quantity } } } }`;

interface OrderNode {
  id: string;
  number: string;
  reference: string | null;
  state: string;
  version: string;
}

type Errors = { extensions?: Record<string, unknown> }[] | undefined;
const code = (errors: Errors) => errors?.[0]?.extensions?.code;

/** Every customer write against the real Tryton: isolation, idempotency, concurrency, cache. */
describe('customer writes', () => {
  let stack: Replicas;
  let admin: TrytonClient;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  /** Marie through the second replica. */
  let marieThere: GraphQLSession;
  let maries: OrderNode[];
  let jeans: OrderNode[];

  const orders = (session: GraphQLSession, states?: string[]) =>
    listOrders<OrderNode>(session, ORDER_FIELDS, states ? { states } : {});
  /** What Tryton holds, read as its admin: the proof of what was (not) written. */
  const inTryton = async (reference: string) => {
    const [sale] = (await admin
      .model('sale.sale')
      .searchRead([['reference', '=', reference]], ['state', 'write_date'])) as {
      id: number;
      state: string;
      write_date: unknown;
    }[];
    if (!sale) throw new Error(`no sale ${reference}`);
    const answers = await admin.model('portal.sale.answer').searchCount([['sale', '=', sale.id]]);
    return { state: sale.state, writeDate: String(sale.write_date), answers };
  };
  const saleCount = () => admin.model('sale.sale').searchCount([]);

  beforeAll(async () => {
    stack = await startReplicas(2, { env: { CACHE_TTL_SECONDS: '60' } });
    admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
    const { customers } = stack.tryton;
    marie = await signedIn(stack, customers.marie);
    jean = await signedIn(stack, customers.jean);
    marieThere = (stack.replicas[1] as Replica).session();
    marieThere.cookie = marie.cookie;
    maries = await orders(marie);
    jeans = await orders(jean);
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it("refuses every write on another customer's order as NOT_FOUND, and writes nothing", async () => {
    const quotation = byRef(maries, 'DUP-2611-A');
    const past = byRef(maries, 'DUP-2603-K');
    const before = await inTryton('DUP-2611-A');
    const sales = await saleCount();
    const attempts = [
      jean.query(ACCEPT, {
        input: {
          orderId: quotation.id,
          version: quotation.version,
          idempotencyKey: randomUUID(),
          name: 'Jean',
          acceptTerms: true,
        },
      }),
      jean.query(DECLINE, {
        input: { orderId: quotation.id, version: quotation.version, idempotencyKey: randomUUID() },
      }),
      jean.query(REORDER, { input: { orderId: past.id, idempotencyKey: randomUUID() } }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(code(r.errors)).toBe('NOT_FOUND');
      expect(r.data).toBeNull();
    }
    expect(await inTryton('DUP-2611-A')).toEqual(before);
    expect(await saleCount()).toBe(sales);
    // Not signed in: nothing either.
    const anonymous = await stack.session().query(REORDER, {
      input: { orderId: past.id, idempotencyKey: randomUUID() },
    });
    expect(code(anonymous.errors)).toBe('UNAUTHENTICATED');
  });

  it('accepts a quotation once under a double submit, tells the company, and every replica shows it', async () => {
    const quotation = byRef(maries, 'DUP-2611-A');
    // Both replicas and Jean have their views cached.
    const seenThere = await marieThere.query(ORDER, { n: quotation.number });
    expect(seenThere.data).toMatchObject({ viewer: { order: { state: 'QUOTATION' } } });
    await orders(jean);
    const input = {
      orderId: quotation.id,
      version: quotation.version,
      idempotencyKey: randomUUID(),
      name: 'Marie Dupont',
      poReference: 'BC-2026-118',
      acceptTerms: true,
    };
    const [a, b] = await Promise.all([
      marie.query<{ acceptQuotation: { replayed: boolean; order: OrderNode } }>(ACCEPT, { input }),
      marieThere.query<{ acceptQuotation: { replayed: boolean; order: OrderNode } }>(ACCEPT, {
        input,
      }),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const results = [a.data?.acceptQuotation, b.data?.acceptQuotation];
    expect(results.map((r) => r?.replayed).sort()).toEqual([false, true]);
    expect(results[0]?.order.id).toBe(quotation.id);
    expect(['CONFIRMED', 'PROCESSING']).toContain(results[0]?.order.state);
    const tryton = await inTryton('DUP-2611-A');
    expect(tryton.answers).toBe(1);
    expect(['confirmed', 'processing']).toContain(tryton.state);
    const mail = await stack.tryton.mailbox.waitFor('commandes@comptoir-lyonnais.example.fr', {
      subject: /accepted/,
      timeoutMs: 10_000,
    });
    expect(mail.text).toContain('BC-2026-118');
    expect(stack.tryton.mailbox.messages.filter((m) => /accepted/.test(m.subject))).toHaveLength(1);

    // The other replica forgot Marie's orders: it shows the change at once.
    const after = await marieThere.query<{ viewer: { order: OrderNode } }>(ORDER, {
      n: quotation.number,
    });
    expect(['CONFIRMED', 'PROCESSING']).toContain(after.data?.viewer.order.state);
    // Jean's cached orders were not touched: read again, no Tryton call for them.
    stack.calls.length = 0;
    await orders(jean);
    expect(stack.calls.filter((c) => c.model === 'sale.sale')).toEqual([]);

    // The same key and input later: the first answer again; another input: refused.
    const again = await marie.query<{ acceptQuotation: { replayed: boolean } }>(ACCEPT, {
      input,
    });
    expect(again.data?.acceptQuotation.replayed).toBe(true);
    const reused = await marie.query(ACCEPT, { input: { ...input, name: 'Quelqu’un' } });
    expect(code(reused.errors)).toBe('IDEMPOTENCY_KEY_REUSED');
    // A new key on a confirmed order: not a quotation any more.
    const fresh = await marie.query(ACCEPT, {
      input: { ...input, idempotencyKey: randomUUID(), version: after.data?.viewer.order.version },
    });
    expect(code(fresh.errors)).toBe('INVALID_STATE');
    expect((await inTryton('DUP-2611-A')).answers).toBe(1);
  });

  it('refuses a stale version with CONFLICT and the current state, then declines with the fresh one', async () => {
    const quotation = byRef(jeans, 'MAR-Q1');
    const [row] = (await admin
      .model('sale.sale')
      .search([['reference', '=', 'MAR-Q1']])) as number[];
    // The company changes the quotation after Jean saw it.
    await admin.model('sale.sale').write([row as number], { comment: 'Prix revus' });
    const stale = await jean.query(DECLINE, {
      input: {
        orderId: quotation.id,
        version: quotation.version,
        idempotencyKey: randomUUID(),
        reason: 'Trop cher',
      },
    });
    expect(code(stale.errors)).toBe('CONFLICT');
    const extensions = stale.errors?.[0]?.extensions as Record<string, unknown> | undefined;
    const current = extensions?.current as { state: string; version: string };
    expect(current.state).toBe('QUOTATION');
    expect(current.version).not.toBe(quotation.version);
    expect((await inTryton('MAR-Q1')).state).toBe('quotation');

    const declined = await jean.query<{ declineQuotation: { order: OrderNode } }>(DECLINE, {
      input: {
        orderId: quotation.id,
        version: current.version,
        idempotencyKey: randomUUID(),
        reason: 'Trop cher',
      },
    });
    expect(declined.errors).toBeUndefined();
    expect(declined.data?.declineQuotation.order.state).toBe('CANCELLED');
    expect(await inTryton('MAR-Q1')).toMatchObject({ state: 'cancelled', answers: 1 });
  });

  it('refuses bad input field by field, and an expired quotation', async () => {
    const late = byRef(maries, 'DUP-2610-B');
    const input = {
      orderId: late.id,
      version: late.version,
      idempotencyKey: randomUUID(),
      name: ' ',
      acceptTerms: false,
    };
    const invalid = await marie.query(ACCEPT, { input });
    expect(code(invalid.errors)).toBe('VALIDATION_FAILED');
    const extensions = invalid.errors?.[0]?.extensions as Record<string, unknown> | undefined;
    const fields = ((extensions?.fieldErrors ?? []) as { field: string }[]).map((e) => e.field);
    expect(fields.sort()).toEqual(['name', 'terms']);
    const expired = await marie.query(ACCEPT, {
      input: { ...input, name: 'Marie', acceptTerms: true },
    });
    // 7.0 answers its full version ("7.0.30"), later series their series ("7.6").
    if ((await admin.serverVersion()).startsWith('7.0')) {
      // No quotation validity before 7.2: accepted.
      expect(expired.errors).toBeUndefined();
    } else {
      expect(code(expired.errors)).toBe('QUOTATION_EXPIRED');
      expect((await inTryton('DUP-2610-B')).state).toBe('quotation');
    }
  });

  it('re-orders a past order as a request awaiting review, leaving out what is no longer sold', async () => {
    const past = byRef(maries, 'DUP-2603-K');
    const sales = await saleCount();
    const key = randomUUID();
    const [first, second] = await Promise.all([
      marie.query<{
        reorder: {
          replayed: boolean;
          leftOut: { name: string; quantity: number }[];
          order: { id: string; number: string; state: string; lines: unknown[] };
        };
      }>(REORDER, { input: { orderId: past.id, idempotencyKey: key } }),
      marieThere.query<{ reorder: { order: { id: string } } }>(REORDER, {
        input: { orderId: past.id, idempotencyKey: key },
      }),
    ]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(await saleCount()).toBe(sales + 1);
    const made = first.data?.reorder;
    expect(second.data?.reorder.order.id).toBe(made?.order.id);
    expect(made?.order.state).toBe('REQUESTED');
    expect(made?.order.lines).toEqual([
      { product: { code: 'THE-SEN' }, quantity: 2.25 },
      { product: { code: 'CON-ABR' }, quantity: 24 },
    ]);
    expect(made?.leftOut).toEqual([
      { name: expect.stringContaining('Biscuits sablés'), quantity: 12 },
    ]);
    // In Marie's orders on both replicas, awaiting review; never in Jean's.
    for (const session of [marie, marieThere]) {
      const requested = await orders(session, ['REQUESTED']);
      expect(requested.map((o) => o.number)).toContain(made?.order.number);
    }
    expect((await orders(jean)).map((o) => o.id)).not.toContain(made?.order.id);
  });
});
