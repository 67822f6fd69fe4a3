import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CUSTOMERS,
  DEFAULT_GATEWAY_PASSWORD,
  DEMO_PASSWORD,
  demoTemplate,
  GATEWAY_LOGIN,
} from '@portal/demo-data';
import { type RunningTryton, startTryton, type TrytonLog } from '@portal/devstack';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Nothing secret in Tryton's own log (issue 12, point 5). trytond's dispatcher logs every
 * call with its arguments (INFO; ERROR with the traceback when it fails; DEBUG adds the
 * result and logs every string in full), and the gateway's calls carry the customer's
 * session key or API token in their context, and e-mails and passwords as the arguments of
 * `portal.gateway.*`. portal_api's log filter (tryton/modules/portal_api/logfilter.py)
 * redacts them; this runs a real trytond, with its log in a file, through the calls that
 * leaked: a failing customer read with a live session (a 60,000-character `ilike`, which
 * SQLite refuses as "LIKE or GLOB pattern too complex", and an invalid domain), a failing
 * read with an API token, and a failed and a successful login. Without the filter, the
 * DEBUG log has each secret in full and the INFO log the first 17 characters of each.
 */

/** The first characters of a secret: trytond shortens strings to 17 when not verbose. */
const head = (secret: string) => secret.slice(0, 10);

/**
 * INFO: every call, as an operator would log them; the dispatcher at DEBUG: every argument in
 * full, and each call's result. (DEBUG on `trytond.backend.*` writes every SQL statement with
 * its values, session keys and password hashes included: never in production.)
 */
const LOGS: { name: string; log: Omit<TrytonLog, 'file'> }[] = [
  { name: 'INFO', log: { level: 'INFO' } },
  {
    name: 'INFO, dispatcher at DEBUG',
    log: { level: 'INFO', debugLoggers: ['trytond.protocols.dispatcher'] },
  },
];

describe.each(LOGS)('Tryton log at $name', ({ log: settings }) => {
  let dir: string;
  let tryton: RunningTryton;
  let gateway: TrytonClient;
  const email = CUSTOMERS.find((c) => c.key === 'marie')?.email ?? '';
  const wrongPassword = 'Not-Marie-Pass-2026!';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tryton-logs-'));
    const { template } = await demoTemplate();
    tryton = await startTryton({
      template,
      log: { file: join(dir, 'trytond.log'), ...settings },
    });
    gateway = new TrytonClient({ url: tryton.url, database: tryton.database });
    await gateway.login(GATEWAY_LOGIN, DEFAULT_GATEWAY_PASSWORD);
  });
  afterAll(async () => {
    await gateway?.close();
    await tryton?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('logs the calls, never the password, session key or API token', async () => {
    const portal = (method: string, params: unknown[]) =>
      gateway.call(`model.portal.gateway.${method}`, params) as Promise<Record<string, unknown>>;
    expect(await portal('login', [email, wrongPassword])).toEqual({
      status: 'invalid_credentials',
    });
    const login = await portal('login', [email, DEMO_PASSWORD]);
    expect(login.status).toBe('ok');
    const session = login.session as string;
    const created = await portal('create_api_token', [session, 'logs test']);
    const token = created.token as string;
    expect(token).toMatch(/^tpat_/);

    const withSession = { context: { portal_session: session } };
    // A read that works, so the INFO line of a successful customer call is there too.
    expect(await gateway.model('sale.sale').search([], { limit: 1, ...withSession })).toEqual(
      expect.any(Array),
    );
    const tooComplex = gateway
      .model('sale.sale')
      .search([['number', 'ilike', `%${'x'.repeat(60_000)}%`]], withSession);
    // SQLite refuses the pattern; PostgreSQL (TRYTON_DATABASE_URI) runs it and finds nothing.
    await tooComplex.catch(() => undefined);
    await expect(
      gateway.model('sale.sale').search([['no_such_field', '=', 1]], withSession),
    ).rejects.toThrow();
    await expect(
      gateway
        .model('sale.sale')
        .search([['no_such_field', '=', 1]], { context: { portal_token: token } }),
    ).rejects.toThrow();

    // The file handler writes each record as it comes; a short wait for the last ones.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const log = await readFile(join(dir, 'trytond.log'), 'utf8');
    // Operators still see each call, and the failures with their traceback.
    expect(log).toContain('portal.gateway.login(');
    expect(log).toContain('portal.gateway.create_api_token(');
    expect(log).toMatch(/ERROR trytond\.protocols\.dispatcher sale\.sale\.search\(/);
    expect(log).toContain('no_such_field');
    if (settings.debugLoggers) expect(log).toContain('DEBUG trytond.protocols.dispatcher Result');
    for (const [name, secret] of [
      ['session key', session],
      ['API token', token.slice('tpat_'.length)],
      ['password', DEMO_PASSWORD],
      ['wrong password', wrongPassword],
      ['e-mail', email],
      ['gateway password', DEFAULT_GATEWAY_PASSWORD],
    ] as const) {
      expect(log.includes(head(secret)), `${name} in the log`).toBe(false);
    }
    expect(log).toContain('<redacted>');
  });
});
