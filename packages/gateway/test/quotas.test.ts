import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, TestRedis } from './support/redis-server.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const DASHBOARD = `{ viewer { name amountDue { amount currency }
  invoicedByMonth { month amount { amount } }
  orders(first: 5, filter: { states: [QUOTATION, CONFIRMED, PROCESSING] }) { totalCount edges { node { number state date totalAmount { amount currency } } } }
  invoices(first: 5, filter: { unpaid: true }) { totalCount edges { node { number dueDate overdue amountDue { amount currency } } } }
  documents(first: 5) { edges { node { name url kind } } } } }`;
// Marie has more than 10 orders: the page is full, so it costs what it was priced at.
const ORDER_LIST = `{ viewer { orders(first: 10) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { number reference state date totalAmount { amount currency } } } } } }`;

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

async function costOf(session: GraphQLSession, query: string) {
  const response = await session.query(query);
  const body = response as unknown as { extensions?: { cost?: Cost } };
  return { response, cost: body.extensions?.cost };
}

/** portal_redis_errors_total{use}: the Redis failures the gateway worked around. */
async function redisFallbacks(stack: TestStack, use: string): Promise<number> {
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  const line = new RegExp(`portal_redis_errors_total\\{use="${use}"\\} (\\d+)`).exec(metrics);
  return Number(line?.[1] ?? 0);
}

describe('query cost and quotas', () => {
  let stack: TestStack;
  let now = 1_800_000_000_000;
  let marie: GraphQLSession;
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start();
    stack = await startStack(
      {
        REDIS_URL: redis.url,
        QUOTA_BUCKET_SIZE: '400',
        QUOTA_RESTORE_RATE: '20',
        QUOTA_ANONYMOUS_BUCKET_SIZE: '50',
        QUERY_MAX_DEPTH: '8',
        QUERY_MAX_COST: '2000',
        CACHE_TTL_SECONDS: '0',
      },
      { clock: () => now },
    );
    marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.close();
  });

  it('reports the cost of every operation, with the RateLimit headers', async () => {
    const dashboard = await costOf(marie, DASHBOARD);
    const list = await costOf(marie, ORDER_LIST);
    // viewer 1 + amountDue 5 + invoicedByMonth (5 + 10 × 1) + orders and invoices
    // (2 + 5 × (edge 1 + node 1 + money 1)) + documents (2 + 5 × (edge 1 + node 1)).
    expect(dashboard.cost?.requestedQueryCost).toBe(1 + 5 + 15 + 17 + 17 + 12);
    // viewer 1 + orders (2 + 10 × (pageInfo 1 + edge 1 + node 1 + money 1)).
    expect(list.cost?.requestedQueryCost).toBe(1 + 2 + 10 * 4);
    expect(list.cost?.actualQueryCost).toBe(43);
    // The dashboard's lists returned less than they were priced for: the rest came back.
    const dashboardActual = dashboard.cost?.actualQueryCost as number;
    expect(dashboardActual).toBeLessThan(67);
    const spent = dashboardActual + 43;
    expect(list.cost?.throttleStatus).toEqual({
      maximumAvailable: 400,
      currentlyAvailable: 400 - spent,
      restoreRate: 20,
    });
    expect(list.response.headers.get('ratelimit-limit')).toBe('400');
    expect(list.response.headers.get('ratelimit-remaining')).toBe(String(400 - spent));
    expect(Number(list.response.headers.get('ratelimit-reset'))).toBe(Math.ceil(spent / 20));
  });

  it('takes the requested cost first, then gives back what the lists did not return', async () => {
    now += 600_000;
    // 3 orders of up to 100 lines: priced for 300 lines, far fewer come back.
    const page = await costOf(
      marie,
      '{ viewer { orders(first: 3) { edges { node { number lines(first: 100) { description } } } } } }',
    );
    const data = page.response.data as {
      viewer: { orders: { edges: { node: { lines: unknown[] } }[] } };
    };
    const orders = data.viewer.orders.edges;
    const longest = Math.max(...orders.map((edge) => edge.node.lines.length));
    expect(orders).toHaveLength(3);
    expect(longest).toBeLessThan(100);
    // viewer 1, connection 2, then 3 × (edge 1 + node 1 + lines (1 + lines × 1)).
    expect(page.cost?.requestedQueryCost).toBe(3 + 3 * (3 + 100));
    // Each nested list counts as its longest instance: never less than what came back.
    const actual = 3 + 3 * (3 + longest);
    expect(page.cost?.actualQueryCost).toBe(actual);
    expect(page.cost?.throttleStatus.currentlyAvailable).toBe(400 - actual);
    expect(page.response.headers.get('ratelimit-remaining')).toBe(String(400 - actual));
    // The bucket in Redis holds the refund: the next request sees it.
    const next = await costOf(marie, ORDER_LIST);
    expect(next.cost?.throttleStatus.currentlyAvailable).toBe(400 - actual - 43);
  });

  it('refuses a query above the maximum cost before calling Tryton', async () => {
    stack.calls.length = 0;
    const result = await marie.query(`{ viewer { orders(first: 100) { edges { node { number
      lines { product { name code } unitPrice { amount currency } amount { amount currency } }
      invoices { number lines { description } } } } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
    expect(stack.calls.map((c) => c.method)).toEqual(['model.portal.gateway.session_user']);
  });

  it('prices nested lists by what they can return: 100 orders of 500 lines is refused', async () => {
    stack.calls.length = 0;
    const result = await marie.query(
      '{ viewer { orders(first: 100) { edges { node { number lines(first: 500) { description } } } } } }',
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'MAX_COST_EXCEEDED',
      // viewer 1, connection 2, then 100 × (edge 1 + node 1 + lines (1 + 500 × line 1)).
      cost: 3 + 100 * (2 + 1 + 500),
    });
    expect(stack.calls.map((c) => c.method)).toEqual(['model.portal.gateway.session_user']);
    const small = await costOf(
      marie,
      '{ viewer { orders(first: 2) { edges { node { number lines(first: 3) { description } } } } } }',
    );
    expect(small.cost?.requestedQueryCost).toBe(3 + 2 * (2 + 1 + 3));
  });

  it('throttles a customer whose bucket is empty, then lets them back in as it refills', async () => {
    now += 60_000;
    let last = await costOf(marie, ORDER_LIST);
    let spent = 0;
    // Bounded: a bucket that never empties fails here, not at the test's timeout.
    while (!last.response.errors && spent < 20) {
      spent++;
      last = await costOf(marie, ORDER_LIST);
    }
    expect(spent).toBe(Math.floor(400 / 43));
    expect(last.response.status).toBe(429);
    expect(last.response.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    const retryAfter = Number(last.response.headers.get('retry-after'));
    expect(retryAfter).toBe(Math.ceil((43 - (400 - spent * 43)) / 20));
    // Another customer is not affected.
    const jean = stack.session();
    await jean.login(stack.tryton.customers.jean.email, stack.tryton.customers.jean.password);
    expect((await jean.query(ORDER_LIST)).errors).toBeUndefined();
    now += retryAfter * 1000;
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
    // All of it ran on the Lua bucket in Redis, never on the memory fallback.
    expect(await redis.keys('portal:bucket:customer:')).toHaveLength(2);
    expect(await redisFallbacks(stack, 'quotas')).toBe(0);
  });

  it('gives a customer one bucket for the session and every API token', async () => {
    now += 600_000;
    const tokens: GraphQLSession[] = [];
    for (const name of ['first integration', 'second integration']) {
      const created = await marie.query<{ createApiToken: { token: string } }>(
        'mutation ($n: String!) { createApiToken(name: $n) { token } }',
        { n: name },
      );
      tokens.push(stack.session({ authorization: `Bearer ${created.data?.createApiToken.token}` }));
    }
    const [first, second] = tokens as [GraphQLSession, GraphQLSession];
    let spent = 0;
    while (!(await first.query(ORDER_LIST)).errors && spent < 20) spent++;
    expect(spent).toBe(Math.floor(400 / 43));
    // The second token and the browser session find the same bucket empty.
    for (const session of [second, marie]) {
      const refused = await session.query(ORDER_LIST);
      expect(refused.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    }
    expect(await redis.keys('portal:bucket:token:')).toEqual([]);
  });

  it('charges downloads to the same bucket: 50 an invoice PDF, 10 an attachment', async () => {
    now += 600_000;
    const { data } = await marie.query<{
      viewer: {
        invoices: { edges: { node: { pdfUrl: string } }[] };
        documents: { edges: { node: { kind: string; url: string } }[] };
      };
    }>(
      '{ viewer { invoices(first: 1) { edges { node { pdfUrl } } } documents(first: 50) { edges { node { kind url } } } } }',
    );
    const pdfUrl = data?.viewer.invoices.edges[0]?.node.pdfUrl as string;
    const attachmentUrl = data?.viewer.documents.edges.find((e) => e.node.kind === 'ATTACHMENT')
      ?.node.url as string;
    const download = async (url: string) => {
      const response = await marie.get(url);
      await response.arrayBuffer();
      return response;
    };
    now += 600_000;
    const pdf = await download(pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('ratelimit-limit')).toBe('400');
    expect(pdf.headers.get('ratelimit-remaining')).toBe('350');
    expect(pdf.headers.get('ratelimit-reset')).toBe(String(Math.ceil(50 / 20)));
    const attachment = await download(attachmentUrl);
    expect(attachment.status).toBe(200);
    expect(attachment.headers.get('ratelimit-remaining')).toBe('340');
    for (let i = 1; i <= 6; i++) {
      expect((await download(pdfUrl)).headers.get('ratelimit-remaining')).toBe(
        String(340 - 50 * i),
      );
    }
    stack.calls.length = 0;
    const refused = await marie.get(pdfUrl);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(Math.ceil((50 - 40) / 20)));
    expect(refused.headers.get('ratelimit-remaining')).toBe('40');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('THROTTLED');
    // Refused before rendering: only the session check reached Tryton.
    expect(stack.calls.map((c) => c.method)).toEqual(['model.portal.gateway.session_user']);
    // One bucket: the downloads emptied it for GraphQL too.
    expect((await marie.query(ORDER_LIST)).errors?.[0]?.extensions?.code).toBe('THROTTLED');
    now += 1000;
    expect((await download(pdfUrl)).status).toBe(200);
    expect(await redisFallbacks(stack, 'quotas')).toBe(0);
  });

  it('gives anonymous callers a smaller bucket per IP', async () => {
    const anonymous = stack.session();
    let result = await anonymous.query('{ viewer { name } }');
    let count = 0;
    // Introspection costs a flat 10 (an anonymous viewer's lists return nothing, so cost
    // next to nothing once the unused part is given back).
    while (!result.errors && count < 100) {
      count++;
      result = await anonymous.query('{ __type(name: "Order") { name } }');
    }
    expect(result.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    // 49 points left after the first query (1): four pass, the fifth is refused.
    expect(count).toBe(5);
  });

  it('refuses documents that are too deep or too aliased', async () => {
    now += 600_000;
    const deep = await marie.query(
      '{ viewer { orders { edges { node { invoices { orders { invoices { orders { number } } } } } } } } }',
    );
    expect(deep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: name`).join(' ');
    const aliased = await marie.query(`{ viewer { ${aliases} } }`);
    expect(aliased.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('quotas and login limits when Redis hangs, stops and comes back', () => {
  let stack: TestStack;
  let redis: TestRedis;
  // The gateway's clock: it stands still, so an open circuit breaker stays open until a test
  // moves it past its window; nothing here depends on how fast the machine is.
  let now = 1_800_000_000_000;

  beforeAll(async () => {
    redis = await TestRedis.start();
    stack = await startStack({ REDIS_URL: redis.url }, { clock: () => now });
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.close();
  });

  it('answers while Redis hangs, from memory, waiting once per breaker, and counts it', async () => {
    const marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
    redis.pause();
    try {
      // A hung Redis never answers: without the bounds (REDIS_TIMEOUT_MS, unit tested with
      // fake timers) this request would never complete and the test would time out.
      expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
      const after = {
        quotas: await redisFallbacks(stack, 'quotas'),
        cache: await redisFallbacks(stack, 'cache'),
      };
      expect(after.quotas).toBeGreaterThan(0);
      expect(after.cache).toBeGreaterThan(0);
      // The breakers are open: the next request does not wait for Redis at all.
      expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
      expect(await redisFallbacks(stack, 'quotas')).toBe(after.quotas);
      expect(await redisFallbacks(stack, 'cache')).toBe(after.cache);
      // Login limits: the first sign-in waits its bound and counts from memory; the breaker
      // then opens, and the next sign-in does not wait for Redis at all.
      const jean = stack.session();
      const { email, password } = stack.tryton.customers.jean;
      expect((await jean.login(email, password)).errors).toBeUndefined();
      const login = await redisFallbacks(stack, 'login');
      expect(login).toBeGreaterThan(0);
      expect((await stack.session().login(email, password)).errors).toBeUndefined();
      expect(await redisFallbacks(stack, 'login')).toBe(login);
    } finally {
      redis.resume();
    }
  });

  it('keeps serving from Tryton when Redis stops, and counts the failures', async () => {
    now += 10_000;
    const before = await redisFallbacks(stack, 'quotas');
    const marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
    await redis.stop();
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
    const fresh = stack.session();
    expect(
      (await fresh.login(stack.tryton.customers.jean.email, stack.tryton.customers.jean.password))
        .errors,
    ).toBeUndefined();
    expect(await redisFallbacks(stack, 'quotas')).toBeGreaterThan(before);
  });

  it('uses Redis again for quotas and login limits once it is back', async () => {
    await redis.restart();
    await eventually(async () => (await fetch(`${stack.gateway.url}/readyz`)).status === 200);
    now += 10_000;
    const before = {
      quotas: await redisFallbacks(stack, 'quotas'),
      login: await redisFallbacks(stack, 'login'),
    };
    const marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
    // The restarted Redis started empty: these keys are new.
    expect(await redis.keys('portal:bucket:customer:')).toHaveLength(1);
    expect((await redis.keys('portal:auth:login:')).length).toBeGreaterThan(0);
    expect(await redisFallbacks(stack, 'quotas')).toBe(before.quotas);
    expect(await redisFallbacks(stack, 'login')).toBe(before.login);
  });
});
