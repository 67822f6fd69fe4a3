import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  access,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { withLock } from './lock.js';
import { cacheDir, portalModuleDir } from './paths.js';
import { freePort, holdsListener } from './ports.js';
import { pgCreate, pgDrop, pgExists, pgRename, postgresUri } from './postgres.js';
import { trytonRuntime } from './runtime.js';

const run = promisify(execFile);

/** The modules of a portal database; their dependencies are activated with them. */
export const PORTAL_MODULES = ['portal_api', 'account_fr', 'sale', 'account_invoice', 'web_user'];
/**
 * Modules activated with the portal's when the runtime has them: Tryton's Stripe module for
 * paying invoices online (portal_api's `extras_depend`; the 7.0 runtime, Debian's modules,
 * has no account_payment_stripe, and the portal then says online payment is unavailable).
 */
export const OPTIONAL_PORTAL_MODULES = ['account_payment_stripe'];

/** The portal's modules, and those of OPTIONAL_PORTAL_MODULES the runtime has. */
export async function portalModules(): Promise<string[]> {
  const modulesDir = join((await trytonRuntime()).binDir, '..', 'lib', 'trytond', 'modules');
  const optional: string[] = [];
  for (const name of OPTIONAL_PORTAL_MODULES)
    if (await exists(join(modulesDir, name, 'tryton.cfg'))) optional.push(name);
  return [...PORTAL_MODULES, ...optional];
}

/** Languages whose translations are loaded (French first: the customers are French). */
export const PORTAL_LANGUAGES = ['fr'];

export interface TrytonSettings {
  /** Where the portal's pages live: e-mail links point there. */
  portalUrl?: string;
  /** `smtp://127.0.0.1:2525` (a catcher in tests); unset: mails are not sent. */
  smtpUrl?: string;
  /**
   * trytond's `[web] num_proxies`. Default 1, as in production: the gateway sends the
   * customer's IP as `X-Forwarded-For` on login calls, and Tryton counts failed attempts per
   * that address. Calls without the header keep the socket's address.
   */
  numProxies?: number;
  /**
   * Where Tryton's Stripe library sends its API calls (`[portal_api] stripe_api_base`): the
   * stand-in's URL (startStripeStandIn). Unset: Stripe's own API.
   */
  stripeApiBase?: string;
}

/** Where trytond's log goes besides stderr (WARNING and up), for tests that read it. */
export interface TrytonLog {
  /** A file that receives every record at `level` and up, formatted as in production. */
  file: string;
  /** Default INFO (every call is logged). */
  level?: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
  /**
   * Loggers at DEBUG whatever `level`, e.g. `trytond.protocols.dispatcher` (every call's
   * arguments in full, and its result). DEBUG on everything also writes each SQL statement
   * with its values.
   */
  debugLoggers?: string[];
}

interface ServerPaths {
  dir: string;
  database: string;
  configFile: string;
}

/**
 * The environment trytond runs with: a writable HOME, and no PYTHONPATH of the caller's (the
 * runtime has portal_api linked into its modules and must see nothing else).
 */
function trytondEnv(home: string): NodeJS.ProcessEnv {
  const { PYTHONPATH: _ignored, ...env } = process.env;
  return { ...env, HOME: home, LANG: 'C.UTF-8' };
}

function configText(dir: string, port: number, settings: TrytonSettings): string {
  const portal = settings.portalUrl ?? 'http://127.0.0.1:5173';
  return [
    '[database]',
    `uri = ${postgresUri() ?? 'sqlite://'}`,
    `path = ${dir}`,
    '[web]',
    `listen = 127.0.0.1:${port}`,
    `num_proxies = ${settings.numProxies ?? 1}`,
    `reset_password_url = ${portal}/reset-password`,
    `email_validation_url = ${portal}/validate-email`,
    '[email]',
    `uri = ${settings.smtpUrl ?? 'smtp://127.0.0.1:1'}`,
    'from = Portail clients <portail@example.fr>',
    '[password]',
    'length = 8',
    '[session]',
    'max_attempt = 5',
    '[portal_api]',
    `invitation_url = ${portal}/invitation`,
    // Stripe's checkout page goes to the browser through the portal's origin (its server
    // relays it to the gateway, which relays it to Tryton), as in production; without a
    // portal, Tryton's own address.
    ...(settings.portalUrl ? [`checkout_base_url = ${settings.portalUrl}`] : []),
    ...(settings.stripeApiBase ? [`stripe_api_base = ${settings.stripeApiBase}`] : []),
    '',
  ].join('\n');
}

async function writeServerConfig(
  dir: string,
  database: string,
  port: number,
  settings: TrytonSettings,
): Promise<ServerPaths> {
  const configFile = join(dir, 'trytond.conf');
  await writeFile(configFile, configText(dir, port, settings));
  return { dir, database, configFile };
}

async function moduleFingerprint(modules: string[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update((await trytonRuntime()).version);
  hash.update(`${modules.join(',')};${PORTAL_LANGUAGES.join(',')};${postgresUri() ?? 'sqlite'}`);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        // The module's tests are not in a database: editing them must not rebuild templates.
        if (entry.name !== '__pycache__' && entry.name !== 'tests') await walk(path);
      } else if (/\.(py|xml|cfg)$/.test(entry.name)) hash.update(await readFile(path));
    }
  };
  await walk(portalModuleDir());
  return hash.digest('hex').slice(0, 16);
}

export interface DatabaseTemplate {
  /** SQLite: the file to copy for each server. PostgreSQL: a marker beside the filestore. */
  file: string;
  /** SQLite: the database name of every copy. PostgreSQL: the template database. */
  database: string;
  adminPassword: string;
}

/** The template's name in PostgreSQL: `tpl_<fingerprint>_<key>`. */
function pgTemplateName(file: string): string {
  const [fingerprint, name] = file.split('/').slice(-2) as [string, string];
  return `tpl_${fingerprint}_${name.replace(/\.sqlite$/, '').replace(/[^a-z0-9]+/gi, '_')}`.toLowerCase();
}

/**
 * A database with the portal modules activated, built once and cached under
 * `.cache/tryton/` keyed by trytond's version and the module's files (about a minute the
 * first time; then reused as is). `build`, when given, runs on a live server over the
 * freshly activated database before it is cached (demo data), and `key` names that content.
 */
export async function databaseTemplate(
  options: {
    key?: string;
    build?: (server: RunningTryton) => Promise<void>;
    adminPassword?: string;
    /** The modules to activate (with their dependencies); the portal's by default. */
    modules?: string[];
  } = {},
): Promise<DatabaseTemplate> {
  const modules = options.modules ?? (await portalModules());
  const adminPassword = options.adminPassword ?? 'admin';
  const database = 'portal';
  const fingerprint = await moduleFingerprint(modules);
  const base = cacheDir('tryton', fingerprint);
  const name = options.key ? `${options.key}.sqlite` : 'modules.sqlite';
  const file = join(base, name);
  const pg = postgresUri();
  const template = { file, database: pg ? pgTemplateName(file) : database, adminPassword };
  // PostgreSQL: the modules template is ready when its database exists (it is renamed into
  // place only once built); a demo template also needs its filestore copy beside the marker.
  const ready = async () =>
    pg
      ? (await pgExists(pg, template.database)) && (!options.key || (await exists(file)))
      : await exists(file);
  if (await ready()) return template;
  await mkdir(base, { recursive: true });
  await withLock(`${file}.lock`, async () => {
    if (!(await ready()))
      await buildTemplate(base, file, database, adminPassword, modules, options.build);
  });
  return template;
}

async function buildTemplate(
  base: string,
  file: string,
  database: string,
  adminPassword: string,
  activate: string[],
  build: ((server: RunningTryton) => Promise<void>) | undefined,
): Promise<void> {
  const modules = join(base, 'modules.sqlite');
  const pg = postgresUri();
  const modulesDb = pg ? pgTemplateName(modules) : database;
  const building = pg ? `${modulesDb}_wip` : database;
  if (pg ? !(await pgExists(pg, modulesDb)) : !(await exists(modules))) {
    const work = await mkdtemp(join(tmpdir(), 'tryton-init-'));
    try {
      const paths = await writeServerConfig(work, building, await freePort(), {});
      if (pg) {
        await pgDrop(pg, building);
        await pgCreate(pg, building);
      } else {
        await writeFile(join(work, `${database}.sqlite`), '');
      }
      const passFile = join(work, 'admin-password');
      await writeFile(passFile, adminPassword);
      const env = { ...trytondEnv(work), TRYTONPASSFILE: passFile };
      const admin = ['-c', paths.configFile, '-d', building];
      const trytondAdmin = join((await trytonRuntime()).binDir, 'trytond-admin');
      await run(trytondAdmin, [...admin, '--all', '--email', 'admin@example.fr'], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      await run(
        trytondAdmin,
        [...admin, '-u', ...activate, '--activate-dependencies', '-l', ...PORTAL_LANGUAGES],
        { env, maxBuffer: 64 * 1024 * 1024 },
      );
      if (pg) await pgRename(pg, building, modulesDb);
      else {
        await checkpointSqlite(join(work, `${database}.sqlite`));
        await moveInto(join(work, `${database}.sqlite`), modules);
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  if (file === modules) return;

  const target = pg ? pgTemplateName(file) : database;
  if (pg) {
    await pgDrop(pg, target);
    await pgCreate(pg, target, modulesDb);
  }
  // PostgreSQL: build in the template database itself; SQLite: in a copy, published after.
  const server = await startTryton({
    template: { file: modules, database: modulesDb, adminPassword },
    ...(pg ? { inPlace: target } : {}),
  });
  try {
    await build?.(server);
    await server.stop({ keepDatabase: true });
    if (!pg) await checkpointSqlite(server.databaseFile);
    // Tryton keeps attachments in a filestore folder named after the database.
    await copyFilestore(join(dirname(server.databaseFile), server.database), filestoreOf(file));
    if (pg) await writeFile(file, `postgresql template ${target}\n`);
    else await moveInto(server.databaseFile, file);
  } finally {
    // In place (PostgreSQL), stopping never drops the database: it is the template now.
    await server.stop();
  }
}

export interface RunningTryton {
  /** `http://127.0.0.1:<port>`: the server root (the database goes in the path). */
  url: string;
  database: string;
  adminPassword: string;
  /** The SQLite file this server works on (a copy of the template). */
  databaseFile: string;
  /** Stops trytond and deletes its folder, unless `keepDatabase` (to copy the file first). */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * Starts trytond (the runtime of TRYTON_SERIES) on a free loopback port over a fresh copy of `template`, and
 * resolves once it answers JSON-RPC. `stop()` kills it and deletes the copy.
 */
export async function startTryton(
  options: {
    template: DatabaseTemplate;
    port?: number;
    dir?: string;
    /** PostgreSQL only: serve this existing database instead of a copy (template builds). */
    inPlace?: string;
    /** Also write trytond's log to a file (tests that check what Tryton logs). */
    log?: TrytonLog;
  } & TrytonSettings,
): Promise<RunningTryton> {
  const { template } = options;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'tryton-')));
  const keepDir = options.dir !== undefined;
  const pg = postgresUri();
  // SQLite: every copy is `portal` in its own folder. PostgreSQL: one server, so each copy
  // has its own name (`portal` for a persistent folder, the demo's).
  const database = pg
    ? (options.inPlace ?? (keepDir ? 'portal' : `portal_${randomBytes(6).toString('hex')}`))
    : template.database;
  const databaseFile = join(dir, `${database}.sqlite`);
  if (pg) {
    if (!options.inPlace && !(await pgExists(pg, database))) {
      await copyFilestore(filestoreOf(template.file), join(dir, database));
      await pgCreate(pg, database, template.database);
    }
  } else if (!(await exists(databaseFile))) {
    await copyFilestore(filestoreOf(template.file), join(dir, database));
    await copyFile(template.file, databaseFile);
  }
  const trytond = join((await trytonRuntime()).binDir, 'trytond');
  const logconf = await logConf(dir, options.log);
  // A free port may be taken by another process before trytond binds it (tests start many
  // servers at once): then trytond exits, or another server answers there. Try another port.
  let started: { child: ChildProcess; port: number; stderr: () => string } | undefined;
  for (let attempt = 1; !started; attempt++) {
    const port = options.port ?? (await freePort());
    const paths = await writeServerConfig(dir, database, port, options);
    const child = spawn(trytond, ['-c', paths.configFile, '--logconf', logconf], {
      env: trytondEnv(dir),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    try {
      const rpcSuffix = await waitUntilAnswering(
        `http://127.0.0.1:${port}`,
        child,
        port,
        () => stderr,
      );
      await loadDatabase(
        `http://127.0.0.1:${port}/${database}/${rpcSuffix}`,
        template.adminPassword,
      );
      started = { child, port, stderr: () => stderr };
    } catch (error) {
      child.kill('SIGKILL');
      if (error instanceof PortTaken && options.port === undefined && attempt < 5) continue;
      if (!keepDir) await rm(dir, { recursive: true, force: true });
      if (pg && !keepDir && !options.inPlace) await pgDrop(pg, database);
      throw error;
    }
  }
  const { child } = started;
  const url = `http://127.0.0.1:${started.port}`;
  let killed: Promise<void> | undefined;
  return {
    url,
    database,
    adminPassword: template.adminPassword,
    databaseFile,
    async stop({ keepDatabase = false } = {}) {
      killed ??= stopProcess(child);
      await killed;
      if (!keepDir && !keepDatabase) {
        await rm(dir, { recursive: true, force: true });
        if (pg && !options.inPlace) await pgDrop(pg, database);
      }
    },
  };
}

/**
 * Logging to stderr at WARNING: enough to explain a failed start, quiet otherwise; and to
 * `log.file` at `log.level` when asked.
 */
async function logConf(dir: string, log?: TrytonLog): Promise<string> {
  const file = join(dir, 'logging.conf');
  const level = log?.level ?? 'INFO';
  const debugLoggers = log?.debugLoggers ?? [];
  const fileHandler = log
    ? [
        '[handler_file]',
        'class=FileHandler',
        'formatter=simple',
        `level=${debugLoggers.length ? 'DEBUG' : level}`,
        `args=(${JSON.stringify(log.file)}, 'a', 'utf-8')`,
      ]
    : [];
  const loggers = debugLoggers.flatMap((name, i) => [
    `[logger_debug${i}]`,
    'level=DEBUG',
    'handlers=',
    `qualname=${name}`,
    'propagate=1',
  ]);
  await writeFile(
    file,
    [
      '[formatters]',
      'keys=simple',
      '[handlers]',
      `keys=stderr${log ? ',file' : ''}`,
      '[loggers]',
      ['keys=root', ...debugLoggers.map((_, i) => `debug${i}`)].join(','),
      '[formatter_simple]',
      'format=%(asctime)s %(levelname)s %(name)s %(message)s',
      '[handler_stderr]',
      'class=StreamHandler',
      'formatter=simple',
      'level=WARNING',
      'args=(sys.stderr,)',
      ...fileHandler,
      '[logger_root]',
      `level=${log ? level : 'WARNING'}`,
      `handlers=stderr${log ? ',file' : ''}`,
      ...loggers,
      '',
    ].join('\n'),
  );
  return file;
}

/** trytond could not have its port: another process took it first. */
class PortTaken extends Error {}

/**
 * Resolves once `child` answers `common.server.version` on `port`, with the suffix of database
 * paths: `''` up to 7.6 (`/<db>/`), `'rpc/'` from 7.8 (`/<db>/rpc/`). An answer counts only
 * when `child` holds the port (another test's server may answer there); PortTaken when it
 * cannot have it.
 */
async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  port: number,
  log: () => string,
): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (/address already in use/i.test(log())) throw new PortTaken(`port ${port} taken`);
      throw new Error(`trytond exited with code ${child.exitCode}:\n${log()}`);
    }
    const suffix = await trytonRpcSuffix(url).catch(() => undefined);
    if (suffix !== undefined) {
      const ours = await holdsListener(child.pid as number, port);
      if (ours !== false) return suffix;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`trytond did not answer on ${url} within 60 s:\n${log()}`);
}

/**
 * Where trytond at `url` answers JSON-RPC: `''` when `common.server.version` answers on `/`
 * (up to 7.6; database calls on `/<db>/`), `'rpc/'` when on `/rpc/` (from 7.8, which answers
 * 405 on `/`; database calls on `/<db>/rpc/`), undefined when on neither.
 */
export async function trytonRpcSuffix(url: string): Promise<string | undefined> {
  for (const suffix of ['', 'rpc/']) {
    const response = await fetch(`${url}/${suffix}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 0, method: 'common.server.version', params: [] }),
      signal: AbortSignal.timeout(2000),
    });
    if (response.ok) return suffix;
  }
  return undefined;
}

/**
 * One login (and logout) as the admin before anyone else calls: trytond 7.6 loads a
 * database's pool on its first call, and calls arriving together during that load fail at
 * random (`AssertionError` in a field's `__get__`, seen on 22 of 30 concurrent first logins).
 */
async function loadDatabase(databaseUrl: string, adminPassword: string): Promise<void> {
  const call = async (method: string, params: unknown[], authorization?: string) => {
    const response = await fetch(databaseUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ id: 0, method, params }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await response.json()) as { result?: unknown; error?: unknown };
    if (!response.ok || body.error !== undefined) {
      throw new Error(`trytond: ${method} failed while loading the database (${response.status})`);
    }
    return body.result;
  };
  const [userId, key] = (await call('common.db.login', [
    'admin',
    { password: adminPassword },
    'en',
  ])) as [number, string];
  const session = Buffer.from(`admin:${userId}:${key}`).toString('base64');
  await call('common.db.logout', [], `Session ${session}`);
}

/** SIGTERM, SIGKILL after 5 s; resolves once the process is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The filestore saved beside a template file (`demo.sqlite` -> `demo.filestore/`). */
function filestoreOf(templateFile: string): string {
  return templateFile.replace(/\.sqlite$/, '.filestore');
}

async function copyFilestore(source: string, target: string): Promise<void> {
  if (await exists(source)) await cp(source, target, { recursive: true });
}

/**
 * Trytond 7.x keeps SQLite in WAL mode, and a stopped server leaves recent commits in the
 * `-wal` file beside the database: fold them in, so that the file alone is the whole database.
 */
async function checkpointSqlite(file: string): Promise<void> {
  const script = [
    'import sqlite3, sys',
    'c = sqlite3.connect(sys.argv[1])',
    'c.execute("PRAGMA wal_checkpoint(TRUNCATE)")',
    'c.execute("PRAGMA journal_mode = DELETE")',
    'c.close()',
  ].join('\n');
  await run((await trytonRuntime()).python, ['-c', script, file]);
}

/** Publishes a file atomically, so a concurrent reader never sees half a database. */
async function moveInto(source: string, target: string): Promise<void> {
  const partial = `${target}.${process.pid}.partial`;
  await copyFile(source, partial);
  await rename(partial, target);
}
