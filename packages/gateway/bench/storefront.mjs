// Tryton's own customer REST API, for the benchmark only: module web_shop_vue_storefront
// (Debian `tryton-modules-web-shop-vue-storefront`) activated on a private copy of the demo
// database, never on the shared templates of @portal/devstack.
//   routes (trytond/modules/web_shop_vue_storefront/routes.py):
//     POST /<db>/web_shop_vue_storefront/<shop>/user/login  {"username", "password"}
//          -> {"code": 200, "result": "<web.user.session key>"}
//     GET  /<db>/web_shop_vue_storefront/<shop>/user/order-history?token=<key>&pageSize=20
//          -> {"code": 200, "result": {"items": [{increment_id, grand_total, status, items}]}}
//   The route runs as root in a read-only transaction; `token` is resolved through
//   web.user.session, and its presence also resets the session's expiry in a second,
//   writing transaction (Session.reset), on every request.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDemoTryton } from '../../demo-data/dist/index.js';
import { trytonRuntime } from '../../devstack/dist/index.js';
import { TrytonClient } from '../../tryton-client/dist/index.js';

const run = promisify(execFile);
export const SHOP = 'portal-bench';
const MODULE = 'web_shop_vue_storefront';

/**
 * The demo Tryton over a copy of the demo database with the storefront module activated and
 * a web shop configured. Everything the gateway needs is unchanged: the same server serves
 * all the benchmark's columns.
 */
export async function startStorefrontTryton() {
  const dir = await mkdtemp(join(tmpdir(), 'tryton-bench-'));
  // First start: copies the demo template into `dir` (kept: the folder is ours), then stop
  // so that trytond-admin works on a database no server holds.
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const first = await startDemoTryton({ dir }).catch(async (error) => {
    await removeDir();
    throw error;
  });
  await first.stop();
  const passFile = join(dir, 'admin-password');
  await writeFile(passFile, first.admin.password);
  try {
    await run(
      join((await trytonRuntime()).binDir, 'trytond-admin'),
      [
        '-c',
        join(dir, 'trytond.conf'),
        '-d',
        first.database,
        '-u',
        MODULE,
        '--activate-dependencies',
      ],
      {
        env: {
          ...process.env,
          HOME: dir,
          LANG: 'C.UTF-8',
          TRYTONPASSFILE: passFile,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    await removeDir();
    throw new Error(
      `activating ${MODULE} on the demo database failed:\n${error.stderr ?? error.message}`,
    );
  }
  const tryton = await startDemoTryton({ dir });
  const stop = async () => {
    await tryton.stop();
    await removeDir();
  };
  try {
    await createShop(tryton);
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...tryton, stop };
}

async function createShop(tryton) {
  const admin = new TrytonClient({ url: tryton.url, database: tryton.database });
  await admin.login(tryton.admin.login, tryton.admin.password);
  try {
    const company = admin.preferences.company;
    const [{ currency }] = await admin.model('company.company').read([company], ['currency']);
    const warehouses = await admin.model('stock.location').search([['type', '=', 'warehouse']]);
    const languages = await admin.model('ir.lang').search([
      ['code', '=', 'fr'],
      ['translatable', '=', true],
    ]);
    await admin.model('web.shop').create([
      {
        name: SHOP,
        type: 'vsf',
        company,
        currency,
        language: languages[0] ?? null,
        warehouses: [['add', warehouses.slice(0, 1)]],
      },
    ]);
  } finally {
    await admin.logout().catch(() => undefined);
    await admin.close();
  }
}

function base(tryton) {
  return `${tryton.url}/${tryton.database}/${MODULE}/${SHOP}`;
}

/** The storefront's own login route: a web.user.session key. */
export async function storefrontLogin(tryton, customer) {
  const response = await fetch(`${base(tryton)}/user/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: customer.email, password: customer.password }),
  });
  const body = await response.json();
  if (body.code !== 200) throw new Error(`storefront login: ${JSON.stringify(body)}`);
  return body.result;
}

/** One order-history page (the latest `pageSize` orders, lines included); resolves to it. */
export function orderHistory(tryton, token, pageSize = 20) {
  const url = `${base(tryton)}/user/order-history?token=${token}&pageSize=${pageSize}&currentPage=1`;
  return async () => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const body = await response.json();
    if (body.code !== 200) throw new Error(`order-history: ${JSON.stringify(body)}`);
    return body.result.items;
  };
}
