// Page 1 against page 25 of the wholesaler's 520 orders (20 a page), side by side in one run
// on one trytond (the demo database), each gateway with its cache off so every page goes to
// Tryton:
//   after   this checkout's gateway: keyset cursors, the page is a domain on (sale_date, id);
//   before  another build of the gateway (BEFORE_GATEWAY, e.g. main's, whose cursors are
//           offsets `o:<n>`: Tryton skips 480 rows for page 25). Without it, `after` only.
// Reports p50/p99 ms of one client over REQUESTS requests per page, and checks that both
// gateways return the same orders on page 25.
//   pnpm --filter @portal/gateway build
//   BEFORE_GATEWAY=/path/to/main/packages/gateway/dist/index.js node bench/deep-page.mjs
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startDemoTryton } from '../../demo-data/dist/index.js';

const REQUESTS = Number(process.env.REQUESTS ?? 40);
const PAGE = `query ($after: String) { viewer { orders(first: 20, after: $after) {
  totalCount pageInfo { endCursor } edges { node { number date totalAmount { amount } } } } } }`;

/** A gateway of the build `index` in a child process (serve-gateway.mjs). */
async function gateway(index, tryton) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./serve-gateway.mjs', import.meta.url)), index],
    {
      env: {
        ...process.env,
        TRYTON_URL: tryton.url,
        TRYTON_DATABASE: tryton.database,
        TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return {
    url: line,
    stop: async () => {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
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

async function orders(url, cookie, after) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: PAGE, variables: { after } }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.viewer.orders;
}

const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const tryton = await startDemoTryton();
const sides = [
  { name: 'after (keyset)', index: fileURLToPath(new URL('../dist/index.js', import.meta.url)) },
];
if (process.env.BEFORE_GATEWAY) {
  sides.unshift({ name: 'before (offset)', index: process.env.BEFORE_GATEWAY });
}
try {
  for (const side of sides) {
    side.gateway = await gateway(side.index, tryton);
    side.cookie = await signIn(side.gateway.url, tryton.customers.wholesaler);
    // The cursor of page 25: the end of page 24, reached by paging as a client does.
    let after = null;
    for (let page = 1; page < 25; page++) {
      after = (await orders(side.gateway.url, side.cookie, after)).pageInfo.endCursor;
    }
    side.deep = after;
    side.page25 = (await orders(side.gateway.url, side.cookie, after)).edges.map(
      (e) => e.node.number,
    );
  }
  if (sides.length === 2 && sides[0].page25.join() !== sides[1].page25.join()) {
    throw new Error('page 25 differs between the two gateways');
  }
  const times = new Map(
    sides.flatMap((s) => [
      [`${s.name} 1`, []],
      [`${s.name} 25`, []],
    ]),
  );
  // Interleaved, so a busy machine weighs on every column alike.
  for (let i = 0; i < REQUESTS; i++) {
    for (const side of sides) {
      for (const [page, after] of [
        [1, null],
        [25, side.deep],
      ]) {
        const t = performance.now();
        await orders(side.gateway.url, side.cookie, after);
        times.get(`${side.name} ${page}`).push(performance.now() - t);
      }
    }
  }
  const rows = sides.map((side) => {
    const [one, deep] = [1, 25].map((page) =>
      times.get(`${side.name} ${page}`).sort((a, b) => a - b),
    );
    return {
      gateway: side.name,
      'page 1 p50/p99 ms': `${pct(one, 50).toFixed(1)}/${pct(one, 99).toFixed(1)}`,
      'page 25 p50/p99 ms': `${pct(deep, 50).toFixed(1)}/${pct(deep, 99).toFixed(1)}`,
      'page 25 / page 1 (p50)': (pct(deep, 50) / pct(one, 50)).toFixed(2),
    };
  });
  console.table(rows);
} finally {
  for (const side of sides) await side.gateway?.stop();
  await tryton.stop();
}
