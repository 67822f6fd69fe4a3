import { execFileSync } from 'node:child_process';
import { databaseTemplate, type RunningTryton, startTryton, trytonRuntime } from '@portal/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallEvent,
  Decimal,
  LoginRefusedError,
  TrytonClient,
  TrytonDate,
  UnavailableError,
  UserError,
} from '../src/index.js';

/** Against a real trytond of TRYTON_SERIES (devstack), as Tryton's admin. */
describe('TrytonClient against a real Tryton', () => {
  let tryton: RunningTryton;
  let client: TrytonClient;
  const events: CallEvent[] = [];
  /** The client's load as each call ended: what the cap on calls in flight allowed. */
  const loads: { inFlight: number; queued: number }[] = [];

  beforeAll(async () => {
    tryton = await startTryton({ template: await databaseTemplate() });
    client = new TrytonClient({
      url: tryton.url,
      database: tryton.database,
      maxInFlight: 3,
      hooks: {
        onCall: (e) => {
          events.push(e);
          loads.push(client.load);
        },
      },
    });
    await client.login('admin', tryton.adminPassword);
  });
  afterAll(async () => {
    await client?.close();
    await tryton?.stop();
  });

  it('reads the version and the user preferences', async () => {
    // The series (`7.6`) from 7.2 on; up to 7.0 the release (`7.0.30`).
    const { series } = await trytonRuntime();
    expect(await client.serverVersion()).toMatch(
      series === '7.0' ? /^7\.0\.\d+$/ : new RegExp(`^${series.replace('.', '\\.')}$`),
    );
    expect(client.session?.login).toBe('admin');
    expect(client.preferences.language).toBe('en');
  });

  it('refuses a wrong password with a typed error', async () => {
    const other = new TrytonClient({ url: tryton.url, database: tryton.database });
    await expect(other.login('admin', 'wrong-password')).rejects.toBeInstanceOf(LoginRefusedError);
    await other.close();
  });

  it('creates, reads in the order asked, writes, counts and deletes', async () => {
    const parties = client.model<{ id: number; name: string; 'addresses.': { city: string }[] }>(
      'party.party',
    );
    const ids = await parties.create([
      { name: 'Épicerie Zoé', addresses: [['create', [{ city: 'Lyon' }]]] },
      { name: 'Boulangerie Ålesund', addresses: [['create', [{ city: 'Nantes' }]]] },
      { name: 'Café Ñandú' },
    ]);
    const reversed = [...ids].reverse();
    const rows = await parties.read(reversed, ['name', 'addresses.city']);
    expect(rows.map((r) => r.id)).toEqual(reversed);
    expect(rows[2]?.['addresses.']?.[0]?.city).toBe('Lyon');
    await parties.write([ids[0] as number], { name: 'Épicerie Zoé & fils' });
    expect((await parties.searchRead([['id', '=', ids[0]]], ['name']))[0]?.name).toBe(
      'Épicerie Zoé & fils',
    );
    expect(await parties.searchCount([['id', 'in', ids]])).toBe(3);
    await parties.delete([ids[2] as number]);
    expect(await parties.search([['id', 'in', ids]], { order: [['id', 'ASC']] })).toEqual(
      ids.slice(0, 2),
    );
  });

  it('round-trips Decimal and dates through Tryton', async () => {
    const [currency] = await client
      .model('currency.currency')
      .create([
        { name: 'Test', code: 'TST', symbol: 'T', rounding: Decimal.from('0.001'), digits: 3 },
      ]);
    const [rate] = await client.model('currency.currency.rate').create([
      {
        currency: currency,
        date: TrytonDate.fromISO('2024-02-29'),
        rate: Decimal.from('1.234567'),
      },
    ]);
    const [row] = (await client
      .model('currency.currency.rate')
      .read([rate as number], ['date', 'rate'])) as {
      date: TrytonDate;
      rate: Decimal;
    }[];
    expect(row?.date.toISOString()).toBe('2024-02-29');
    expect(row?.rate).toBeInstanceOf(Decimal);
    expect(row?.rate.toString()).toBe('1.234567');
  });

  it('raises UserError with Tryton’s message, and no domain for a missing value', async () => {
    const error = await client
      .model('party.contact_mechanism')
      .create([{ type: 'email', value: 'x' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    // The model's name differs by series ("Contact Mechanism", "Party Contact Mechanism"), and
    // the record is named when the check is Tryton's rather than the database's (7.0 without
    // the word `record`).
    expect((error as UserError).message).toMatch(
      /^A value is required for field "Party" in ((record )?"[^"]+" of )?"(Party )?Contact Mechanism"\.$/,
    );
    // Only a broken domain comes with one (errors.test.ts).
    expect((error as UserError).domain).toBeNull();
  });

  it('runs a wizard and renders a report', async () => {
    const wizard = client.wizard('ir.module.config_wizard');
    const { session, start } = await wizard.create();
    expect(typeof session).toBe('number');
    expect(start).toBeTruthy();
    await wizard.delete(session);
    const [party] = await client.model('party.party').search([], { limit: 1 });
    const report = await client.report('party.label').execute([party as number]);
    expect(report.format).toBe('odt');
    expect(report.content.byteLength).toBeGreaterThan(1000);
  });

  it('logs in again once when Tryton forgot the session, and caps calls in flight', async () => {
    // Tryton forgets every session (as after its max_age), behind the client's back.
    execFileSync('python3', [
      '-c',
      'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM ir_session"); c.commit()',
      tryton.databaseFile,
    ]);
    events.length = 0;
    loads.length = 0;
    const counts = await Promise.all(
      Array.from({ length: 12 }, () => client.model('party.party').searchCount([])),
    );
    expect(new Set(counts).size).toBe(1);
    // maxInFlight is 3: never more in flight, and the others did wait their turn.
    expect(Math.max(...loads.map((load) => load.inFlight))).toBeLessThanOrEqual(3);
    expect(loads.some((load) => load.queued > 0)).toBe(true);
    expect(events.filter((e) => e.method === 'common.db.login').length).toBe(1);
    expect(events.filter((e) => e.errorCode === 'TRYTON_SESSION_EXPIRED').length).toBeGreaterThan(
      0,
    );
    expect(client.load).toEqual({ inFlight: 0, queued: 0 });
  });

  it('reports Tryton down as unavailable', async () => {
    const other = await startTryton({ template: await databaseTemplate() });
    const lonely = new TrytonClient({
      url: other.url,
      database: other.database,
      retry: { attempts: 1, baseDelayMs: 10 },
    });
    await lonely.login('admin', other.adminPassword);
    await other.stop();
    await expect(lonely.model('party.party').search([])).rejects.toBeInstanceOf(UnavailableError);
    await lonely.close();
  });
});
