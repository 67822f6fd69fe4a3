import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * PostgreSQL instead of SQLite, with one variable: TRYTON_DATABASE_URI, a trytond
 * `[database] uri` such as `postgresql://root@127.0.0.1:5432/`. Templates are PostgreSQL
 * databases (`CREATE DATABASE ... TEMPLATE`), which makes each server's copy instant too.
 */
export function postgresUri(): string | undefined {
  const uri = process.env.TRYTON_DATABASE_URI;
  return uri?.startsWith('postgresql://') ? (uri.endsWith('/') ? uri : `${uri}/`) : undefined;
}

async function psql(uri: string, sql: string): Promise<string> {
  const { stdout } = await run('psql', [`${uri}postgres`, '-v', 'ON_ERROR_STOP=1', '-tAc', sql]);
  return stdout.trim();
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`devstack: unsafe database name ${name}`);
  return `"${name}"`;
};

export async function pgExists(uri: string, name: string): Promise<boolean> {
  return (
    (await psql(uri, `SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, '')}'`)) ===
    '1'
  );
}

export async function pgCreate(uri: string, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${ident(template)}` : '';
  await psql(uri, `CREATE DATABASE ${ident(name)}${from} ENCODING 'UTF8'`);
  // Throwaway development and test databases: a commit need not wait for the disk.
  await psql(uri, `ALTER DATABASE ${ident(name)} SET synchronous_commit = off`);
}

export async function pgRename(uri: string, from: string, to: string): Promise<void> {
  await psql(uri, `ALTER DATABASE ${ident(from)} RENAME TO ${ident(to)}`);
}

export async function pgDrop(uri: string, name: string): Promise<void> {
  await psql(uri, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}
