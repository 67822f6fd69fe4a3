import { type DemoTryton, startDemoTryton } from '@portal/demo-data';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TcpProxy, tcpProxy } from '../bench/load/proxies.mjs';
import { loadConfig } from '../src/config.js';
import { startGateway } from '../src/server.js';
import { GraphQLSession } from './support/stack.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Graceful shutdown (issue 17), against the real Tryton behind a TCP proxy that can slow it
 * down, so that a request is surely in flight when the gateway is told to stop.
 */
describe('graceful shutdown', () => {
  let tryton: DemoTryton;
  let proxy: TcpProxy;
  beforeAll(async () => {
    tryton = await startDemoTryton();
    proxy = await tcpProxy({ host: '127.0.0.1', port: Number(new URL(tryton.url).port) });
  });
  afterAll(async () => {
    await proxy?.close();
    await tryton?.stop();
  });

  const gateway = async (shutdown: { delayMs: number; timeoutMs: number }) =>
    await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        TRYTON_URL: proxy.url,
        TRYTON_DATABASE: tryton.database,
        TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
        CACHE_TTL_SECONDS: '0',
        SHUTDOWN_DELAY_MS: String(shutdown.delayMs),
        SHUTDOWN_TIMEOUT_MS: String(shutdown.timeoutMs),
        LOG_LEVEL: 'silent',
      }),
      { logger: pino({ level: 'silent' }) },
    );

  it('turns health and readiness to 503 at once, finishes the request in flight, then closes', async () => {
    proxy.setDelay(0);
    const running = await gateway({ delayMs: 500, timeoutMs: 8000 });
    const browser = new GraphQLSession(running.url);
    const { marie } = tryton.customers;
    expect((await browser.login(marie.email, marie.password)).errors).toBeUndefined();
    proxy.setDelay(700);
    const pending = browser.query<{ viewer: { orders: { totalCount: number } } }>(
      '{ viewer { orders(first: 5) { totalCount } } }',
    );
    await sleep(200);
    const started = performance.now();
    const stopped = running.stop();
    for (const path of ['/healthz', '/readyz']) {
      const probe = await fetch(`${running.url}${path}`);
      expect(probe.status).toBe(503);
      expect(await probe.json()).toEqual({ status: 'draining' });
    }
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.data?.viewer.orders.totalCount).toBeGreaterThan(0);
    await stopped;
    expect(performance.now() - started).toBeLessThan(8000);
    // The port is closed: nothing is accepted any more.
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    // Stopping again is the same stop.
    await running.stop();
  });

  it('cuts a request still running at the deadline and stops on time', async () => {
    proxy.setDelay(0);
    const running = await gateway({ delayMs: 0, timeoutMs: 500 });
    const browser = new GraphQLSession(running.url);
    const { jean } = tryton.customers;
    expect((await browser.login(jean.email, jean.password)).errors).toBeUndefined();
    proxy.setDelay(5000);
    const pending = browser.query('{ viewer { orders(first: 5) { totalCount } } }').then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(200);
    const started = performance.now();
    await running.stop();
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(450);
    // The deadline, then at most a second for the Tryton logout and a second for the client.
    expect(took).toBeLessThan(3500);
    expect(await pending).toBe('cut');
    proxy.setDelay(0);
  });
});
