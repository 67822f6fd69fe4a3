import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTemplate, type RunningTryton, startTryton } from '../src/index.js';
import { pgExists, postgresUri } from '../src/postgres.js';

async function rpc(url: string, method: string, params: unknown[], auth?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ id: 1, method, params }),
  });
  const body = response.ok ? ((await response.json()) as { result: unknown }) : null;
  return { status: response.status, body: body ?? { result: null } };
}

describe('startTryton', () => {
  let tryton: RunningTryton;

  beforeAll(async () => {
    tryton = await startTryton({ template: await databaseTemplate() });
  });
  afterAll(async () => {
    await tryton?.stop();
  });

  it('is ready for many callers at once: the first calls do not race the database load', async () => {
    // A fresh server, so these are the first calls its clients make. Without the admin
    // login startTryton makes first, 22 of 30 such logins failed on 7.6 (AssertionError).
    const fresh = await startTryton({ template: await databaseTemplate() });
    try {
      const logins = await Promise.all(
        Array.from({ length: 20 }, () =>
          rpc(`${fresh.url}/${fresh.database}/`, 'common.db.login', [
            'admin',
            { password: fresh.adminPassword },
            'en',
          ]),
        ),
      );
      expect(logins.map((l) => Array.isArray(l.body.result))).toEqual(Array(20).fill(true));
    } finally {
      await fresh.stop();
    }
  });

  it('never takes another server on its port for its own', async () => {
    // A port found free can be taken by another test's server before trytond binds it: this
    // one is taken by the suite's Tryton, which answers there. Without the check of who holds
    // the port, startTryton returned a handle on the other server (and its database).
    await expect(
      startTryton({ template: await databaseTemplate(), port: Number(new URL(tryton.url).port) }),
    ).rejects.toThrow(/port \d+ taken/);
  });

  it('answers JSON-RPC on a loopback port with the portal module active', async () => {
    expect(tryton.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const version = await rpc(`${tryton.url}/`, 'common.server.version', []);
    expect(String(version.body.result)).toMatch(/^\d+\.\d+/);

    const login = await rpc(`${tryton.url}/${tryton.database}/`, 'common.db.login', [
      'admin',
      { password: tryton.adminPassword },
      'en',
    ]);
    const [userId, key] = login.body.result as [number, string];
    const auth = `Session ${Buffer.from(`admin:${userId}:${key}`).toString('base64')}`;
    const modules = await rpc(
      `${tryton.url}/${tryton.database}/`,
      'model.ir.module.search_read',
      [[['state', '=', 'activated']], 0, null, null, ['name'], {}],
      auth,
    );
    const names = (modules.body.result as { name: string }[]).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['portal_api', 'sale', 'web_user', 'account_fr']));
  });

  it('gives each server its own copy of the database and cleans it up', async () => {
    const other = await startTryton({ template: await databaseTemplate() });
    expect(other.databaseFile).not.toBe(tryton.databaseFile);
    const pg = postgresUri();
    /** The copy exists: its database on PostgreSQL, its file on SQLite. */
    const copyExists = async () =>
      pg ? await pgExists(pg, other.database) : existsSync(other.databaseFile);
    expect(await copyExists()).toBe(true);
    await other.stop();
    const after = await fetch(`${other.url}/`, { method: 'POST', body: '{}' }).catch(() => null);
    expect(after).toBeNull();
    // Cleaned up: the copy and its folder (config, filestore) are gone; the first server's stays.
    expect(await copyExists()).toBe(false);
    expect(existsSync(dirname(other.databaseFile))).toBe(false);
    expect(existsSync(dirname(tryton.databaseFile))).toBe(true);
  });
});
