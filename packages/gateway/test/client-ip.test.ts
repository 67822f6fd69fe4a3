import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { trytonRuntime } from '@portal/devstack';
import { AccessDeniedError, TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedFor } from '../src/tryton/portal-gateway.js';
import { startStack, type TestStack } from './support/stack.js';

const run = promisify(execFile);

interface AttemptRow {
  login: string;
  ip_address: string;
  ip_network: string;
}

/** The trytond.conf devstack wrote for the server on `url` (the newest, should a stale one match). */
async function configOf(url: string): Promise<string> {
  const listen = `listen = ${new URL(url).host}\n`;
  let found: { file: string; mtime: number } | undefined;
  for (const entry of await readdir(tmpdir())) {
    if (!entry.startsWith('tryton-')) continue;
    const file = join(tmpdir(), entry, 'trytond.conf');
    const text = await readFile(file, 'utf8').catch(() => '');
    if (!text.includes(listen)) continue;
    const { mtimeMs } = await stat(file);
    if (!found || mtimeMs > found.mtime) found = { file, mtime: mtimeMs };
  }
  if (!found) throw new Error(`no trytond.conf listening on ${url}`);
  return found.file;
}

/**
 * Tryton's failed web-user attempts. `web.user.authenticate.attempt` is a ModelSQL without
 * ModelView: Tryton exposes no RPC on it (not even to admin), so its table is read with
 * trytond's own database backend (SQLite or PostgreSQL, whatever the server uses).
 */
async function attempts(stack: TestStack): Promise<AttemptRow[]> {
  const script = [
    'import json, sys',
    'from trytond.config import config',
    'config.update_etc(sys.argv[1])',
    'from trytond import backend',
    'database = backend.Database(sys.argv[2]).connect()',
    'connection = database.get_connection()',
    'try:',
    '    cursor = connection.cursor()',
    '    cursor.execute("SELECT login, ip_address, ip_network FROM web_user_authenticate_attempt")',
    '    print(json.dumps([dict(zip(("login", "ip_address", "ip_network"), r)) for r in cursor]))',
    'finally:',
    '    database.put_connection(connection)',
  ].join('\n');
  const { stdout } = await run((await trytonRuntime()).python, [
    '-c',
    script,
    await configOf(stack.tryton.url),
    stack.tryton.database,
  ]);
  return JSON.parse(stdout) as AttemptRow[];
}

describe('forwardedFor', () => {
  it('sends IP addresses only, IPv4-mapped ones as IPv4', () => {
    expect(forwardedFor('198.51.100.7')).toEqual({ 'x-forwarded-for': '198.51.100.7' });
    expect(forwardedFor('::ffff:192.0.2.1')).toEqual({ 'x-forwarded-for': '192.0.2.1' });
    expect(forwardedFor('2001:db8::1')).toEqual({ 'x-forwarded-for': '2001:db8::1' });
    for (const ip of [undefined, '', 'unknown', '1.2.3.4:80', '1.2.3.4, 5.6.7.8']) {
      expect(forwardedFor(ip)).toEqual({});
    }
  });
});

describe('client IPs reach Tryton', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Behind traefik: one trusted hop.
    stack = await startStack({ TRUST_PROXY_HOPS: '1' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("records failed logins under the customer's IP network, not the gateway's", async () => {
    const ipv4 = stack.session({ 'x-forwarded-for': '198.51.100.7' });
    // A client's own X-Forwarded-For entry before traefik's is not trusted.
    const ipv6 = stack.session({ 'x-forwarded-for': '203.0.113.66, 2001:db8:1:2::5' });
    const wrong = [
      await ipv4.login('ip-v4@example.fr', 'wrong-password'),
      await ipv6.login('ip-v6@example.fr', 'wrong-password'),
      await ipv4.login(stack.tryton.customers.jean.email, 'wrong-password'),
    ];
    for (const result of wrong) {
      expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }

    const rows = await attempts(stack);
    const byLogin = (login: string) =>
      rows
        .filter((row) => row.login === login)
        .map(({ ip_address, ip_network }) => ({
          ip_address,
          ip_network,
        }));
    expect(byLogin('ip-v4@example.fr')).toEqual([
      { ip_address: '198.51.100.7', ip_network: '198.51.100.7/32' },
    ]);
    expect(byLogin(stack.tryton.customers.jean.email)).toEqual([
      { ip_address: '198.51.100.7', ip_network: '198.51.100.7/32' },
    ]);
    // [session] ip_network_6 = 56.
    expect(byLogin('ip-v6@example.fr')).toEqual([
      { ip_address: '2001:db8:1:2::5', ip_network: '2001:db8:1::/56' },
    ]);
    expect(rows.map((row) => row.ip_address)).not.toContain('127.0.0.1');
    expect(rows.map((row) => row.ip_address)).not.toContain('203.0.113.66');
  });

  it('records a wrong current password on a password change under the client IP', async () => {
    const { marie } = stack.tryton.customers;
    const browser = stack.session({ 'x-forwarded-for': '192.0.2.10' });
    expect((await browser.login(marie.email, marie.password)).errors).toBeUndefined();
    const change = await browser.query(
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { otherSessionsEnded } }',
      { c: 'not-the-password', n: 'Nouveau-Pass-2026!' },
    );
    expect(change.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const rows = (await attempts(stack)).filter((row) => row.login === marie.email);
    expect(rows).toEqual([
      { login: marie.email, ip_address: '192.0.2.10', ip_network: '192.0.2.10/32' },
    ]);
  });

  it('cannot read the attempts over RPC, even as admin (hence attempts())', async () => {
    const admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    try {
      await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
      // A ModelSQL without ModelView: HTTP 403, method not exposed.
      await expect(admin.model('web.user.authenticate.attempt').search([])).rejects.toBeInstanceOf(
        AccessDeniedError,
      );
    } finally {
      await admin.close();
    }
  });
});
