import { TrytonClient, UserError } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoTryton,
  seedLoadCustomers,
  startDemoTryton,
  WHOLESALER_SALES,
} from '../src/index.js';

describe('the demo database', () => {
  let tryton: DemoTryton;
  let admin: TrytonClient;
  let gateway: TrytonClient;

  beforeAll(async () => {
    tryton = await startDemoTryton();
    admin = new TrytonClient({ url: tryton.url, database: tryton.database });
    await admin.login(tryton.admin.login, tryton.admin.password);
    gateway = new TrytonClient({ url: tryton.url, database: tryton.database });
    await gateway.login(tryton.gateway.login, tryton.gateway.password);
  });
  afterAll(async () => {
    await admin?.close();
    await gateway?.close();
    await tryton?.stop();
  });

  const login = async (email: string, password: string) =>
    (await gateway.call('model.portal.gateway.login', [email, password])) as {
      status: string;
      session?: string;
    };

  it('gives Marie sales in every state, drafts included', async () => {
    const rows = (await admin
      .model('sale.sale')
      .searchRead([['party', '=', tryton.customers.marie.partyId]], ['state'])) as {
      state: string;
    }[];
    const states = new Set(rows.map((r) => r.state));
    for (const state of ['draft', 'quotation', 'confirmed', 'processing', 'done', 'cancelled']) {
      expect(states).toContain(state);
    }
  });

  it('gives Marie posted, paid and partly paid invoices rendered as PDF', async () => {
    const invoices = (await admin
      .model('account.invoice')
      .searchRead(
        [['party', '=', tryton.customers.marie.partyId]],
        ['state', 'total_amount', 'amount_to_pay', 'number'],
      )) as {
      state: string;
      total_amount: { cmp(o: unknown): number };
      amount_to_pay: { isZero(): boolean; cmp(o: unknown): number };
    }[];
    expect(invoices.some((i) => i.state === 'paid')).toBe(true);
    expect(
      invoices.some((i) => i.state === 'posted' && i.amount_to_pay.cmp(i.total_amount) === 0),
    ).toBe(true);
    expect(
      invoices.some(
        (i) =>
          i.state === 'posted' &&
          !i.amount_to_pay.isZero() &&
          i.amount_to_pay.cmp(i.total_amount) < 0,
      ),
    ).toBe(true);
  });

  it('keeps attachments with their content (filestore copied with the database)', async () => {
    const rows = (await admin.model('ir.attachment').searchRead([], ['name', 'data'])) as {
      name: string;
      data: Uint8Array | null;
    }[];
    expect(rows.length).toBe(5);
    for (const row of rows) expect(row.data?.byteLength).toBeGreaterThan(0);
  });

  it('gives the wholesaler more than 500 sales', async () => {
    const count = await admin
      .model('sale.sale')
      .searchCount([['party', '=', tryton.customers.wholesaler.partyId]]);
    expect(count).toBe(WHOLESALER_SALES);
  });

  it('lets each customer log in through the gateway user, and scopes reads to them', async () => {
    const marie = await login(tryton.customers.marie.email, tryton.customers.marie.password);
    const jean = await login(tryton.customers.jean.email, tryton.customers.jean.password);
    expect(marie.status).toBe('ok');
    expect(jean.status).toBe('ok');
    const sales = gateway.model<{ party: number; state: string }>('sale.sale');
    const marieSales = await sales.searchRead([], ['party', 'state'], {
      context: { portal_session: marie.session },
    });
    expect(marieSales.length).toBe(13);
    expect(new Set(marieSales.map((s) => s.party))).toEqual(
      new Set([tryton.customers.marie.partyId]),
    );
    expect(marieSales.some((s) => s.state === 'draft')).toBe(false);

    const jeanSale = (
      await sales.search([], { context: { portal_session: jean.session }, limit: 1 })
    )[0];
    await expect(
      sales.read([jeanSale as number], ['number'], { context: { portal_session: marie.session } }),
    ).rejects.toBeInstanceOf(UserError);
    expect(await sales.search([], {})).toEqual([]);
  });

  it("adds the load harness's customers, each signing in to its own orders only", async () => {
    const accounts = await seedLoadCustomers(admin, { count: 3, ordersEach: 2 });
    expect(accounts.map((a) => a.email)).toEqual([
      'load-1@example.test',
      'load-2@example.test',
      'load-3@example.test',
    ]);
    const sales = gateway.model<{ party: number; state: string; sale_date: unknown }>('sale.sale');
    const parties = new Set<number>();
    for (const account of accounts) {
      const session = await login(account.email, account.password);
      expect(session.status).toBe('ok');
      const own = await sales.searchRead([], ['party', 'state', 'sale_date'], {
        context: { portal_session: session.session },
      });
      expect(own.map((s) => s.state).sort()).toEqual(['confirmed', 'quotation']);
      expect(own.every((s) => s.sale_date !== null)).toBe(true);
      expect(new Set(own.map((s) => s.party)).size).toBe(1);
      parties.add(own[0]?.party as number);
    }
    expect(parties.size).toBe(3);
    expect(parties.has(tryton.customers.marie.partyId)).toBe(false);
  });

  it('refuses a wrong password and has a party without web user', async () => {
    expect((await login(tryton.customers.marie.email, 'wrong-password')).status).toBe(
      'invalid_credentials',
    );
    const webUsers = await admin
      .model('web.user')
      .search([['party', '=', tryton.noWebUserParty.id]]);
    expect(webUsers).toEqual([]);
  });

  it('renders an invoice PDF for the customer it belongs to', async () => {
    const marie = await login(tryton.customers.marie.email, tryton.customers.marie.password);
    const context = { portal_session: marie.session };
    const [invoice] = await gateway.model('account.invoice').search([['state', '=', 'paid']], {
      context,
      limit: 1,
    });
    const pdf = await gateway
      .report('account.invoice')
      .execute([invoice as number], {}, { context });
    expect(pdf.format).toBe('pdf');
    expect(new TextDecoder().decode(pdf.content.slice(0, 5))).toBe('%PDF-');
  });
});
