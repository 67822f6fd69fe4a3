import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/stack.js';

describe('bad input and outages', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers malformed requests with stable codes and no internals', async () => {
    const url = `${stack.gateway.url}/graphql`;
    const json = (body: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await json('{"query": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('BAD_REQUEST');
    type Errors = { errors: { message: string; extensions: { code: string } }[] };
    const syntax = (await (await json(JSON.stringify({ query: '{ viewer { ' }))).json()) as Errors;
    expect(syntax.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(syntax.errors[0]?.message).toMatch(/Syntax Error/);
    const unknown = (await (await json(JSON.stringify({ query: '{ nope }' }))).json()) as Errors;
    expect(unknown.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const huge = await json(
      JSON.stringify({ query: `{ viewer { name } } #${'x'.repeat(200_000)}` }),
    );
    expect(huge.status).toBe(413);
    for (const body of [malformed, huge]) expect(body.headers.get('content-type')).toMatch(/json/);
  });

  it('reports health, readiness and metrics', async () => {
    expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    const scrape = async () => await (await fetch(`${stack.gateway.url}/metrics`)).text();
    /** The value of one sample, 0 when absent (prom-client's text format). */
    const sample = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };
    const before = await scrape();
    const browser = stack.session();
    await browser.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    await browser.query('query Counted { viewer { orders(first: 2) { totalCount } } }');
    await browser.query('query Counted { viewer { order(number: "NO-SUCH") { number } } }');
    await browser.query('{ viewer { orders(first: 500) { totalCount } } }');
    const after = await scrape();
    const grew = (series: string) => sample(after, series) - sample(before, series);
    // By operation type: names are the callers' own, unbounded labels.
    expect(grew('portal_graphql_requests_total{operation="query"}')).toBe(3);
    expect(grew('portal_graphql_requests_total{operation="mutation"}')).toBe(1);
    expect(grew('portal_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(
      grew('portal_tryton_calls_total{model="sale.sale",method="search_count",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(grew('portal_graphql_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(after).not.toMatch(/marie|password|portal_session=/i);
  });

  it('answers TRYTON_UNAVAILABLE with 503 while Tryton is down', async () => {
    const browser = stack.session();
    await browser.login(stack.tryton.customers.marie.email, stack.tryton.customers.marie.password);
    await stack.tryton.stop();
    const result = await browser.query('{ viewer { orders { totalCount } } }');
    expect(result.status).toBe(503);
    expect(result.errors?.[0]?.extensions?.code).toBe('TRYTON_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    const login = await stack.session().login('a@example.fr', 'whatever-password');
    expect(login.errors?.[0]?.extensions?.code).toBe('TRYTON_UNAVAILABLE');
    expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(503);
  });
});
