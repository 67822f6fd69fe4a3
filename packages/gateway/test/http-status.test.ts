import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningGateway, startGateway } from '../src/server.js';
import { GraphQLSession, startStack, type TestStack } from './support/stack.js';

/**
 * The HTTP status of every kind of refusal, per the GraphQL-over-HTTP spec: 400 for the
 * caller's document and variables, 401 for a bad credential, 429 when throttled, 503 when
 * Tryton cannot answer, never 500 for a client's mistake (integrations retry 5xx).
 */

interface Case {
  name: string;
  status: number;
  code: string;
  /** Sends the request; each case has its own client IP, hence its own quota bucket. */
  send(ip: string): Promise<Response>;
  headers?: Record<string, RegExp>;
}

/**
 * A TCP relay to the real Tryton that can hold what the gateway sends: a call sent while it
 * holds reaches Tryton only on release, so until then it keeps its slot.
 */
async function pausableRelay(target: URL) {
  const sockets = new Set<Socket>();
  const waiting: (() => void)[] = [];
  let held = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client);
    client.on('data', (chunk) => {
      if (held) waiting.push(() => upstream.write(chunk));
      else upstream.write(chunk);
    });
    upstream.pipe(client);
    const drop = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(on: boolean) {
      held = on;
      if (!on) for (const send of waiting.splice(0)) send();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('HTTP status codes (GraphQL over HTTP)', () => {
  let stack: TestStack;
  let down: RunningGateway;
  let token: string;
  let otherToken: string;
  let revoked: string;
  let ipCounter = 0;

  const post = (url: string, body: unknown, ip: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: JSON.stringify(body),
    });
  const gateway = () => stack.gateway.url;

  beforeAll(async () => {
    stack = await startStack({
      TRUST_PROXY_HOPS: '1',
      // The default maximum cost: the MAX_COST_EXCEEDED case.
      QUERY_MAX_COST: '2000',
      // Small anonymous buckets that do not refill within the test: the 429 case.
      QUOTA_ANONYMOUS_BUCKET_SIZE: '50',
      QUOTA_ANONYMOUS_RESTORE_RATE: '0.1',
      QUERY_MAX_TOKENS: '300',
    });
    const marie = stack.session({ 'x-forwarded-for': '10.9.0.1' });
    const { email, password } = stack.tryton.customers.marie;
    expect((await marie.login(email, password)).errors).toBeUndefined();
    const mint = async (name: string) => {
      const created = await marie.query<{
        createApiToken: { token: string; apiToken: { id: string } };
      }>('mutation ($name: String!) { createApiToken(name: $name) { token apiToken { id } } }', {
        name,
      });
      return created.data?.createApiToken as { token: string; apiToken: { id: string } };
    };
    token = (await mint('status codes')).token;
    otherToken = (await mint('another integration')).token;
    const old = await mint('revoked');
    revoked = old.token;
    await marie.query('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: old.apiToken.id });
    // Nothing listens on port 9: Tryton is down for this gateway.
    down = await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        TRYTON_URL: 'http://127.0.0.1:9',
        TRYTON_GATEWAY_PASSWORD: 'unused',
        LOG_LEVEL: 'silent',
      }),
      { logger: pino({ level: 'silent' }) },
    );
  });
  afterAll(async () => {
    await down?.stop();
    await stack?.stop();
  });

  // 14 levels (QUERY_MAX_DEPTH is 12), each list of one: cheap, only too deep.
  const deep = `{ viewer { orders(first: 1) { edges { node { invoices(first: 1) { orders(first: 1) {
    invoices(first: 1) { orders(first: 1) { invoices(first: 1) { orders(first: 1) {
    invoices(first: 1) { orders(first: 1) { id } } } } } } } } } } } } }`;
  const cases: Case[] = [
    {
      name: 'a syntax error',
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      send: (ip) => post(gateway(), { query: '{ viewer { ' }, ip),
    },
    {
      name: 'an unknown field',
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      send: (ip) => post(gateway(), { query: '{ nope }' }, ip),
    },
    {
      name: 'a variable of the wrong type',
      status: 400,
      code: 'BAD_USER_INPUT',
      send: (ip) =>
        post(
          gateway(),
          {
            query: 'query ($n: String!) { viewer { order(number: $n) { id } } }',
            variables: { n: 42 },
          },
          ip,
        ),
    },
    {
      name: 'a missing variable',
      status: 400,
      code: 'BAD_USER_INPUT',
      send: (ip) =>
        post(
          gateway(),
          { query: 'query ($n: String!) { viewer { order(number: $n) { id } } }' },
          ip,
        ),
    },
    {
      name: 'more tokens than QUERY_MAX_TOKENS',
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      send: (ip) => post(gateway(), { query: `{ viewer { ${'name '.repeat(400)} } }` }, ip),
    },
    {
      name: 'deeper than QUERY_MAX_DEPTH',
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      send: (ip) => post(gateway(), { query: deep }, ip),
    },
    {
      name: 'more aliases than QUERY_MAX_ALIASES',
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      send: (ip) =>
        post(
          gateway(),
          {
            query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { name }`).join(' ')} }`,
          },
          ip,
        ),
    },
    {
      name: 'a query above QUERY_MAX_COST',
      status: 400,
      code: 'MAX_COST_EXCEEDED',
      send: (ip) =>
        post(
          gateway(),
          {
            query:
              '{ viewer { orders(first: 100) { edges { node { lines(first: 500) { id } } } } } }',
          },
          ip,
        ),
    },
    {
      name: 'a search longer than 100 characters',
      status: 200,
      code: 'BAD_USER_INPUT',
      send: (ip) =>
        post(
          gateway(),
          {
            query:
              'query ($s: String) { viewer { orders(filter: { search: $s }) { totalCount } } }',
            variables: { s: 'x'.repeat(101) },
          },
          ip,
          { authorization: `Bearer ${token}` },
        ),
    },
    {
      name: 'a revoked Bearer token',
      status: 401,
      code: 'UNAUTHENTICATED',
      headers: { 'www-authenticate': /^Bearer error="invalid_token"$/ },
      send: (ip) =>
        post(gateway(), { query: '{ viewer { name } }' }, ip, {
          authorization: `Bearer ${revoked}`,
        }),
    },
    {
      name: 'a made-up Bearer token',
      status: 401,
      code: 'UNAUTHENTICATED',
      send: (ip) =>
        post(gateway(), { query: '{ viewer { name } }' }, ip, {
          authorization: `Bearer tpat_${'A'.repeat(43)}`,
        }),
    },
    {
      name: 'a malformed Bearer token',
      status: 401,
      code: 'UNAUTHENTICATED',
      send: (ip) =>
        post(gateway(), { query: '{ viewer { name } }' }, ip, {
          authorization: 'Bearer not a token',
        }),
    },
    {
      name: 'an empty Bearer header',
      status: 401,
      code: 'UNAUTHENTICATED',
      send: (ip) =>
        post(gateway(), { query: '{ viewer { name } }' }, ip, { authorization: 'Bearer' }),
    },
    {
      name: 'a download with a made-up Bearer token',
      status: 401,
      code: 'UNAUTHENTICATED',
      send: (ip) =>
        fetch(`${gateway()}/downloads/invoices/x.pdf`, {
          headers: { authorization: `Bearer tpat_${'B'.repeat(43)}`, 'x-forwarded-for': ip },
        }),
    },
    {
      name: 'an empty quota bucket',
      status: 429,
      code: 'THROTTLED',
      headers: { 'retry-after': /^\d+$/ },
      send: async (ip) => {
        // An anonymous bucket of 50 that does not refill here: this query (22) passes twice.
        const query = { query: '{ viewer { orders(first: 20) { edges { node { id } } } } }' };
        let response = await post(gateway(), query, ip);
        for (let i = 0; response.status === 200 && i < 10; i++)
          response = await post(gateway(), query, ip);
        return response;
      },
    },
    {
      name: 'Tryton down',
      status: 503,
      code: 'TRYTON_UNAVAILABLE',
      headers: { 'retry-after': /^5$/ },
      send: (ip) =>
        post(down.url, { query: '{ viewer { name } }' }, ip, { authorization: `Bearer ${token}` }),
    },
  ];

  it.each(cases)('$name: HTTP $status, $code', async (testCase) => {
    ipCounter += 1;
    const response = await testCase.send(`10.7.0.${ipCounter}`);
    const body = (await response.json()) as {
      errors?: { extensions?: { code?: string } }[];
      error?: { code?: string };
    };
    expect(response.status).toBe(testCase.status);
    expect(body.errors?.[0]?.extensions?.code ?? body.error?.code).toBe(testCase.code);
    for (const [name, pattern] of Object.entries(testCase.headers ?? {}))
      expect(response.headers.get(name)).toMatch(pattern);
  });

  it('keeps an expired session cookie anonymous, and clears it (the sign-in form must work)', async () => {
    const browser = new GraphQLSession(gateway(), { 'x-forwarded-for': '10.8.0.1' });
    browser.cookie = `portal_session=${'0'.repeat(64)}`;
    const result = await browser.query('{ viewer { name } }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ viewer: null });
    expect(browser.cookie).toBeUndefined();
  });

  it('answers TRYTON_UNAVAILABLE (503) once no Tryton slot frees up within TRYTON_QUEUE_TIMEOUT_MS', async () => {
    const relay = await pausableRelay(new URL(stack.tryton.url));
    const narrow = await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        TRYTON_URL: relay.url,
        TRYTON_DATABASE: stack.tryton.database,
        TRYTON_GATEWAY_LOGIN: stack.tryton.gateway.login,
        TRYTON_GATEWAY_PASSWORD: stack.tryton.gateway.password,
        TRYTON_MAX_IN_FLIGHT: '1',
        TRYTON_QUEUE_TIMEOUT_MS: '200',
        CACHE_TTL_SECONDS: '0',
        LOG_LEVEL: 'silent',
      }),
      { logger: pino({ level: 'silent' }) },
    );
    try {
      // The technical user is logged in; neither token has been checked by this gateway yet,
      // so each request needs a Tryton call of its own.
      expect((await fetch(`${narrow.url}/readyz`)).status).toBe(200);
      relay.hold(true);
      // The first request's call is sent and not answered: it holds the only slot.
      let firstDone = false;
      const first = new GraphQLSession(narrow.url, { authorization: `Bearer ${token}` })
        .query('{ viewer { name } }')
        .finally(() => {
          firstDone = true;
        });
      const second = await new GraphQLSession(narrow.url, {
        authorization: `Bearer ${otherToken}`,
      }).query('{ viewer { name } }');
      expect(second.status).toBe(503);
      expect(second.errors?.[0]?.extensions?.code).toBe('TRYTON_UNAVAILABLE');
      expect(firstDone).toBe(false);
      relay.hold(false);
      expect((await first).status).toBe(200);
    } finally {
      relay.hold(false);
      await narrow.stop();
      await relay.close();
    }
  });
});
