import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TrytonClient } from './client.js';
import {
  AbortedError,
  QueueFullError,
  QueueTimeoutError,
  SessionExpiredError,
  TimeoutError,
  UnavailableError,
} from './errors.js';
import { Limiter } from './transport.js';

/**
 * A stand-in Tryton 7.6 for transport behaviour only (the real one is in test/). It answers
 * `common.server.version`, which a client asks before its first login, itself: `handle` sees
 * every other call. Other series: versions.test.ts.
 */
async function fakeTryton(
  handle: (
    body: { method: string; params: unknown[] },
    req: IncomingMessage,
    res: ServerResponse,
  ) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(text);
      if (body.method === 'common.server.version' && req.url === '/') return reply(res, '7.6');
      handle(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function reply(res: ServerResponse, result: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 1, result }));
}

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

describe('Limiter', () => {
  it('caps calls in flight and serves the queue in order', async () => {
    const limiter = new Limiter(2);
    const order: number[] = [];
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limiter.run(async () => {
          peak = Math.max(peak, limiter.inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(i);
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives up on a queued call after queueTimeoutMs and serves the next one in order', async () => {
    const limiter = new Limiter(1, 50);
    let release = () => {};
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const queued = limiter.run(async () => 'never', undefined, 'model.x.read');
    await expect(queued).rejects.toBeInstanceOf(QueueTimeoutError);
    await expect(queued).rejects.toMatchObject({
      code: 'TRYTON_UNAVAILABLE',
      method: 'model.x.read',
    });
    expect(limiter.queued).toBe(0);
    const next = limiter.run(async () => 'served');
    release();
    await holder;
    await expect(next).resolves.toBe('served');
    expect(limiter.inFlight).toBe(0);
  });
});

describe('Limiter bounds', () => {
  it('refuses a call at once when maxQueued calls already wait, and serves the queue after', async () => {
    const limiter = new Limiter(1, 10_000, 2);
    let release = () => {};
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const queued = [limiter.run(async () => 1), limiter.run(async () => 2)];
    const started = performance.now();
    const refused = limiter.run(async () => 3, undefined, 'model.x.read');
    await expect(refused).rejects.toBeInstanceOf(QueueFullError);
    await expect(refused).rejects.toMatchObject({
      code: 'TRYTON_UNAVAILABLE',
      method: 'model.x.read',
    });
    // At once: not after the queue timeout.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(limiter.queued).toBe(2);
    release();
    await holder;
    await expect(Promise.all(queued)).resolves.toEqual([1, 2]);
    expect(limiter.inFlight).toBe(0);
  });

  it('fails the waiting calls at once when told to', async () => {
    const limiter = new Limiter(1);
    let release = () => {};
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = limiter.run(async () => 'never');
    limiter.rejectWaiting(() => new UnavailableError('closing'));
    await expect(waiting).rejects.toThrow('closing');
    expect(limiter.queued).toBe(0);
    release();
    await holder;
    expect(limiter.inFlight).toBe(0);
  });
});

describe('TrytonClient transport', () => {
  it('logs in once for many concurrent calls that meet an expired session, and replays them', async () => {
    let logins = 0;
    let validKey = 'k1';
    const fake = await fakeTryton((body, req, res) => {
      if (body.method === 'common.db.login') {
        logins++;
        validKey = `k${logins}`;
        return reply(res, [7, validKey]);
      }
      const auth = Buffer.from(String(req.headers.authorization).slice(8), 'base64').toString();
      if (!auth.endsWith(`:${validKey}`)) {
        res.writeHead(401);
        return res.end();
      }
      if (body.method === 'model.res.user.get_preferences')
        return reply(res, { company: 1, language: 'fr' });
      return reply(res, body.params.at(-1));
    });
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db' });
    await client.login('gateway', 'secret-password');
    expect(client.preferences).toEqual({ company: 1, language: 'fr' });
    validKey = 'expired-elsewhere';
    const contexts = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.call('model.sale.sale.search', [[]], { context: { portal_session: 'x' } }),
      ),
    );
    expect(logins).toBe(2);
    expect(contexts[0]).toEqual({ company: 1, language: 'fr', portal_session: 'x' });
    await client.close();
  });

  it('retries reads on 503 but never writes, and reports every call', async () => {
    const seen: string[] = [];
    const fake = await fakeTryton((body, _req, res) => {
      seen.push(body.method);
      res.writeHead(503);
      res.end();
    });
    servers.push(fake.server);
    const events: string[] = [];
    const client = new TrytonClient({
      url: fake.url,
      database: 'db',
      retry: { attempts: 2, baseDelayMs: 1 },
      hooks: { onCall: (e) => events.push(`${e.method}:${e.outcome}:${e.errorCode}`) },
    });
    await expect(
      client.call('model.sale.sale.search_read', [[], 0, 1, null, []]),
    ).rejects.toBeInstanceOf(UnavailableError);
    await expect(client.call('model.sale.sale.write', [[1], {}])).rejects.toBeInstanceOf(
      UnavailableError,
    );
    expect(seen).toEqual([
      'model.sale.sale.search_read',
      'model.sale.sale.search_read',
      'model.sale.sale.search_read',
      'model.sale.sale.write',
    ]);
    expect(events.at(-1)).toBe('model.sale.sale.write:error:TRYTON_UNAVAILABLE');
    await client.close();
  });

  it('times out, honours AbortSignal, and reports a refused connection as unavailable', async () => {
    const fake = await fakeTryton(() => {
      // never answers
    });
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db', timeoutMs: 200 });
    await expect(client.call('model.x.write', [])).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = client.call('model.x.write', [], { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await client.close();

    const down = new TrytonClient({
      url: 'http://127.0.0.1:9',
      database: 'db',
      retry: { attempts: 0 },
    });
    await expect(down.call('model.x.read', [[1], []])).rejects.toBeInstanceOf(UnavailableError);
    await down.close();
  });

  it('fails a call that finds every slot busy past queueTimeoutMs as unavailable, without retrying it', async () => {
    const seen: string[] = [];
    const events: string[] = [];
    let answerHeld = () => {};
    const fake = await fakeTryton((body, _req, res) => {
      seen.push(body.method);
      if (body.method === 'model.x.slow') {
        answerHeld = () => reply(res, null);
        return;
      }
      reply(res, []);
    });
    servers.push(fake.server);
    const client = new TrytonClient({
      url: fake.url,
      database: 'db',
      maxInFlight: 1,
      queueTimeoutMs: 100,
      retry: { attempts: 2, baseDelayMs: 1 },
      hooks: { onCall: (e) => events.push(`${e.method}:${e.attempt}:${e.errorCode}`) },
    });
    const slow = client.call('model.x.slow', []);
    // A read, which would otherwise be retried on UnavailableError.
    const read = client.call('model.x.search', [[]]);
    await expect(read).rejects.toBeInstanceOf(QueueTimeoutError);
    await expect(read).rejects.toBeInstanceOf(UnavailableError);
    expect(seen).toEqual(['model.x.slow']);
    expect(events).toEqual(['model.x.search:0:TRYTON_UNAVAILABLE']);
    answerHeld();
    await slow;
    await expect(client.call('model.x.search', [[]])).resolves.toEqual([]);
    await client.close();
  });

  it('refuses a read at once once maxQueued calls wait, without retrying or sending it', async () => {
    const seen: string[] = [];
    const held: (() => void)[] = [];
    const fake = await fakeTryton((body, _req, res) => {
      seen.push(body.method);
      held.push(() => reply(res, []));
    });
    servers.push(fake.server);
    const client = new TrytonClient({
      url: fake.url,
      database: 'db',
      maxInFlight: 1,
      maxQueued: 1,
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    const first = client.call('model.x.search', [[]]);
    const second = client.call('model.x.search', [[]]);
    await expect(client.call('model.x.search', [[]])).rejects.toBeInstanceOf(QueueFullError);
    expect(client.load).toEqual({ inFlight: 1, queued: 1 });
    for (let i = 0; i < 50 && held.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    held.shift()?.();
    for (let i = 0; i < 50 && held.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    held.shift()?.();
    await expect(Promise.all([first, second])).resolves.toEqual([[], []]);
    expect(seen).toEqual(['model.x.search', 'model.x.search']);
    await client.close();
  });

  it('spends at most its retry budget on a Tryton that fails every call', async () => {
    let tries = 0;
    const fake = await fakeTryton((_body, _req, res) => {
      tries++;
      res.writeHead(503);
      res.end();
    });
    servers.push(fake.server);
    const client = new TrytonClient({
      url: fake.url,
      database: 'db',
      retry: { attempts: 2, baseDelayMs: 1, budget: 0.1, reserve: 2 },
    });
    for (let i = 0; i < 30; i++) {
      await expect(client.call('model.x.read', [[1], []])).rejects.toBeInstanceOf(UnavailableError);
    }
    // Without a budget: 90 tries. With it: 30 first tries, the reserve (2) and 10 % of 30.
    expect(tries).toBeGreaterThanOrEqual(30 + 2 + 2);
    expect(tries).toBeLessThanOrEqual(30 + 2 + 3);
    await client.close();
  });

  it('closes with a grace period: queued calls fail at once, a call still running is cut after it', async () => {
    const fake = await fakeTryton(() => {
      // never answers
    });
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db', maxInFlight: 1 });
    const running = client.call('model.x.write', []).catch((e: unknown) => e);
    const queued = client.call('model.x.write', []).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await client.close({ graceMs: 200 });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(150);
    expect(took).toBeLessThan(2000);
    expect(await queued).toBeInstanceOf(UnavailableError);
    expect(await running).toBeInstanceOf(UnavailableError);
  });

  it('keeps the password and the session key out of errors when Tryton goes away', async () => {
    const fake = await fakeTryton((body, _req, res) => {
      if (body.method === 'common.db.login') return reply(res, [7, 'the-session-key-0123']);
      return reply(res, {});
    });
    const client = new TrytonClient({ url: fake.url, database: 'db', retry: { attempts: 0 } });
    await client.login('gateway', 'secret-password');
    // The client now holds both secrets; Tryton disappears under it.
    fake.server.closeAllConnections();
    await new Promise((resolve) => fake.server.close(resolve));
    const errors = [
      await client.call('model.x.read', [[1], []]).catch((e: unknown) => e),
      await client.login('gateway', 'secret-password').catch((e: unknown) => e),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(UnavailableError);
      const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack} ${String((error as Error).cause)}`;
      expect(text).not.toContain('secret-password');
      expect(text).not.toContain('the-session-key-0123');
      expect(text).not.toContain(Buffer.from('gateway:7:the-session-key-0123').toString('base64'));
    }
    await client.close();
  });

  it('never puts the password or the session key in an error', async () => {
    const fake = await fakeTryton((body, _req, res) => {
      if (body.method === 'common.db.login') return reply(res, [7, 'the-session-key']);
      res.writeHead(401);
      res.end();
    });
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db' });
    const error = await client.login('gateway', 'hunter2-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(text).not.toContain('hunter2-password');
    expect(text).not.toContain('the-session-key');
    await client.close();
  });

  it('sends per-call headers, on replays too, but never lets them replace its own', async () => {
    const seen: { method: string; forwarded: unknown; auth: unknown; type: unknown }[] = [];
    let expireOnce = true;
    const fake = await fakeTryton((body, req, res) => {
      seen.push({
        method: body.method,
        forwarded: req.headers['x-forwarded-for'],
        auth: req.headers.authorization,
        type: req.headers['content-type'],
      });
      if (body.method === 'common.db.login') return reply(res, [7, 'key']);
      if (body.method === 'model.res.user.get_preferences') return reply(res, {});
      if (body.method === 'model.portal.gateway.login' && expireOnce) {
        expireOnce = false;
        res.writeHead(401);
        return res.end();
      }
      return reply(res, null);
    });
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db' });
    await client.login('gateway', 'secret');
    await client.call('model.portal.gateway.login', ['a@b.fr', 'pw'], {
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    });
    await client.call('model.portal.gateway.logout', ['k']);
    const auth = `Session ${Buffer.from('gateway:7:key').toString('base64')}`;
    expect(seen.map((s) => [s.method, s.forwarded])).toEqual([
      ['common.db.login', undefined],
      ['model.res.user.get_preferences', undefined],
      // Refused with 401, logged in again (without the header), replayed with it.
      ['model.portal.gateway.login', '203.0.113.7'],
      ['common.db.login', undefined],
      ['model.res.user.get_preferences', undefined],
      ['model.portal.gateway.login', '203.0.113.7'],
      ['model.portal.gateway.logout', undefined],
    ]);
    for (const call of seen.slice(1).filter((s) => s.method !== 'common.db.login')) {
      expect(call.auth).toBe(auth);
      expect(call.type).toBe('application/json');
    }

    const count = seen.length;
    const refused: Record<string, string>[] = [
      { Authorization: 'Session forged' },
      { authorization: 'Basic x' },
      { 'Content-Type': 'text/plain' },
      { 'content-length': '1' },
      { Host: 'elsewhere' },
      { 'bad name': 'x' },
      { 'x-forwarded-for': '1.2.3.4\r\nauthorization: Session forged' },
    ];
    for (const headers of refused) {
      const error = await client
        .call('model.portal.gateway.logout', ['k'], { headers })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
    }
    expect(seen.length).toBe(count);
    await client.close();
  });
});
