import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, trytonRpcSuffix } from '@portal/devstack';
import { Decimal, TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCompose, readEnvFile, serviceEnv } from './support/compose-env.js';
import { run, Service, serveOnFreePort } from './support/processes.js';
import { GraphQLSession } from './support/stack.js';

/**
 * The production init path without Docker (issue 11, point 5): on a fresh PostgreSQL
 * database, the real deploy/tryton/portal-entrypoint.sh and portal-init.sh (with
 * gateway_user.py) run on trytond from tryton/runtime.sh: once on the empty database, once
 * more after the operator created the company (docs/operations.md, first deployment). trytond
 * and the BUILT gateway start with the environment docker-compose.yml gives the tryton and
 * gateway services (deploy/env.example as .env, secrets as files, Docker's host names
 * swapped for loopback ports). A web user created in that database signs in through
 * GraphQL and lists their orders, and portal-check passes. Needs `pnpm -r build` first
 * (scripts/test.sh does).
 */

const ROOT = repoRoot();
const SERIES = process.env.TRYTON_SERIES ?? '7.6';
const CUSTOMER = { email: 'client.smoke@example.fr', password: 'Smoke-Portail-2026!x' };
const SECRETS = [
  'tryton_gateway_password',
  'tryton_admin_password',
  'redis_password',
  'postgres_password',
  'smtp_password',
];

/**
 * One portal-init run: about 90 s on 2 idle cores, several minutes when other suites share
 * them (docs/operations.md has the measured times).
 */
const INIT_TIMEOUT_MS = 12 * 60_000;
/** tryton/runtime.sh builds the runtime when no test did before (minutes, once). */
const RUNTIME_TIMEOUT_MS = 15 * 60_000;

const psql = (sql: string) => run('psql', ['-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-tAc', sql]);

describe(`production init path on PostgreSQL, Tryton ${SERIES}`, () => {
  const name = `portal_smoke_${randomBytes(5).toString('hex')}`;
  const services: Service[] = [];
  let dir = '';
  let secrets = '';
  let trytonEnv: NodeJS.ProcessEnv = {};
  /** The gateway's environment once it serves (portal-check runs with the same). */
  let gatewayEnv: NodeJS.ProcessEnv = {};
  let gatewayEnvOn: (port: number) => NodeJS.ProcessEnv = () => ({});
  let trytonUrl = '';
  let gatewayUrl = '';
  let orderNumber = '';

  const secret = (file: string) => join(secrets, file);
  const init = () =>
    run(
      'sh',
      [
        join(ROOT, 'deploy/tryton/portal-entrypoint.sh'),
        'sh',
        join(ROOT, 'deploy/tryton/portal-init.sh'),
      ],
      { env: trytonEnv, cwd: dir, timeoutMs: INIT_TIMEOUT_MS },
    );

  beforeAll(async () => {
    for (const built of ['main.js', 'check-main.js']) {
      if (!existsSync(join(ROOT, 'packages/gateway/dist', built))) {
        throw new Error(`packages/gateway/dist/${built} is missing: run pnpm -r build first`);
      }
    }
    dir = await mkdtemp(join(tmpdir(), 'portal-smoke-'));
    secrets = join(dir, 'secrets');
    await mkdir(secrets);
    await mkdir(join(dir, 'db'));
    for (const file of SECRETS) {
      await writeFile(
        secret(file),
        file === 'smtp_password' ? 'relay-Secret+1' : randomBytes(24).toString('base64'),
      );
    }
    const { stdout: bin } = await run(join(ROOT, 'tryton/runtime.sh'), ['bin-dir'], {
      env: { ...process.env, TRYTON_SERIES: SERIES },
      timeoutMs: RUNTIME_TIMEOUT_MS,
    });
    const pgPort = (await psql('SHOW port')).stdout.trim();
    // As the postgres image does with POSTGRES_USER and POSTGRES_DB: a role with a password,
    // owning the empty database that tryton-init fills.
    const pgPassword = readFileSync(secret('postgres_password'), 'utf8');
    await psql(`CREATE ROLE ${name} LOGIN PASSWORD '${pgPassword}'`);
    await psql(`CREATE DATABASE ${name} OWNER ${name} ENCODING 'UTF8'`);

    const compose = readCompose(ROOT);
    const vars = {
      ...readEnvFile(join(ROOT, 'deploy/env.example')),
      TRYTON_DATABASE: name,
      PORTAL_HOST: 'portail.example.test',
      // Nothing listens there: no e-mail is sent by this test.
      SMTP_URI: 'smtp://portail%40example.test@127.0.0.1:9',
    };
    // trytond reads its file after TRYTOND_* variables, and the file wins: like the image's,
    // it holds nothing that the compose file or the entrypoint set.
    await writeFile(join(dir, 'trytond.conf'), '[database]\nlist = False\n');
    trytonEnv = {
      ...process.env,
      ...serviceEnv(compose, 'tryton', {
        vars,
        secrets,
        replace: { DB_HOSTNAME: '127.0.0.1', DB_USER: name },
      }),
      // What the image gives: trytond on PATH, its configuration file, the filestore volume.
      PATH: `${bin.trim()}:${process.env.PATH}`,
      TRYTOND_CONFIG: join(dir, 'trytond.conf'),
      TRYTOND_DATABASE__PATH: join(dir, 'db'),
      HOME: dir,
      DB_PORT: pgPort,
      // The image's paths, here outside it.
      TRYTON_ADMIN_PASSWORD_FILE: secret('tryton_admin_password'),
      TRYTON_GATEWAY_PASSWORD_FILE: secret('tryton_gateway_password'),
      PORTAL_GATEWAY_USER_SCRIPT: join(ROOT, 'deploy/tryton/gateway_user.py'),
    };
    // Each server on a port found free, and again on another one if a process took it first.
    const redisPassword = readFileSync(secret('redis_password'), 'utf8').trim();
    const redis = await serveOnFreePort(
      (port) =>
        new Service('redis-server', 'redis-server', [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--requirepass',
          redisPassword,
        ]),
      async (port) =>
        (
          await run(
            'redis-cli',
            ['-p', String(port), '--no-auth-warning', '-a', redisPassword, 'ping'],
            {
              check: false,
            },
          )
        ).stdout.includes('PONG'),
    );
    services.push(redis.service);
    gatewayEnvOn = (port) => ({
      PATH: process.env.PATH,
      ...serviceEnv(compose, 'gateway', {
        vars,
        secrets,
        replace: {
          HOST: '127.0.0.1',
          PORT: String(port),
          TRYTON_URL: trytonUrl,
          REDIS_URL: `redis://127.0.0.1:${redis.port}`,
        },
      }),
    });
  }, RUNTIME_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    await psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await psql(`DROP ROLE IF EXISTS ${name}`).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'initialises a fresh database: modules activated, technical user created',
    async () => {
      const first = await init();
      expect(first.stdout).toMatch(/gateway_user: portal_gateway created/);
      expect(first.stdout).toMatch(/portal-init: database portal_smoke_\w+ ready/);
      console.log(
        `portal-init, first run (database, modules, fr, technical user): ${first.seconds.toFixed(1)} s`,
      );
    },
    INIT_TIMEOUT_MS + 60_000,
  );

  it(
    'runs again once the company exists (the documented re-run), changing only that',
    async () => {
      const tryton = await serveOnFreePort(
        (port) =>
          new Service(
            'trytond',
            'sh',
            [join(ROOT, 'deploy/tryton/portal-entrypoint.sh'), 'trytond'],
            {
              env: { ...trytonEnv, TRYTOND_WEB__LISTEN: `127.0.0.1:${port}` },
              cwd: dir,
            },
          ),
        async (port) => (await trytonRpcSuffix(`http://127.0.0.1:${port}`)) !== undefined,
      );
      services.push(tryton.service);
      trytonUrl = `http://127.0.0.1:${tryton.port}`;
      const adminPassword = readFileSync(secret('tryton_admin_password'), 'utf8').trim();
      orderNumber = await createCustomer(trytonUrl, name, adminPassword);

      // operations.md, first deployment, step 4: tryton-init again once the company exists,
      // while Tryton serves. Neither the password nor the groups are written again.
      const second = await init();
      expect(second.stdout).toMatch(/gateway_user: portal_gateway updated: companies, company\n/);
      console.log(
        `portal-init, second run (update of every module, company added): ${second.seconds.toFixed(1)} s`,
      );
    },
    INIT_TIMEOUT_MS + 120_000,
  );

  it(
    'serves a web user their orders through the built gateway, configured as in compose',
    async () => {
      const gateway = await serveOnFreePort(
        (port) =>
          new Service('gateway', process.execPath, [join(ROOT, 'packages/gateway/dist/main.js')], {
            env: gatewayEnvOn(port),
            cwd: dir,
          }),
        async (port) => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok,
      );
      services.push(gateway.service);
      gatewayEnv = gatewayEnvOn(gateway.port);
      gatewayUrl = `http://127.0.0.1:${gateway.port}`;

      const browser = new GraphQLSession(gatewayUrl);
      const login = await browser.login(CUSTOMER.email, CUSTOMER.password);
      expect(login.errors).toBeUndefined();
      expect(browser.cookie).toMatch(/^portal_session=/);
      const orders = await browser.query<{
        viewer: {
          name: string;
          orders: { totalCount: number; edges: { node: { number: string; state: string } }[] };
        };
      }>('{ viewer { name orders(first: 10) { totalCount edges { node { number state } } } } }');
      expect(orders.errors).toBeUndefined();
      expect(orders.data?.viewer).toEqual({
        name: 'Client Smoke',
        orders: { totalCount: 1, edges: [{ node: { number: orderNumber, state: 'QUOTATION' } }] },
      });
    },
    INIT_TIMEOUT_MS + 60_000,
  );

  it('passes portal-check, and fails it on a wrong Redis password', async () => {
    const checkBin = join(ROOT, 'packages/gateway/bin/portal-check.mjs');
    const green = await run(process.execPath, [checkBin], { env: gatewayEnv, check: false });
    console.log(`portal-check (${green.seconds.toFixed(1)} s):\n${green.stdout}`);
    expect(green.stderr).toBe('');
    expect(green.code).toBe(0);
    const lines = green.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'ok config',
      'ok tryton',
      'ok technical-user',
      'ok portal_api',
      'ok record-rules',
      'ok redis',
      // portal.gateway.mail_settings: the relay's host, never its credentials.
      'ok smtp',
    ]);
    expect(green.stdout).toContain('relay 127.0.0.1');
    expect(green.stdout).not.toContain('relay-Secret+1');
    expect(green.stdout).toContain(`series ${SERIES}`);
    expect(green.stdout).not.toContain(readFileSync(secret('redis_password'), 'utf8').trim());

    await writeFile(join(dir, 'wrong-redis-password'), 'not-the-password');
    const red = await run(process.execPath, [checkBin], {
      env: { ...gatewayEnv, REDIS_PASSWORD_FILE: join(dir, 'wrong-redis-password') },
      check: false,
    });
    expect(red.code).toBe(1);
    expect(red.stdout).toMatch(/^FAIL\s+redis\s+unreachable/m);
  });
});

/**
 * What an operator does in Tryton after the first init (operations.md, step 4), as admin:
 * the company, then a customer with an address, their web user and one quoted order.
 * Returns the order's number.
 */
async function createCustomer(
  url: string,
  database: string,
  adminPassword: string,
): Promise<string> {
  const client = new TrytonClient({ url, database });
  await client.serverVersion();
  await client.login('admin', adminPassword);
  try {
    const m = (model: string) => client.model(model);
    const [eur] = await m('currency.currency').create([
      { name: 'Euro', code: 'EUR', symbol: '€', rounding: Decimal.from('0.01'), digits: 2 },
    ]);
    const [companyParty] = await m('party.party').create([{ name: 'Smoke SARL' }]);
    const [company] = await m('company.company').create([{ party: companyParty, currency: eur }]);
    const adminId = client.session?.userId as number;
    await m('res.user').write([adminId], { companies: [['add', [company]]], company });
    const context = { company };
    const [party] = await m('party.party').create(
      [{ name: 'Client Smoke', addresses: [['create', [{ city: 'Lyon' }]]] }],
      { context },
    );
    const [address] = (await m('party.address').search([['party', '=', party]], {
      context,
    })) as number[];
    await m('web.user').create([{ email: CUSTOMER.email, password: CUSTOMER.password, party }], {
      context,
    });
    const [sale] = await m('sale.sale').create(
      [
        {
          company,
          party,
          invoice_address: address,
          shipment_address: address,
          currency: eur,
          // 8.0 quotes only an order with lines; a comment line needs no product or account.
          lines: [['create', [{ type: 'comment', description: 'Smoke test' }]]],
        },
      ],
      { context },
    );
    await m('sale.sale').button('quote', [sale as number], { context });
    const [row] = (await m('sale.sale').read([sale as number], ['number'], { context })) as {
      number: string;
    }[];
    return row?.number ?? '';
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}
