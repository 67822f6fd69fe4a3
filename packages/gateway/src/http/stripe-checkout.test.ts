import { readFileSync } from 'node:fs';
import {
  createServer,
  get,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../errors.js';
import { MemoryLeakyBucket } from '../quotas/leaky-bucket.js';
import { CHECKOUT_COST, CHECKOUT_CSP, isCheckoutPath, relayCheckout } from './stripe-checkout.js';

const ID = 'ab'.repeat(16);
const PATH = `/portal/account_payment_stripe/checkout/account.payment/${ID}`;

/** The directives of a policy, each with its sources, in order. */
const directives = (policy: string) =>
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0]);

describe('the checkout relay', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });

  /** An HTTP server on a free loopback port answering as `answer` does: Tryton's place. */
  const tryton = async (answer: (req: IncomingMessage, res: ServerResponse) => void) => {
    const server = createServer(answer);
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  /** Runs the relay for one request through a real gateway-side server; its answer. */
  const relayed = async (
    trytonUrl: string,
    options: { timeoutMs?: number; size?: number } = {},
  ) => {
    const bucket = new MemoryLeakyBucket();
    const limits = { size: options.size ?? 100, restoreRate: 1 };
    const front = await tryton((req, res) => {
      relayCheckout(req, res, PATH, {
        trytonUrl,
        timeoutMs: options.timeoutMs ?? 2000,
        clientIp: '203.0.113.9',
        forwardedProto: 'https',
        quota: { bucket, key: 'ip:203.0.113.9', limits },
      }).catch((error: GatewayError) => {
        res.writeHead(error instanceof GatewayError ? 503 : 500);
        res.end(error instanceof GatewayError ? error.code : 'unexpected');
      });
    });
    // node:http, since fetch may not set Host: the portal's host as traefik passes it.
    const response = await new Promise<IncomingMessage>((done, fail) =>
      get(
        `${front}${PATH}`,
        { headers: { host: 'portal.example.fr', cookie: 'portal_session=secret' } },
        done,
      ).on('error', fail),
    );
    let body = '';
    for await (const chunk of response) body += chunk;
    return {
      response: { status: response.statusCode, headers: response.headers },
      body,
      bucket,
      limits,
    };
  };

  it("keeps the policy of traefik's checkout router (traefik/dynamic.yml)", () => {
    const file = readFileSync(new URL('../../../../traefik/dynamic.yml', import.meta.url), 'utf8');
    const block =
      /security-headers-stripe-checkout:[\s\S]*?contentSecurityPolicy: >-\n([\s\S]*?)\n\s*#/.exec(
        file,
      );
    expect(block?.[1]).toBeTruthy();
    expect(directives(CHECKOUT_CSP)).toEqual(directives((block?.[1] ?? '').replace(/\s+/g, ' ')));
  });

  it('matches only the checkout page and its end, of its own database', () => {
    expect(isCheckoutPath(PATH, 'portal')).toBe(true);
    expect(isCheckoutPath(`${PATH}/end`, 'portal')).toBe(true);
    expect(isCheckoutPath(PATH, 'other')).toBe(false);
    expect(isCheckoutPath(`${PATH}/end/x`, 'portal')).toBe(false);
    expect(isCheckoutPath(PATH.replace(ID, ID.slice(1)), 'portal')).toBe(false);
    expect(isCheckoutPath(PATH.replace(ID, ID.toUpperCase()), 'portal')).toBe(false);
    expect(isCheckoutPath(PATH.replace('account.payment', 'res.user'), 'portal')).toBe(false);
    expect(isCheckoutPath(`/portal/account_payment_stripe/webhook/${ID}`, 'portal')).toBe(false);
  });

  it("sends Tryton the caller's host and scheme, and none of the caller's cookies", async () => {
    let seen: IncomingMessage['headers'] = {};
    const url = await tryton((req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'tryton=1' });
      res.end('<html>pay</html>');
    });
    const { response, body, bucket, limits } = await relayed(url);
    expect(response.status).toBe(200);
    expect(body).toBe('<html>pay</html>');
    expect(response.headers['content-security-policy']).toBe(CHECKOUT_CSP);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(seen['x-forwarded-host']).toBe('portal.example.fr');
    expect(seen['x-forwarded-proto']).toBe('https');
    expect(seen['x-forwarded-for']).toBe('203.0.113.9');
    expect(seen.cookie).toBeUndefined();
    // The page was charged to the caller's bucket.
    const left = await bucket.take('ip:203.0.113.9', 0, limits);
    expect(left.available).toBeLessThanOrEqual(limits.size - CHECKOUT_COST + 1);
  });

  it("answers Tryton's 404 and 403 as NOT_FOUND", async () => {
    for (const status of [403, 404]) {
      const url = await tryton((_req, res) => {
        res.writeHead(status);
        res.end('Forbidden');
      });
      const { response, body } = await relayed(url);
      expect(response.status).toBe(404);
      expect(JSON.parse(body).error.code).toBe('NOT_FOUND');
    }
  });

  it('is TRYTON_UNAVAILABLE when Tryton fails, is down or is too slow, within the bound', async () => {
    const failing = await tryton((_req, res) => {
      res.writeHead(500);
      res.end('Traceback (most recent call last): secret');
    });
    const failed = await relayed(failing);
    expect([failed.response.status, failed.body]).toEqual([503, 'TRYTON_UNAVAILABLE']);

    const closed = await tryton(() => undefined);
    await new Promise((done) => servers.pop()?.close(done)); // nothing listens there now
    const down = await relayed(closed);
    expect([down.response.status, down.body]).toEqual([503, 'TRYTON_UNAVAILABLE']);

    // A Tryton that never answers: the relay's timeout ends it (the test's own would fail it).
    const hung = await tryton(() => undefined);
    const slow = await relayed(hung, { timeoutMs: 200 });
    expect([slow.response.status, slow.body]).toEqual([503, 'TRYTON_UNAVAILABLE']);
  });

  it('refuses with THROTTLED and asks nothing of Tryton once the bucket is empty', async () => {
    let calls = 0;
    const url = await tryton((_req, res) => {
      calls++;
      res.end('page');
    });
    const { response, body } = await relayed(url, { size: CHECKOUT_COST - 1 });
    expect(response.status).toBe(429);
    expect(JSON.parse(body).error.code).toBe('THROTTLED');
    expect(response.headers['retry-after']).toBeTruthy();
    expect(calls).toBe(0);
  });
});
