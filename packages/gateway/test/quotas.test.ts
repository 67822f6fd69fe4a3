import { spawn } from 'node:child_process';
import { freePort } from '@portal/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const DASHBOARD = `{ viewer { name amountDue { amount currency }
  invoicedByMonth { month amount { amount } }
  orders(first: 5, filter: { states: [QUOTATION, CONFIRMED, PROCESSING] }) { totalCount edges { node { number state date totalAmount { amount currency } } } }
  invoices(first: 5, filter: { unpaid: true }) { totalCount edges { node { number dueDate overdue amountDue { amount currency } } } }
  documents(first: 5) { edges { node { name url kind } } } } }`;
const ORDER_LIST = `{ viewer { orders(first: 20) { totalCount pageInfo { hasNextPage endCursor }
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

describe('query cost and quotas', () => {
  let stack: TestStack;
  let now = 1_800_000_000_000;
  let marie: GraphQLSession;
  beforeAll(async () => {
    stack = await startStack(
      {
        QUOTA_BUCKET_SIZE: '400',
        QUOTA_RESTORE_RATE: '20',
        QUOTA_ANONYMOUS_BUCKET_SIZE: '50',
        QUERY_MAX_DEPTH: '8',
        CACHE_TTL_SECONDS: '0',
      },
      { clock: () => now },
    );
    marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('reports the cost of every operation, with the RateLimit headers', async () => {
    const dashboard = await costOf(marie, DASHBOARD);
    const list = await costOf(marie, ORDER_LIST);
    // viewer 1 + amountDue 5 + invoicedByMonth (5 + 10 × 1) + orders and invoices
    // (2 + 5 × (edge 1 + node 1 + money 1)) + documents (2 + 5 × (edge 1 + node 1)).
    expect(dashboard.cost?.requestedQueryCost).toBe(1 + 5 + 15 + 17 + 17 + 12);
    // viewer 1 + orders (2 + 20 × (pageInfo 1 + edge 1 + node 1 + money 1)).
    expect(list.cost?.requestedQueryCost).toBe(1 + 2 + 20 * 4);
    expect(list.cost?.actualQueryCost).toBe(83);
    expect(list.cost?.throttleStatus).toEqual({
      maximumAvailable: 400,
      currentlyAvailable: 400 - 67 - 83,
      restoreRate: 20,
    });
    expect(list.response.headers.get('ratelimit-limit')).toBe('400');
    expect(list.response.headers.get('ratelimit-remaining')).toBe(String(400 - 67 - 83));
    expect(Number(list.response.headers.get('ratelimit-reset'))).toBe(Math.ceil((67 + 83) / 20));
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

  it('throttles a customer whose bucket is empty, then lets them back in as it refills', async () => {
    now += 60_000;
    let last = await costOf(marie, ORDER_LIST);
    let spent = 0;
    while (!last.response.errors) {
      spent++;
      last = await costOf(marie, ORDER_LIST);
    }
    expect(spent).toBe(Math.floor(400 / 83));
    expect(last.response.status).toBe(429);
    expect(last.response.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    const retryAfter = Number(last.response.headers.get('retry-after'));
    expect(retryAfter).toBe(Math.ceil((83 - (400 - spent * 83)) / 20));
    // Another customer is not affected.
    const jean = stack.session();
    await jean.login(stack.tryton.customers.jean.email, stack.tryton.customers.jean.password);
    expect((await jean.query(ORDER_LIST)).errors).toBeUndefined();
    now += retryAfter * 1000;
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
  });

  it('gives anonymous callers a smaller bucket per IP', async () => {
    const anonymous = stack.session();
    let result = await anonymous.query('{ viewer { name } }');
    let count = 0;
    while (!result.errors && count < 100) {
      count++;
      result = await anonymous.query(
        '{ viewer { orders(first: 10) { totalCount edges { node { number } } } } }',
      );
    }
    expect(result.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    expect(count).toBeLessThan(10);
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

describe('quotas when Redis stops', () => {
  let stack: TestStack;
  let redis: ReturnType<typeof spawn>;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    stack = await startStack({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    redis?.kill('SIGKILL');
    await stack?.stop();
  });

  it('keeps serving from Tryton and counts the Redis failures', async () => {
    const marie = stack.session();
    await marie.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    expect((await marie.query(ORDER_LIST)).errors).toBeUndefined();
    redis.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const during = await marie.query(ORDER_LIST);
    expect(during.errors).toBeUndefined();
    const fresh = stack.session();
    expect(
      (await fresh.login(stack.tryton.customers.jean.email, stack.tryton.customers.jean.password))
        .errors,
    ).toBeUndefined();
    const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/portal_redis_errors_total\{use="quotas"\} [1-9]/);
  });
});
