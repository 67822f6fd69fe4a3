import { LoginRefusedError, UnavailableError, UserError } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import type {
  InstallationProbe,
  MailSettings,
  ModuleState,
  TechnicalUser,
} from '../tryton/installation.mapper.js';
import {
  CheckService,
  exitCode,
  formatResult,
  type RedisProbe,
  seriesOf,
} from './check.service.js';

const PORTAL = { id: 7, name: 'Portal gateway', xmlId: 'portal_api.group_portal_gateway' };
const ADMIN = { id: 1, name: 'Administration', xmlId: 'res.group_admin' };

/** A healthy installation; each test breaks one thing. */
function probe(overrides: Partial<InstallationProbe> = {}): InstallationProbe {
  return {
    serverVersion: async () => '7.6',
    logIn: async () => undefined,
    technicalUser: async (): Promise<TechnicalUser> => ({
      login: 'portal_gateway',
      groups: [PORTAL],
    }),
    portalModule: async (): Promise<ModuleState> => ({ state: 'activated', version: '6.0.0' }),
    unscopedSearchFinds: async () => false,
    mailSettings: async (): Promise<MailSettings | null> => ({
      host: 'smtp.example.com',
      from: 'portail@example.com',
      reset_password_url: 'https://portail.example.com/reset-password',
      email_validation_url: 'https://portail.example.com/validate-email',
    }),
    close: async () => undefined,
    ...overrides,
  };
}

const redisUp: RedisProbe = { ping: async () => undefined };

async function check(
  tryton: InstallationProbe,
  /** null: REDIS_URL not set. */
  redis: RedisProbe | null = redisUp,
): Promise<Record<string, { status: string; detail: string }>> {
  const results = await new CheckService({
    tryton,
    redis: redis ?? undefined,
    moduleVersion: '6.0.0',
  }).run();
  return Object.fromEntries(results.map(({ name, ...rest }) => [name, rest]));
}

describe('CheckService', () => {
  it('passes a healthy installation, one result per check, in order', async () => {
    const results = await new CheckService({
      tryton: probe(),
      redis: redisUp,
      moduleVersion: '6.0.0',
    }).run();
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['tryton', 'ok'],
      ['technical-user', 'ok'],
      ['portal_api', 'ok'],
      ['record-rules', 'ok'],
      ['redis', 'ok'],
      ['smtp', 'ok'],
    ]);
    expect(results[0]?.detail).toBe('reachable, series 7.6');
  });

  it.each(['7.0', '7.6', '8.0', '7.0.30', '8.0.5'])('supports the series of %s', async (v) => {
    expect((await check(probe({ serverVersion: async () => v }))).tryton?.status).toBe('ok');
  });

  it.each(['6.0', '6.0.20', '7.2', '7.4.1', 'garbage'])('refuses %s', async (v) => {
    const result = await check(probe({ serverVersion: async () => v }));
    expect(result.tryton).toMatchObject({ status: 'fail' });
    expect(result.tryton?.detail).toMatch(/not supported/);
  });

  it('skips what needs Tryton when it is unreachable, but still checks Redis', async () => {
    const result = await check(
      probe({
        serverVersion: async () => {
          throw new UnavailableError('Tryton is unavailable (HTTP 503)');
        },
      }),
    );
    expect(result.tryton).toMatchObject({ status: 'fail' });
    expect(result.tryton?.detail).toMatch(/unreachable.*TRYTON_UNAVAILABLE/);
    for (const name of ['technical-user', 'portal_api', 'record-rules', 'smtp']) {
      expect(result[name]).toMatchObject({
        status: 'skip',
        detail: 'not checked: Tryton unreachable',
      });
    }
    expect(result.redis?.status).toBe('ok');
  });

  it('fails the technical user once when it cannot log in, and skips the rest', async () => {
    const result = await check(
      probe({
        logIn: async () => {
          throw new LoginRefusedError('Wrong login or password');
        },
      }),
    );
    expect(result['technical-user']).toMatchObject({ status: 'fail' });
    expect(result['technical-user']?.detail).toMatch(/cannot log in: Wrong login/);
    expect(result.portal_api?.status).toBe('skip');
    expect(result['record-rules']?.status).toBe('skip');
  });

  it('fails an administrator, and a user in other groups too', async () => {
    const admin = await check(
      probe({ technicalUser: async () => ({ login: 'admin', groups: [PORTAL] }) }),
    );
    expect(admin['technical-user']?.detail).toMatch(/administrator/);
    const inAdminGroup = await check(
      probe({ technicalUser: async () => ({ login: 'portal_gateway', groups: [PORTAL, ADMIN] }) }),
    );
    expect(inAdminGroup['technical-user']).toMatchObject({ status: 'fail' });
    expect(inAdminGroup['technical-user']?.detail).toMatch(/administrator.*Administration/);
    const extra = await check(
      probe({
        technicalUser: async () => ({
          login: 'portal_gateway',
          groups: [PORTAL, { id: 9, name: 'Sales', xmlId: 'sale.group_sale' }],
        }),
      }),
    );
    expect(extra['technical-user']?.detail).toMatch(/"Portal gateway" only.*Sales/);
    const none = await check(
      probe({ technicalUser: async () => ({ login: 'portal_gateway', groups: [] }) }),
    );
    expect(none['technical-user']?.detail).toMatch(/groups: none/);
  });

  it('tells the module missing, not activated, or at another version', async () => {
    const missing = await check(probe({ portalModule: async () => null }));
    expect(missing.portal_api?.detail).toMatch(/does not know the module/);
    const inactive = await check(
      probe({ portalModule: async () => ({ state: 'not activated', version: '6.0.0' }) }),
    );
    expect(inactive.portal_api?.detail).toMatch(/not activated/);
    const other = await check(
      probe({ portalModule: async () => ({ state: 'activated', version: '7.6.0' }) }),
    );
    expect(other.portal_api).toMatchObject({ status: 'fail' });
    expect(other.portal_api?.detail).toMatch(/7\.6\.0, the gateway expects 6\.0\.0/);
  });

  it('fails when a search without a customer key finds records', async () => {
    const result = await check(probe({ unscopedSearchFinds: async (area) => area === 'invoices' }));
    expect(result['record-rules']).toMatchObject({ status: 'fail' });
    expect(result['record-rules']?.detail).toMatch(/finds invoices/);
    const refused = await check(
      probe({
        unscopedSearchFinds: async () => {
          throw new UserError('You are not allowed to read "Sale"');
        },
      }),
    );
    expect(refused['record-rules']?.detail).toMatch(/cannot search: .*TRYTON_USER_ERROR/);
  });

  it('warns without Redis configured, fails when it does not answer', async () => {
    expect((await check(probe(), null)).redis?.status).toBe('warn');
    const down = await check(probe(), {
      ping: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    });
    expect(down.redis).toMatchObject({ status: 'fail' });
    expect(down.redis?.detail).toMatch(/ECONNREFUSED/);
  });

  it('warns when the module cannot tell the e-mail settings, fails on missing ones', async () => {
    expect((await check(probe({ mailSettings: async () => null }))).smtp?.status).toBe('warn');
    const result = await check(
      probe({
        mailSettings: async () => ({
          host: null,
          from: 'portail@example.com',
          reset_password_url: null,
          email_validation_url: 'https://portail.example.com/validate-email',
        }),
      }),
    );
    expect(result.smtp).toMatchObject({ status: 'fail' });
    expect(result.smtp?.detail).toBe('Tryton lacks [email] uri, [web] reset_password_url');
  });
});

describe('seriesOf', () => {
  it('reads major.minor', () => {
    expect(seriesOf('7.6')).toBe('7.6');
    expect(seriesOf('7.6.6')).toBe('7.6');
    expect(seriesOf(' 8.0.5 ')).toBe('8.0');
    expect(seriesOf('7')).toBeUndefined();
    expect(seriesOf('7.66x')).toBeUndefined();
  });
});

describe('formatResult and exitCode', () => {
  it('prints one aligned line per check and exits 1 on any failure only', () => {
    const okLine = { name: 'redis', status: 'ok', detail: 'answers PING' } as const;
    const warnLine = { name: 'smtp', status: 'warn', detail: 'not verifiable' } as const;
    const failLine = { name: 'tryton', status: 'fail', detail: 'unreachable' } as const;
    expect(formatResult(okLine)).toBe('ok    redis           answers PING');
    expect(formatResult(failLine)).toBe('FAIL  tryton          unreachable');
    expect(exitCode([okLine, warnLine])).toBe(0);
    expect(exitCode([okLine, failLine])).toBe(1);
  });
});
