import type { DemoCustomer, DemoTryton } from '@portal/demo-data';
import { TrytonClient, TrytonDate } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from './support/customer-view.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

/** The pageInfo every connection of these tests asks for. */
type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};

type Orders = {
  viewer: {
    orders: {
      totalCount: number;
      pageInfo: PageInfo;
      edges: { cursor: string; node: { number: string; date: string | null } }[];
    };
  };
};

const ORDERS = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: OrderFilter) {
  viewer { orders(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { number date } } } } }`;

/** The day after (`days` 1) or before (-1) an ISO date. */
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A new order of `customer`, made as the Tryton admin in the stack's own copy of the database
 * (a copy of one of its confirmed orders): confirmed on `date`, or a quotation not yet dated (null).
 */
async function newOrder(
  tryton: DemoTryton,
  customer: DemoCustomer,
  date: string | null,
): Promise<string> {
  const client = new TrytonClient({ url: tryton.url, database: tryton.database });
  await client.login(tryton.admin.login, tryton.admin.password);
  try {
    const sales = client.model('sale.sale');
    const [template] = await sales.search(
      [
        ['party', '=', customer.partyId],
        ['state', 'in', ['confirmed', 'processing', 'done']],
      ],
      { limit: 1 },
    );
    if (template === undefined) throw new Error('no order to copy');
    const defaults: Record<string, unknown> = { reference: `PAGING-${date ?? 'undated'}` };
    if (date) defaults.sale_date = TrytonDate.fromISO(date);
    const [saleId] = (await client.call('model.sale.sale.copy', [
      [template],
      defaults,
    ])) as number[];
    if (saleId === undefined) throw new Error('copy failed');
    await sales.button('quote', [saleId]);
    if (date) await sales.button('confirm', [saleId]);
    const [sale] = (await sales.read([saleId], ['number'])) as { number: string }[];
    return sale?.number as string;
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}

/** Gives an order another number, as the Tryton admin (numbers are the sequence's otherwise). */
async function renumber(tryton: DemoTryton, number: string, to: string): Promise<void> {
  const client = new TrytonClient({ url: tryton.url, database: tryton.database });
  await client.login(tryton.admin.login, tryton.admin.password);
  try {
    const sales = client.model('sale.sale');
    const ids = await sales.search([['number', '=', number]]);
    expect(ids).toHaveLength(1);
    await sales.write(ids, { number: to });
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}

describe('keyset cursors', () => {
  let stack: TestStack;
  let wholesaler: GraphQLSession;
  /** The wholesaler's 520 orders as they were before any test added one, in list order. */
  let before: string[];
  /** Added to the gateway's clock: a test moves the gateway's "today" across midnight. */
  let clockOffsetMs = 0;

  const page = async (variables: Record<string, unknown>) =>
    ok(await wholesaler.query<Orders>(ORDERS, variables)).viewer.orders;

  beforeAll(async () => {
    // Every page straight from Tryton: the cache would hide the inserts.
    stack = await startStack(
      { CACHE_TTL_SECONDS: '0' },
      { clock: () => Date.now() + clockOffsetMs },
    );
    wholesaler = stack.session();
    const { email, password } = stack.tryton.customers.wholesaler;
    await wholesaler.login(email, password);
    before = [];
    let after: string | null = null;
    for (;;) {
      const orders = await page({ first: 100, after });
      before.push(...orders.edges.map((e) => e.node.number));
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(before).toHaveLength(520);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('pages forward through orders created between two pages: nothing repeated, nothing missed', async () => {
    const seen: string[] = [];
    const created: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      const orders = await page({ first: 100, after });
      seen.push(...orders.edges.map((e) => e.node.number));
      if (pages === 0) {
        // Before the cursor (newer than all), after it (older than the page's last, so on a
        // later page), at the end (undated).
        const newest = orders.edges[0]?.node.date as string;
        const last = orders.edges.at(-1)?.node.date as string;
        const customer = stack.tryton.customers.wholesaler;
        created.push(await newOrder(stack.tryton, customer, shift(newest, 1)));
        created.push(await newOrder(stack.tryton, customer, shift(last, -1)));
        created.push(await newOrder(stack.tryton, customer, null));
      }
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Every order that existed throughout, once, in its order; of the new ones, those after
    // the cursor (the dated one of a later page, the undated quotation at the end).
    expect(seen.filter((n) => before.includes(n))).toEqual(before);
    expect(seen.filter((n) => !before.includes(n))).toEqual(created.slice(1));
    expect((await page({ first: 0 })).totalCount).toBe(523);
  });

  it('pages backward through orders created between two pages, the same', async () => {
    const existing: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const orders = await page({ first: 100, after: cursor });
      existing.push(...orders.edges.map((e) => e.node.number));
      if (!orders.pageInfo.hasNextPage) break;
      cursor = orders.pageInfo.endCursor;
    }
    const seen: string[] = [];
    const created: string[] = [];
    let beforeCursor: string | null = null;
    for (let pages = 0; ; pages++) {
      const orders = await page({ last: 100, before: beforeCursor });
      expect(orders.pageInfo.hasNextPage).toBe(pages > 0);
      seen.unshift(...orders.edges.map((e) => e.node.number));
      if (pages === 0) {
        // After the cursor (undated: last of all), before it (newer than the page's first
        // dated order, so on an earlier page), at the start (newer than all).
        const pageNewest = orders.edges.find((e) => e.node.date)?.node.date as string;
        const newest = (await page({ first: 1 })).edges[0]?.node.date as string;
        const customer = stack.tryton.customers.wholesaler;
        created.push(await newOrder(stack.tryton, customer, null));
        created.push(await newOrder(stack.tryton, customer, shift(pageNewest, 1)));
        created.push(await newOrder(stack.tryton, customer, shift(newest, 1)));
      }
      if (!orders.pageInfo.hasPreviousPage) break;
      beforeCursor = orders.pageInfo.startCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((n) => existing.includes(n))).toEqual(existing);
    // The quotation sorts after the cursor: only the two before it are met.
    expect(seen.filter((n) => !existing.includes(n)).sort()).toEqual(created.slice(1).sort());
  });

  it('keeps the cursors of the overdue invoices valid across midnight', async () => {
    type Invoices = {
      viewer: {
        invoices: {
          totalCount: number;
          pageInfo: { endCursor: string | null };
          edges: { node: { number: string; overdue: boolean } }[];
        };
      };
    };
    const query = `query ($after: String) { viewer { invoices(first: 1, after: $after,
      filter: { overdue: true }) { totalCount pageInfo { endCursor } edges { node { number overdue } } } } }`;
    // Half a second before midnight (UTC, the gateway's day), then a second later.
    const midnight = Math.ceil((Date.now() + 1) / 86_400_000) * 86_400_000;
    clockOffsetMs = midnight - 500 - Date.now();
    try {
      const first = ok(await wholesaler.query<Invoices>(query, {})).viewer.invoices;
      expect(first.totalCount).toBeGreaterThanOrEqual(2);
      clockOffsetMs = midnight + 500 - Date.now();
      // Before the fix, the cursor was bound to the domain, which holds the date: refused.
      const next = ok(await wholesaler.query<Invoices>(query, { after: first.pageInfo.endCursor }))
        .viewer.invoices;
      expect(next.edges).toHaveLength(1);
      expect(next.edges[0]?.node.number).not.toBe(first.edges[0]?.node.number);
      expect(next.edges[0]?.node.overdue).toBe(true);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('gives the same pages backward as forward, and flags both ends', async () => {
    const first = await page({ first: 7 });
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const second = await page({ first: 7, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const back = await page({ last: 7, before: second.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.number)).toEqual(first.edges.map((e) => e.node.number));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const tail = await page({ last: 3 });
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const end = await page({ first: 3, after: tail.edges[0]?.cursor });
    expect(end.edges.map((e) => e.node.number)).toEqual(
      tail.edges.slice(1).map((e) => e.node.number),
    );
    expect(end.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a cursor of another filter, a malformed one, and both directions at once', async () => {
    // Every dated order: the same orders, but another filter.
    const filter = { dateTo: '2999-12-31' };
    const dated = await page({ first: 2, filter });
    expect(dated.edges).toHaveLength(2);
    const other = await wholesaler.query(ORDERS, { first: 2, after: dated.pageInfo.endCursor });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0]?.message).toMatch(/another list/);
    const sameFilter = await page({
      first: 2,
      after: dated.pageInfo.endCursor,
      filter,
    });
    expect(sameFilter.edges).toHaveLength(2);
    const invoices = await wholesaler.query(
      'query ($c: String) { viewer { invoices(after: $c) { totalCount } } }',
      { c: dated.pageInfo.endCursor },
    );
    expect(invoices.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const bad of ['o:20', Buffer.from('{"v":1,"f":"x","p":{}}').toString('base64url')]) {
      const malformed = await wholesaler.query(ORDERS, { after: bad });
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const both = await wholesaler.query(ORDERS, { first: 2, last: 2 });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await wholesaler.query(ORDERS, { last: 101 });
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 100/);
  });

  it('sorts orders and invoices by number, amount and date, paging the same both ways', async () => {
    // Two numbers of another length than the sequence's (CV-00042): Tryton sorts numbers by
    // length first, and a keyset comparing the text alone would skip or repeat around them.
    const customer = stack.tryton.customers.wholesaler;
    const short = await newOrder(stack.tryton, customer, '2026-01-15');
    const long = await newOrder(stack.tryton, customer, '2026-01-16');
    await renumber(stack.tryton, short, 'CV-9');
    await renumber(stack.tryton, long, `${long}0`);
    type Row = { number: string; totalAmount: { amount: string } | null };
    const query = (list: 'orders' | 'invoices') => `query ($first: Int, $after: String,
      $last: Int, $before: String, $sort: ListSort) { viewer { ${list}(first: $first,
      after: $after, last: $last, before: $before, sort: $sort) { totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { number totalAmount { amount } state } } } } }`;
    type Page = {
      viewer: Record<
        string,
        {
          totalCount: number;
          pageInfo: PageInfo;
          edges: { node: Row & { state: string } }[];
        }
      >;
    };
    const byNumber = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    for (const list of ['orders', 'invoices'] as const) {
      const get = async (variables: Record<string, unknown>) =>
        ok(await wholesaler.query<Page>(query(list), variables)).viewer[
          list
        ] as Page['viewer'][string];
      for (const sort of [
        { field: 'NUMBER', direction: 'ASC' },
        { field: 'NUMBER', direction: 'DESC' },
        { field: 'AMOUNT', direction: 'ASC' },
        { field: 'AMOUNT', direction: 'DESC' },
        { field: 'DATE', direction: 'ASC' },
      ]) {
        const forward: (Row & { state: string })[] = [];
        let after: string | null = null;
        let total = 0;
        for (let pages = 0; pages < 20; pages++) {
          const p = await get({ first: 37, after, sort });
          total = p.totalCount;
          forward.push(...p.edges.map((e) => e.node));
          if (!p.pageInfo.hasNextPage) break;
          after = p.pageInfo.endCursor;
        }
        const numbers = forward.map((n) => n.number);
        expect(numbers, `${list} ${sort.field} ${sort.direction}`).toHaveLength(total);
        expect(new Set(numbers).size).toBe(total);
        const sign = sort.direction === 'ASC' ? 1 : -1;
        if (sort.field === 'NUMBER') {
          expect(numbers).toEqual([...numbers].sort((a, b) => sign * byNumber(a, b)));
          if (list === 'orders') {
            expect(numbers.at(sort.direction === 'ASC' ? 0 : -1)).toBe('CV-9');
            expect(numbers.at(sort.direction === 'ASC' ? -1 : 0)).toBe(`${long}0`);
          }
        }
        if (sort.field === 'AMOUNT') {
          // The total Tryton stores when a sale is confirmed or cancelled, or an invoice
          // posted. Quotations have none yet: after the others, in both directions. (The demo
          // data sets some sales to "confirmed" by a write, without their stored total: they
          // go with the quotations, so only the states Tryton's own buttons reached are checked.)
          const stored = forward.filter((n) =>
            ['DONE', 'PROCESSING', 'CANCELLED', 'POSTED', 'PAID'].includes(n.state),
          );
          expect(stored.length).toBeGreaterThan(5);
          const amounts = stored.map((n) => Number(n.totalAmount?.amount));
          expect(amounts).toEqual([...amounts].sort((a, b) => sign * (a - b)));
          if (list === 'orders') {
            const firstQuotation = forward.findIndex((n) => n.state === 'QUOTATION');
            expect(forward.slice(firstQuotation).every((n) => !stored.includes(n))).toBe(true);
          }
        }
        const backward: string[] = [];
        let before: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const p = await get({ last: 41, before, sort });
          backward.unshift(...p.edges.map((e) => e.node.number));
          if (!p.pageInfo.hasPreviousPage) break;
          before = p.pageInfo.startCursor;
        }
        expect(backward).toEqual(numbers);
      }
      // A cursor of one sort is refused by another.
      const byAmount = await get({ first: 2, sort: { field: 'AMOUNT', direction: 'DESC' } });
      const other = await wholesaler.query(query(list), {
        first: 2,
        after: byAmount.pageInfo.endCursor,
        sort: { field: 'NUMBER', direction: 'DESC' },
      });
      expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // About 300 pages of the 520-order customer: 40 to 60 s on a quiet machine, past the
    // default 120 s on a 2-core machine at load 14 (run 1 of five in a row, issue 19). The
    // bound is there to catch a hang; nothing here measures speed.
  }, 600_000);

  it('pages invoices and documents backward to the same items as forward', async () => {
    // Marie's documents mix invoice PDFs and attachments: the merged list of two keysets.
    const marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    for (const [session, list] of [
      [wholesaler, 'invoices'],
      [wholesaler, 'documents'],
      [marie, 'invoices'],
      [marie, 'documents'],
    ] as const) {
      const query = `query ($first: Int, $after: String, $last: Int, $before: String) { viewer {
        ${list}(first: $first, after: $after, last: $last, before: $before) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { node { id } } } } }`;
      type Page = {
        viewer: Record<
          string,
          {
            totalCount: number;
            pageInfo: PageInfo;
            edges: { node: { id: string } }[];
          }
        >;
      };
      const get = async (variables: Record<string, unknown>) =>
        ok(await session.query<Page>(query, variables)).viewer[list] as Page['viewer'][string];
      const forward: string[] = [];
      let after: string | null = null;
      for (;;) {
        const p = await get({ first: 3, after });
        forward.push(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      const backward: string[] = [];
      let beforeCursor: string | null = null;
      let total = 0;
      for (;;) {
        const p = await get({ last: 3, before: beforeCursor });
        total = p.totalCount;
        backward.unshift(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasPreviousPage) break;
        beforeCursor = p.pageInfo.startCursor;
      }
      expect(forward.length).toBe(total);
      expect(new Set(forward).size).toBe(total);
      expect(backward).toEqual(forward);
    }
  });
});
