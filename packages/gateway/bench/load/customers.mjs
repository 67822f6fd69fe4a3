// Virtual customers for the load harness (issue 17): small enough to read, bounded in count
// and time. Each browser customer signs in once, then until the end repeats what a person
// does (dashboard, a list and its next pages, an order's detail, the invoices, now and then
// an invoice PDF) with a think time between pages; each API client pages through orders and
// invoices with a Bearer token. Every request is recorded: what, HTTP status, error code,
// Retry-After, milliseconds.
import { Agent, request } from 'node:http';

export const QUERIES = {
  dashboard: `{ viewer { name amountDue { amount } invoicedByMonth { month amount { amount } }
    orders(first: 5, filter: { states: [QUOTATION, CONFIRMED, PROCESSING] }) { edges { node { number state totalAmount { amount } } } }
    invoices(first: 5, filter: { unpaid: true }) { edges { node { number dueDate amountDue { amount } } } }
    documents(first: 5) { edges { node { name url } } } } }`,
  orders: `query ($after: String) { viewer { orders(first: 20, after: $after) { totalCount
    pageInfo { hasNextPage endCursor } edges { node { number state date totalAmount { amount } } } } } }`,
  order: `query ($n: String!) { viewer { order(number: $n) { number state lines(first: 100) {
    description quantity unitPrice { amount } amount { amount } } invoices { number state } } } }`,
  invoices: `query ($after: String) { viewer { invoices(first: 20, after: $after) { totalCount
    pageInfo { hasNextPage endCursor } edges { node { number state dueDate amountDue { amount } pdfUrl } } } } }`,
  apiOrders: `query ($after: String) { viewer { orders(first: 50, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { number state totalAmount { amount } } } } } }`,
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min, max) => min + Math.random() * (max - min);

/** One HTTP client (keep-alive) per virtual customer, as one browser has its own connections. */
class Client {
  constructor(url, record, headers = {}) {
    this.url = url;
    this.record = record;
    this.headers = headers;
    this.cookie = undefined;
    this.agent = new Agent({ keepAlive: true, maxSockets: 2 });
  }

  /** One request; never throws: a failure is recorded as a status 0 with a code. */
  async send(kind, path, { method = 'GET', body, headers = {} }, timeoutMs) {
    const started = performance.now();
    const outcome = { status: 0, code: undefined, retryAfter: undefined, json: undefined };
    try {
      const res = await new Promise((resolve, reject) => {
        const req = request(
          `${this.url}${path}`,
          {
            method,
            agent: this.agent,
            headers: {
              ...this.headers,
              ...(this.cookie ? { cookie: this.cookie } : {}),
              ...headers,
            },
          },
          (answer) => {
            const chunks = [];
            answer.on('data', (chunk) => chunks.push(chunk));
            answer.on('end', () => resolve({ answer, text: Buffer.concat(chunks) }));
            answer.on('error', reject);
          },
        );
        req.setTimeout(timeoutMs, () =>
          req.destroy(Object.assign(new Error('timeout'), { code: 'CLIENT_TIMEOUT' })),
        );
        req.on('error', reject);
        req.end(body);
      });
      outcome.status = res.answer.statusCode;
      outcome.retryAfter = res.answer.headers['retry-after'];
      for (const line of res.answer.headers['set-cookie'] ?? []) {
        const [pair] = line.split(';');
        this.cookie = pair?.split('=')[1] ? pair : undefined;
      }
      if ((res.answer.headers['content-type'] ?? '').includes('json')) {
        outcome.json = JSON.parse(res.text.toString());
        outcome.code = outcome.json.errors?.[0]?.extensions?.code ?? outcome.json.error?.code;
      }
    } catch (error) {
      outcome.code = error.code === 'CLIENT_TIMEOUT' ? 'CLIENT_TIMEOUT' : 'CONNECTION_FAILED';
    }
    const { json, ...kept } = outcome;
    this.record({ kind, ...kept, ms: performance.now() - started });
    return json;
  }

  graphql(kind, query, variables = {}, timeoutMs = 30_000) {
    return this.send(
      kind,
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      },
      timeoutMs,
    );
  }

  close() {
    this.agent.destroy();
  }
}

const LOGIN =
  'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name } } }';

/**
 * A browser customer's session: sign in (or reuse `account.cookie`, a session signed in
 * before the run), then pages with think time until `until`.
 */
async function browserCustomer(url, account, until, options, record) {
  const client = new Client(url, record);
  try {
    if (account.cookie) client.cookie = account.cookie;
    else await client.graphql('login', LOGIN, { e: account.email, p: account.password });
    // `tour`: the first pages visit each kind once, an order and a PDF included, so a short
    // run (the CI-sized scenarios) always covers the whole mix; then the pages are random.
    // The tour ends even past `until` (three pages, each bounded by its timeout): on a loaded
    // machine a 5 s run had ended before a customer's tour reached its invoices.
    const tour = options.tour ? [0, 0.5, 0.9] : [];
    while (tour.length > 0 || Date.now() < until) {
      const touring = tour.length > 0;
      const roll = tour.shift() ?? Math.random();
      if (roll < 0.35) await client.graphql('dashboard', QUERIES.dashboard);
      else if (roll < 0.65) {
        let after = null;
        for (let page = 0; page < 1 + Math.floor(Math.random() * 3); page++) {
          const body = await client.graphql('orders', QUERIES.orders, { after });
          const list = body?.data?.viewer?.orders;
          const number = list?.edges?.[Math.floor(Math.random() * list.edges.length)]?.node?.number;
          if (number && (touring || Math.random() < 0.5))
            await client.graphql('order', QUERIES.order, { n: number });
          if (!list?.pageInfo?.hasNextPage || Date.now() >= until) break;
          after = list.pageInfo.endCursor;
          await sleep(between(options.thinkMs[0], options.thinkMs[1]) / 2);
        }
      } else {
        const body = await client.graphql('invoices', QUERIES.invoices, { after: null });
        const edges = body?.data?.viewer?.invoices?.edges ?? [];
        const pdfUrl = edges[Math.floor(Math.random() * edges.length)]?.node?.pdfUrl;
        if (pdfUrl && (touring || Math.random() < options.pdfShare)) {
          await client.send('pdf', new URL(pdfUrl, url).pathname, { method: 'GET' }, 60_000);
        }
      }
      await sleep(between(options.thinkMs[0], options.thinkMs[1]));
    }
  } finally {
    client.close();
  }
}

/** An integration: pages through orders, then invoices, with its token, until `until`. */
async function apiClient(url, token, until, options, record) {
  const client = new Client(url, record, { authorization: `Bearer ${token}` });
  try {
    while (Date.now() < until) {
      let after = null;
      for (let page = 0; page < 3 && Date.now() < until; page++) {
        const body = await client.graphql('api', QUERIES.apiOrders, { after });
        const info = body?.data?.viewer?.orders?.pageInfo;
        if (!info?.hasNextPage) break;
        after = info.endCursor;
      }
      await sleep(between(options.thinkMs[0], options.thinkMs[1]));
    }
  } finally {
    client.close();
  }
}

/** Signs `account` in once: its session cookie, for customers that share it. */
export async function signIn(url, account) {
  const client = new Client(url, () => {});
  await client.graphql('login', LOGIN, { e: account.email, p: account.password });
  client.close();
  if (!client.cookie) throw new Error(`could not sign ${account.email} in`);
  return client.cookie;
}

/** Creates one API token for `account` (the API clients' credential). */
export async function createToken(url, account, name) {
  const records = [];
  const client = new Client(url, (r) => records.push(r));
  await client.graphql('login', LOGIN, { e: account.email, p: account.password });
  const body = await client.graphql(
    'token',
    'mutation ($n: String!) { createApiToken(name: $n) { token } }',
    { n: name },
  );
  client.close();
  const token = body?.data?.createApiToken?.token;
  if (!token) throw new Error(`could not create an API token: ${JSON.stringify(records)}`);
  return token;
}

/**
 * Runs `customers` browser customers and `apiClients` API clients against `url` for
 * `durationMs`, spread over `accounts` and `tokens`; starts them over `rampMs`. Resolves with
 * every request's record once all have finished (each request is bounded by its timeout).
 */
export async function runLoad({
  url,
  accounts,
  tokens = [],
  customers,
  apiClients = 0,
  durationMs,
  rampMs = 1000,
  thinkMs = [500, 1500],
  pdfShare = 0.2,
  tour = false,
  onRecord,
}) {
  const records = [];
  const record = (r) => {
    r.at = Date.now();
    records.push(r);
    onRecord?.(r);
  };
  const until = Date.now() + durationMs;
  const options = { thinkMs, pdfShare, tour };
  const runners = [];
  for (let i = 0; i < customers; i++) {
    const account = accounts[i % accounts.length];
    runners.push(
      sleep((rampMs * i) / customers).then(() =>
        browserCustomer(url, account, until, options, record),
      ),
    );
  }
  for (let i = 0; i < apiClients && tokens.length; i++) {
    runners.push(apiClient(url, tokens[i % tokens.length], until, options, record));
  }
  await Promise.all(runners);
  return records;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
}

/** A request's outcome as the report names it: `200`, `503 TRYTON_UNAVAILABLE`... */
export function outcomeKey(record) {
  return record.code ? `${record.status} ${record.code}` : String(record.status);
}

/** Throughput, latency percentiles and outcomes (by status and code) of `records`. */
export function summarize(records, seconds) {
  const ms = records.map((r) => r.ms).sort((a, b) => a - b);
  const outcomes = {};
  // How long each outcome took: a 503 shed at once apart from one that waited out the queue.
  const tookByOutcome = {};
  // The failures by kind of request (login, dashboard, pdf...): where the load hurts first.
  const failuresByKind = {};
  for (const r of records) {
    const key = outcomeKey(r);
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    tookByOutcome[key] ??= [];
    tookByOutcome[key].push(r.ms);
    if (r.status !== 200 || r.code) {
      failuresByKind[r.kind] ??= {};
      failuresByKind[r.kind][key] = (failuresByKind[r.kind][key] ?? 0) + 1;
    }
  }
  const round = (n) => Math.round(n * 10) / 10;
  const latencyByOutcome = {};
  for (const [key, took] of Object.entries(tookByOutcome)) {
    took.sort((a, b) => a - b);
    latencyByOutcome[key] = { p50: round(percentile(took, 0.5)), max: round(took.at(-1) ?? 0) };
  }
  return {
    requests: records.length,
    perSecond: round(records.length / seconds),
    p50: round(percentile(ms, 0.5)),
    p95: round(percentile(ms, 0.95)),
    p99: round(percentile(ms, 0.99)),
    max: round(ms.at(-1) ?? 0),
    outcomes,
    latencyByOutcome,
    failuresByKind,
  };
}
