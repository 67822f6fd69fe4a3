import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTemplate, startTryton } from '../src/index.js';
import { pgExists } from '../src/postgres.js';

// Over the socket as this OS user: scripts/setup.sh --tests starts PostgreSQL and creates the role.
const URI = `postgresql://${userInfo().username}@/`;

describe('devstack on PostgreSQL (TRYTON_DATABASE_URI)', () => {
  beforeAll(() => {
    try {
      execFileSync('pg_isready', ['-q']);
    } catch {
      throw new Error('PostgreSQL is not answering: run scripts/setup.sh --tests');
    }
    process.env.TRYTON_DATABASE_URI = URI;
  });
  afterAll(() => {
    delete process.env.TRYTON_DATABASE_URI;
  });

  it('builds a template database once and serves a separate copy per server', {
    timeout: 600_000,
  }, async () => {
    // web_user only: trytond 6.0 activates account_fr and sale slowly on PostgreSQL (about
    // 30 minutes on 2 cores, its information_schema queries), and the mechanism is the same.
    const template = await databaseTemplate({ modules: ['web_user'] });
    expect(template.database).toMatch(/^tpl_[0-9a-f]+_modules$/);
    expect(await pgExists(URI, template.database)).toBe(true);
    const a = await startTryton({ template });
    const b = await startTryton({ template });
    expect(a.database).not.toBe(b.database);
    const response = await fetch(`${a.url}/${a.database}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 1,
        method: 'common.db.login',
        params: ['admin', { password: a.adminPassword }, 'en'],
      }),
    });
    const body = (await response.json()) as { result: [number, string] };
    expect(body.result[0]).toBeGreaterThan(0);
    await a.stop();
    await b.stop();
    expect(await pgExists(URI, a.database)).toBe(false);
    expect(await pgExists(URI, b.database)).toBe(false);
  });
});
