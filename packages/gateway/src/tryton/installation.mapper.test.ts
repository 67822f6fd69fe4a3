import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TrytonClient } from '@portal/tryton-client';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL_API_VERSION, TrytonInstallation } from './installation.mapper.js';

describe('PORTAL_API_VERSION', () => {
  it('is the version of the portal_api module in this repository', () => {
    const cfg = readFileSync(
      new URL('../../../../tryton/modules/portal_api/tryton.cfg', import.meta.url),
      'utf8',
    );
    expect(/^version\s*=\s*(\S+)/m.exec(cfg)?.[1]).toBe(PORTAL_API_VERSION);
  });
});

type Handler = (method: string, params: unknown[]) => unknown;

/**
 * A stand-in Tryton 7.6 answering the calls of the probe from `answers` (method → result, or
 * a function of the params); a method it does not know answers 403, as Tryton does for a
 * method the model does not expose. The real one: test/init-smoke.test.ts.
 */
async function fakeTryton(answers: Record<string, unknown | Handler>): Promise<string> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const { method, params } = JSON.parse(text) as { method: string; params: unknown[] };
      const answer: unknown | Handler = {
        'common.server.version': '7.6',
        'common.db.login': [5, 'session-key'],
        'model.res.user.get_preferences': {},
        ...answers,
      }[method];
      if (answer === undefined) return reply(res, 403);
      reply(res, 200, typeof answer === 'function' ? (answer as Handler)(method, params) : answer);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function reply(res: ServerResponse, status: number, result?: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(status === 200 ? JSON.stringify({ id: 1, result }) : '');
}

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

async function probe(answers: Record<string, unknown | Handler>): Promise<TrytonInstallation> {
  const client = new TrytonClient({ url: await fakeTryton(answers), database: 'portal' });
  const installation = new TrytonInstallation(client, { login: 'portal_gateway', password: 'x' });
  await installation.serverVersion();
  await installation.logIn();
  return installation;
}

const USER = { 'model.res.user.read': [{ id: 5, login: 'portal_gateway', groups: [7, 1] }] };
const GROUPS = {
  'model.res.group.read': [
    { id: 7, name: 'Portal gateway' },
    { id: 1, name: 'Administration' },
  ],
};

describe('TrytonInstallation', () => {
  it('names the groups by the XML ids portal_api gives (portal.gateway.user_groups)', async () => {
    let language: unknown;
    const installation = await probe({
      'model.res.user.read': [{ id: 5, login: 'portal_gateway', groups: [7, 1, 9] }],
      'model.res.group.read': (_: string, params: unknown[]) => {
        language = (params[2] as { language?: string }).language;
        return [
          { id: 7, name: 'Portal gateway' },
          { id: 1, name: 'Administration' },
          { id: 9, name: 'Sales' },
        ];
      },
      'model.portal.gateway.user_groups': [
        { id: 7, xml_id: 'portal_api.group_portal_gateway' },
        { id: 1, xml_id: 'res.group_admin' },
        { id: 9, xml_id: null },
      ],
    });
    expect(await installation.technicalUser()).toEqual({
      login: 'portal_gateway',
      groups: [
        { id: 7, name: 'Portal gateway', xmlId: 'portal_api.group_portal_gateway' },
        { id: 1, name: 'Administration', xmlId: 'res.group_admin' },
        { id: 9, name: 'Sales', xmlId: null },
      ],
    });
    expect(language).toBe('en');
    await installation.close();
  });

  it('trusts no group name without portal_api: a copied "Portal gateway" is not the group', async () => {
    const installation = await probe({
      ...USER,
      ...GROUPS,
    });
    const user = await installation.technicalUser();
    expect(user.groups.map((group) => group.xmlId)).toEqual([null, null]);
    await installation.close();
  });

  it('reads the module, searches without a key, and tells a missing mail RPC', async () => {
    const searches: unknown[][] = [];
    const installation = await probe({
      'model.ir.module.search_read': [{ id: 3, state: 'activated', version: '6.0.0' }],
      'model.sale.sale.search': (_: string, params: unknown[]) => {
        searches.push(params);
        return [];
      },
      'model.account.invoice.search': [12],
    });
    expect(await installation.portalModule()).toEqual({ state: 'activated', version: '6.0.0' });
    expect(await installation.unscopedSearchFinds('orders')).toBe(false);
    expect(await installation.unscopedSearchFinds('invoices')).toBe(true);
    // No domain, one id at most, and no customer key in the context.
    expect(searches[0]?.slice(0, 3)).toEqual([[], 0, 1]);
    expect(JSON.stringify(searches[0]?.[4])).not.toMatch(/portal_session|portal_token/);
    expect(await installation.mailSettings()).toBeNull();
    await installation.close();
  });
});
