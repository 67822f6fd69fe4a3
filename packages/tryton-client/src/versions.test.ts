import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor, rpcPathAdapter, sessionHeaderAdapter } from './adapter.js';
import { TrytonClient } from './client.js';
import { OWN, Sessions } from './sessions.js';

describe('adapterFor', () => {
  it('picks the adapter by series: the rpc paths from 7.8 on', () => {
    for (const version of ['5.0.1', '6.0.29', '7.0', '7.0.30', '7.6', '7.6.6']) {
      expect(adapterFor(version)).toBe(sessionHeaderAdapter);
    }
    for (const version of ['7.8', '8.0', '8.0.5', '8.2', '10.0']) {
      expect(adapterFor(version)).toBe(rpcPathAdapter);
    }
    for (const version of ['', 'eight', '8', 'v8.0']) {
      expect(() => adapterFor(version)).toThrow(RangeError);
    }
  });
});

describe('the adapters', () => {
  it('name the paths of their series', () => {
    expect(sessionHeaderAdapter.serverPath).toBe('/');
    expect(sessionHeaderAdapter.databasePath('démo db')).toBe('/d%C3%A9mo%20db/');
    expect(rpcPathAdapter.serverPath).toBe('/rpc/');
    expect(rpcPathAdapter.databasePath('démo db')).toBe('/d%C3%A9mo%20db/rpc/');
  });

  it('read the login answer of their series: two values up to 7.6, three from 7.8', () => {
    expect(sessionHeaderAdapter.parseLogin([7, 'key'])).toEqual({ userId: 7, key: 'key' });
    expect(rpcPathAdapter.parseLogin([7, 'key', null])).toEqual({ userId: 7, key: 'key' });
    expect(rpcPathAdapter.parseLogin([7, 'key', 'http://bus'])).toEqual({ userId: 7, key: 'key' });
    const wrong = [[7, 'key', null], [7], ['7', 'key'], { 0: 7, 1: 'key' }, null];
    for (const result of wrong)
      expect(() => sessionHeaderAdapter.parseLogin(result)).toThrow(TypeError);
    for (const result of [[7, 'key'], [7, 'key', 1], [7, 1, null], null]) {
      expect(() => rpcPathAdapter.parseLogin(result)).toThrow(TypeError);
    }
  });

  it('authenticate with the same Session header', () => {
    const session = { login: 'gateway', userId: 7, key: 'k' };
    const header = { authorization: `Session ${Buffer.from('gateway:7:k').toString('base64')}` };
    expect(sessionHeaderAdapter.authorization(session)).toEqual(header);
    expect(rpcPathAdapter.authorization(session)).toEqual(header);
  });
});

describe('Sessions', () => {
  const session = (key: string) => ({ login: 'gateway', userId: 7, key });

  it('keeps at most `limit` forwarded-address sessions, least recently used out, never its own', () => {
    const sessions = new Sessions(2);
    expect(sessions.set(OWN, session('own'))).toEqual([]);
    expect(sessions.set('192.0.2.1', session('a'))).toEqual([]);
    expect(sessions.set('192.0.2.2', session('b'))).toEqual([]);
    sessions.get('192.0.2.1');
    expect(sessions.set('192.0.2.3', session('c'))).toEqual([['192.0.2.2', session('b')]]);
    expect(sessions.get(OWN)?.key).toBe('own');
    expect(sessions.get('192.0.2.2')).toBeUndefined();
    expect(sessions.clear().map(([address]) => address)).toEqual([OWN, '192.0.2.1', '192.0.2.3']);
  });

  it('opens once per address for concurrent callers', async () => {
    const sessions = new Sessions(2);
    let opened = 0;
    const open = async () => {
      opened++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await Promise.all([
      sessions.open('192.0.2.1', open),
      sessions.open('192.0.2.1', open),
      sessions.open('192.0.2.2', open),
    ]);
    expect(opened).toBe(2);
    await sessions.open('192.0.2.1', open);
    expect(opened).toBe(3);
  });
});

/**
 * A stand-in Tryton 8.0, as far as the wire goes: `/rpc/` paths (405 on the old ones), a
 * three-value login, and sessions valid only from the address that opened them (the
 * `X-Forwarded-For` header, as behind `num_proxies = 1`, else the socket's).
 */
async function fakeTryton80() {
  const seen: { path: string; method: string; from: string }[] = [];
  const sessions = new Map<string, string>();
  let next = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(text) as { method: string };
      const from = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress);
      seen.push({ path: String(req.url), method: body.method, from });
      const answer = (status: number, result?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? JSON.stringify({ id: 1, result }) : undefined);
      };
      if (req.url === '/rpc/' && body.method === 'common.server.version') {
        return answer(200, '8.0');
      }
      if (req.url !== '/db/rpc/') return answer(405);
      if (body.method === 'common.db.login') {
        const key = `key-${++next}`;
        sessions.set(key, from);
        return answer(200, [7, key, null]);
      }
      const auth = Buffer.from(String(req.headers.authorization).slice(8), 'base64').toString();
      const key = auth.split(':')[2] ?? '';
      if (sessions.get(key) !== from) return answer(401);
      if (body.method === 'common.db.logout') sessions.delete(key);
      return answer(200, body.method === 'model.res.user.get_preferences' ? {} : key);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    seen,
    sessions,
  };
}

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

describe('TrytonClient on Tryton 8.0', () => {
  it('finds the series before logging in, then uses the rpc paths', async () => {
    const fake = await fakeTryton80();
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db' });
    expect(client.version).toBeUndefined();
    await client.login('gateway', 'secret');
    expect(client.version).toBe('8.0');
    expect(await client.serverVersion()).toBe('8.0');
    expect(await client.call('model.party.party.search_count', [[]])).toBe('key-1');
    expect(fake.seen.map(({ path, method }) => `${path} ${method}`)).toEqual([
      '/ common.server.version',
      '/rpc/ common.server.version',
      '/db/rpc/ common.db.login',
      '/db/rpc/ model.res.user.get_preferences',
      '/rpc/ common.server.version',
      '/db/rpc/ model.party.party.search_count',
    ]);
    await client.close();
  });

  it('asks nothing when the adapter is pinned', async () => {
    const fake = await fakeTryton80();
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db', adapter: rpcPathAdapter });
    await client.login('gateway', 'secret');
    expect(fake.seen.map(({ method }) => method)).toEqual([
      'common.db.login',
      'model.res.user.get_preferences',
    ]);
    await client.close();
  });

  it('calls for a forwarded address with a session opened from that address, once', async () => {
    const fake = await fakeTryton80();
    servers.push(fake.server);
    const client = new TrytonClient({ url: fake.url, database: 'db' });
    await client.login('gateway', 'secret');
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    const keys = await Promise.all([
      client.call('model.portal.gateway.login', ['a@b.fr', 'pw'], from('203.0.113.7')),
      client.call('model.portal.gateway.login', ['a@b.fr', 'pw'], from('203.0.113.7')),
      client.call('model.portal.gateway.login', ['c@d.fr', 'pw'], from('198.51.100.2')),
      client.call('model.portal.gateway.session_user', ['s']),
    ]);
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
    const logins = () => fake.seen.filter((call) => call.method === 'common.db.login');
    expect(logins().map((call) => call.from)).toEqual(['127.0.0.1', '203.0.113.7', '198.51.100.2']);
    expect(
      fake.seen
        .filter((call) => call.method !== 'common.db.login')
        .every((call) => call.path !== '/db/'),
    ).toBe(true);

    // Tryton forgets that address's session: one new login from it, the call replayed.
    fake.sessions.delete(keys[0] as string);
    await client.call('model.portal.gateway.login', ['a@b.fr', 'pw'], from('203.0.113.7'));
    expect(logins().map((call) => call.from)).toEqual([
      '127.0.0.1',
      '203.0.113.7',
      '198.51.100.2',
      '203.0.113.7',
    ]);
    expect(client.session).toEqual({ userId: 7, login: 'gateway' });

    await client.logout();
    await expect.poll(() => fake.sessions.size).toBe(0);
    await client.close();
  });
});
