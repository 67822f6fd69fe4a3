// Benchmark of the gateway against the real Tryton with the demo data, side by side in one run
// on one trytond (SQLite) serving every column:
//   cold   the gateway with its cache off: every request goes to Tryton;
//   warm   the gateway with its cache on, after one request has filled it;
//   REST   Tryton's own customer REST endpoint (module web_shop_vue_storefront,
//          GET .../user/order-history), for the same page: the customer's latest 20
//          confirmed, processing or done orders with their lines (see storefront.mjs);
//   naive  the same page fetched the way a hand-written client does: one Tryton call per
//          record (each order, then each order's lines), straight with @portal/tryton-client.
// Reports Tryton calls per query, latency (p50/p99) and requests/s at 1 and 16 clients, and the
// gateway's own overhead on the cold path: the time of a request during which no Tryton call was
// in flight (parsing, validation, resolvers, JSON, HTTP), as a share of the time Tryton calls were.
//   pnpm --filter @portal/gateway build && pnpm --filter @portal/gateway bench
import { TrytonClient } from '../../tryton-client/dist/index.js';
import { loadConfig, startGateway } from '../dist/index.js';
import { orderHistory, startStorefrontTryton, storefrontLogin } from './storefront.mjs';

const REQUESTS = Number(process.env.REQUESTS ?? 64);

const QUERIES = {
  dashboard: `{ viewer { name amountDue { amount } invoicedByMonth { month amount { amount } }
    orders(first: 5, filter: { states: [QUOTATION, CONFIRMED, PROCESSING] }) { edges { node { number state totalAmount { amount } } } }
    invoices(first: 5, filter: { unpaid: true }) { edges { node { number dueDate amountDue { amount } } } }
    documents(first: 5) { edges { node { name url } } } } }`,
  'orders 20': `{ viewer { orders(first: 20) { totalCount edges { node { number state date totalAmount { amount } lines { description quantity unitPrice { amount } } } } } } }`,
  'orders 100': `{ viewer { orders(first: 100) { totalCount edges { node { number state date totalAmount { amount } } } } } }`,
  'order detail': `query ($n: String!) { viewer { order(number: $n) { number lines { product { name } quantity unitPrice { amount } amount { amount } taxes }
    invoices { number state } shipments { number state } invoiceAddress { fullAddress } shipmentAddress { fullAddress } } } }`,
  'order page (= REST)': `{ viewer { orders(first: 20, filter: { states: [CONFIRMED, PROCESSING, DONE] }) { edges { node { number state date
    totalAmount { amount } lines { product { name code } quantity unitPrice { amount } amount { amount } } } } } } }`,
  'invoices 20': `{ viewer { invoices(first: 20) { totalCount edges { node { number state date dueDate totalAmount { amount } amountDue { amount } } } } } }`,
};

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(concurrency, once) {
  const durations = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        await once();
        durations.push(performance.now() - t);
      }
    }),
  );
  durations.sort((a, b) => a - b);
  return {
    p50: pct(durations, 50),
    p99: pct(durations, 99),
    rps: REQUESTS / ((performance.now() - started) / 1000),
  };
}

async function gatewayFor(tryton, ttl, calls) {
  return await startGateway(
    loadConfig({
      PORT: '0',
      TRYTON_URL: tryton.url,
      TRYTON_DATABASE: tryton.database,
      TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
      TRYTON_MAX_IN_FLIGHT: '8',
      CACHE_TTL_SECONDS: String(ttl),
      QUOTA_BUCKET_SIZE: '100000000',
      // Whole pages of orders with their lines (nested lists cost their first, 500 by default).
      QUERY_MAX_COST: '1000000000',
      LOG_LEVEL: 'silent',
    }),
    {
      onTrytonCall: (event) => {
        calls.count++;
        const end = performance.now();
        calls.intervals?.push([end - event.durationMs, end]);
      },
    },
  );
}

async function signIn(url, customer) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name } } }',
      variables: { e: customer.email, p: customer.password },
    }),
  });
  return response.headers.getSetCookie()[0].split(';')[0];
}

function query(url, cookie, text, variables = {}) {
  return async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: text, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** Length of the union of `intervals` clipped to [from, to]. */
function covered(intervals, from, to) {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = from;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** Gateway time outside Tryton calls over Tryton time, one client, `REQUESTS` requests. */
async function overhead(calls, once) {
  calls.intervals = [];
  let own = 0;
  let tryton = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const from = performance.now();
    await once();
    const to = performance.now();
    const inTryton = covered(calls.intervals, from, to);
    own += to - from - inTryton;
    tryton += inTryton;
  }
  calls.intervals = undefined;
  return { ownMs: own / REQUESTS, share: own / tryton };
}

function cell(row, concurrency, result, digits) {
  row[`p50/p99 ms @${concurrency}`] = `${result.p50.toFixed(digits)}/${result.p99.toFixed(digits)}`;
  row[`req/s @${concurrency}`] = Math.round(result.rps);
}

const tryton = await startStorefrontTryton();
const coldCalls = { count: 0 };
const warmCalls = { count: 0 };
const cold = await gatewayFor(tryton, 0, coldCalls);
const warm = await gatewayFor(tryton, 300, warmCalls);
try {
  const customer = tryton.customers.wholesaler;
  const coldCookie = await signIn(cold.url, customer);
  const warmCookie = await signIn(warm.url, customer);

  // The naive client: a technical login, the customer's session for scoping, one call per record.
  const naiveClient = new TrytonClient({
    url: tryton.url,
    database: tryton.database,
    maxInFlight: 8,
  });
  await naiveClient.login(tryton.gateway.login, tryton.gateway.password);
  const { session } = await naiveClient.call('model.portal.gateway.login', [
    customer.email,
    customer.password,
  ]);
  const context = { context: { portal_session: session } };
  const naiveCalls = { count: 0 };
  const naiveOrders = async () => {
    const ids = await naiveClient
      .model('sale.sale')
      .search([['state', '!=', 'draft']], { ...context, limit: 20 });
    naiveCalls.count++;
    for (const id of ids) {
      const [order] = await naiveClient
        .model('sale.sale')
        .read([id], ['number', 'state', 'sale_date', 'total_amount', 'lines'], context);
      naiveCalls.count++;
      for (const line of order.lines) {
        await naiveClient
          .model('sale.line')
          .read([line], ['description', 'quantity', 'unit_price'], context);
        naiveCalls.count++;
      }
    }
  };

  // Tryton's REST endpoint: the customer logs in through the storefront's own route.
  const rest = orderHistory(tryton, await storefrontLogin(tryton, customer), 20);

  const [{ number }] = await naiveClient
    .model('sale.sale')
    .searchRead([['state', '=', 'processing']], ['number'], { ...context, limit: 1 });
  const rows = [];
  const speedups = [];
  for (const [name, text] of Object.entries(QUERIES)) {
    const variables = name === 'order detail' ? { n: number } : {};
    const c = query(cold.url, coldCookie, text, variables);
    const w = query(warm.url, warmCookie, text, variables);
    coldCalls.count = 0;
    const coldData = await c();
    const callsCold = coldCalls.count;
    await w();
    warmCalls.count = 0;
    await w();
    const callsWarm = warmCalls.count;
    const coldRow = { query: name, path: 'gateway cold', 'Tryton calls': callsCold };
    const warmRow = { query: name, path: 'gateway warm', 'Tryton calls': callsWarm };
    const restRow = { query: name, path: 'Tryton REST', 'Tryton calls': 1 };
    const isOrderPage = name.startsWith('order page');
    if (isOrderPage) {
      // The same page on both sides: the same 20 orders in the same order.
      const ours = coldData.viewer.orders.edges.map((e) => e.node.number).join(' ');
      const theirs = (await rest()).map((o) => o.increment_id).join(' ');
      if (ours !== theirs) throw new Error(`different pages:\n${ours}\n${theirs}`);
    }
    const { ownMs, share } = await overhead(coldCalls, c);
    coldRow['own ms (share of Tryton)'] = `${ownMs.toFixed(1)} (${(share * 100).toFixed(1)} %)`;
    for (const concurrency of [1, 16]) {
      const rc = await run(concurrency, c);
      const rw = await run(concurrency, w);
      cell(coldRow, concurrency, rc, 0);
      cell(warmRow, concurrency, rw, 1);
      if (isOrderPage) {
        const rr = await run(concurrency, rest);
        cell(restRow, concurrency, rr, 0);
        speedups.push(
          `@${concurrency}: warm ${Math.round(rw.rps)} req/s = ${(rw.rps / rc.rps).toFixed(0)}x cold, ${(rw.rps / rr.rps).toFixed(0)}x Tryton REST`,
        );
      }
    }
    rows.push(coldRow, warmRow);
    if (isOrderPage) rows.push(restRow);
  }
  naiveCalls.count = 0;
  await naiveOrders();
  const naiveRow = { query: 'orders 20', path: 'naive client', 'Tryton calls': naiveCalls.count };
  for (const concurrency of [1, 16])
    cell(naiveRow, concurrency, await run(concurrency, naiveOrders), 0);
  rows.push(naiveRow);
  console.log(
    `${REQUESTS} requests per cell, wholesaler (520 orders), one trytond on SQLite for all paths`,
  );
  console.table(rows);
  console.log(`order page (latest 20 orders with lines): ${speedups.join('; ')}`);
  await naiveClient.close();
} finally {
  await cold.stop();
  await warm.stop();
  await tryton.stop();
}
