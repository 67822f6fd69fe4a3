import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { databaseTemplate, freePort, type RunningTryton, startTryton } from '@portal/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessDeniedError,
  type CallEvent,
  LoginRefusedError,
  RateLimitedError,
  TimeoutError,
  TrytonClient,
  UnavailableError,
  UserError,
} from '../src/index.js';

/** Each typed error provoked for real: against Debian's trytond 6.0, or a real TCP peer. */
describe('typed errors from a real Tryton', () => {
  let tryton: RunningTryton;
  let client: TrytonClient;

  beforeAll(async () => {
    tryton = await startTryton({ template: await databaseTemplate() });
    client = new TrytonClient({ url: tryton.url, database: tryton.database });
    await client.login('admin', tryton.adminPassword);
  });
  afterAll(async () => {
    await client?.close();
    await tryton?.stop();
  });

  it('answers a method the model does not expose with AccessDeniedError (HTTP 403)', async () => {
    // web.user.authenticate exists server-side but is not in __rpc__: Tryton answers 403.
    const error = await client
      .call('model.web.user.authenticate', ['someone@example.fr', 'pw'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect((error as AccessDeniedError).code).toBe('TRYTON_ACCESS_DENIED');
    expect((error as AccessDeniedError).method).toBe('model.web.user.authenticate');
    // The session is intact: a 403 is not a 401.
    expect(await client.model('res.user').searchCount([['login', '=', 'admin']])).toBe(1);
  });

  it('throttles repeated bad logins with RateLimitedError (HTTP 429), even for the right password', async () => {
    const login = `throwaway-${Date.now()}`;
    const password = 'Corr3ct-Horse-Battery';
    await client.model('res.user').create([{ name: 'Throwaway', login, password }]);
    const attacker = new TrytonClient({ url: tryton.url, database: tryton.database });
    // max_attempt is 5: more failures than that within [session] timeout lock the login.
    // Concurrent, so Tryton's growing per-attempt sleep (0..2^n-1 s) stays short.
    const burst = await Promise.all(
      Array.from({ length: 7 }, () =>
        attacker.login(login, 'wrong-password').catch((e: unknown) => e),
      ),
    );
    for (const outcome of burst) {
      expect([LoginRefusedError, RateLimitedError]).toContain((outcome as object).constructor);
    }
    const limited = await attacker.login(login, password).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).code).toBe('TRYTON_RATE_LIMITED');
    // Tryton 6.0 sends no Retry-After header; the client maps it when present (unit tested).
    expect((limited as RateLimitedError).retryAfterSeconds).toBeUndefined();
    expect(attacker.session).toBeNull();
    await attacker.close();
    // The throttle is per login: the admin still logs in.
    const other = new TrytonClient({ url: tryton.url, database: tryton.database });
    await other.login('admin', tryton.adminPassword);
    expect(other.session?.login).toBe('admin');
    await other.close();
  });

  it('gives a UserError with the domain that the value broke', async () => {
    const [france, belgium] = await client.model('country.country').create([
      { name: 'France', code: 'FR' },
      { name: 'Belgique', code: 'BE' },
    ]);
    const [liege] = await client
      .model('country.subdivision')
      .create([{ name: 'Liège', code: 'BE-WLG', type: 'province', country: belgium }]);
    const [party] = await client.model('party.party').create([{ name: 'Domain Test' }]);
    const error = await client
      .model('party.address')
      .create([{ party, country: france, subdivision: liege }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const userError = error as UserError;
    // 7.x names the value and the record (6.0 did neither); 7.6 adds `record` and the model's
    // longer name.
    expect(userError.message).toMatch(
      /^The value "Liège" for field "Subdivision" in (record )?"Domain Test, FR" of "(Party )?Address" is not valid according to its domain\.$/,
    );
    expect(userError.description).toBe('');
    // [the domain the subdivision must satisfy, fields_get of the fields it names].
    const [domain, fields] = userError.domain as [unknown, Record<string, { type: string }>];
    expect(domain).toEqual([['country', '=', france]]);
    expect(fields.country?.type).toBe('many2one');
  });
});

describe('typed errors from a server that is down or silent', () => {
  const sockets: Socket[] = [];
  let silent: Server;

  beforeAll(async () => {
    // Accepts every connection and never answers a byte.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('times out against a server that accepts and never answers', async () => {
    const events: CallEvent[] = [];
    const { port } = silent.address() as AddressInfo;
    const client = new TrytonClient({
      url: `http://127.0.0.1:${port}`,
      database: 'portal',
      timeoutMs: 300,
      hooks: { onCall: (e) => events.push(e) },
    });
    // Timers fire in the order they expire, however busy the machine: the timeout comes after
    // one of half its bound (not early) and before one of ten times it (the bound applies).
    const order: string[] = [];
    const half = setTimeout(() => order.push('150 ms'), 150);
    const tenfold = setTimeout(() => order.push('3000 ms'), 3000);
    const error = await client
      .model('party.party')
      .read([1], ['name'])
      .catch((e: unknown) => {
        order.push('timeout');
        return e;
      });
    clearTimeout(half);
    clearTimeout(tenfold);
    expect(order).toEqual(['150 ms', 'timeout']);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('Tryton did not answer within 300 ms');
    // A timeout is not retried, even for a read: Tryton may still be working on it.
    expect(events.map((e) => e.errorCode)).toEqual(['TRYTON_TIMEOUT']);
    expect(sockets.length).toBe(1);
    await client.close();
  });

  it('reports a refused connection as UnavailableError, after retrying a read', async () => {
    const port = await freePort();
    const events: CallEvent[] = [];
    const client = new TrytonClient({
      url: `http://127.0.0.1:${port}`,
      database: 'portal',
      retry: { attempts: 2, baseDelayMs: 1 },
      hooks: { onCall: (e) => events.push(e) },
    });
    const error = await client
      .model('party.party')
      .search([])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).message).toBe('Tryton is unreachable (ECONNREFUSED)');
    expect(events.map((e) => e.attempt)).toEqual([0, 1, 2]);
    await client.close();
  });

  it('reports a connection closed without an answer as UnavailableError', async () => {
    const closing = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    const { port } = closing.address() as AddressInfo;
    const client = new TrytonClient({
      url: `http://127.0.0.1:${port}`,
      database: 'portal',
      retry: { attempts: 0 },
    });
    await expect(client.model('party.party').search([])).rejects.toBeInstanceOf(UnavailableError);
    await client.close();
    await new Promise((resolve) => closing.close(resolve));
  });
});
