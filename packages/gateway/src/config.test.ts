import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults and needs only the technical password', () => {
    const config = loadConfig({ TRYTON_GATEWAY_PASSWORD: 'x' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      redisUrl: undefined,
    });
    expect(config.cacheTtls).toEqual({
      orders: 30,
      shipments: 30,
      invoices: 15,
      lines: 300,
      documents: 30,
      addresses: 300,
      contacts: 300,
      sessions: 30,
      'api-tokens': 30,
    });
    expect(config.tryton).toMatchObject({
      url: 'http://127.0.0.1:8000',
      database: 'portal',
      login: 'portal_gateway',
    });
  });

  it('turns GraphiQL and introspection off by default in production only', () => {
    const pick = (env: Record<string, string>) => {
      const { graphiql, introspection } = loadConfig({ TRYTON_GATEWAY_PASSWORD: 'x', ...env });
      return { graphiql, introspection };
    };
    const on = { graphiql: true, introspection: true };
    const off = { graphiql: false, introspection: false };
    expect(pick({})).toEqual(on);
    expect(pick({ NODE_ENV: 'development' })).toEqual(on);
    expect(pick({ NODE_ENV: 'production' })).toEqual(off);
    expect(pick({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: 'true' })).toEqual(on);
    expect(pick({ NODE_ENV: 'development', GRAPHIQL: 'false', INTROSPECTION: 'false' })).toEqual(
      off,
    );
    expect(loadConfig({ TRYTON_GATEWAY_PASSWORD: 'x' }).tryton.queueTimeoutMs).toBe(5000);
  });

  it('lists every invalid variable at once, without echoing secrets', () => {
    try {
      loadConfig({ PORT: 'eighty', TRYTON_URL: 'not a url', TRYTON_GATEWAY_PASSWORD: 'hunter2' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/TRYTON_URL/);
      expect((error as Error).message).not.toMatch(/hunter2/);
    }
    expect(() => loadConfig({})).toThrow(/TRYTON_GATEWAY_PASSWORD/);
  });

  it('reads the secrets from files (docker secrets)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    writeFileSync(join(dir, 'tryton'), 's3cret\n');
    writeFileSync(join(dir, 'redis'), 'p@ss word\n');
    const config = loadConfig({
      TRYTON_GATEWAY_PASSWORD_FILE: join(dir, 'tryton'),
      REDIS_URL: 'redis://redis:6379',
      REDIS_PASSWORD_FILE: join(dir, 'redis'),
    });
    expect(config.tryton.password).toBe('s3cret');
    expect(config.redisUrl).toBe('redis://:p%40ss%20word@redis:6379');
    expect(() => loadConfig({ TRYTON_GATEWAY_PASSWORD_FILE: join(dir, 'missing') })).toThrow(
      ConfigError,
    );
  });

  it('takes per-area cache lifetimes over the defaults, and 0 turns the whole cache off', () => {
    const config = loadConfig({
      TRYTON_GATEWAY_PASSWORD: 'x',
      CACHE_TTL_SECONDS: '20',
      CACHE_TTL_OVERRIDES: ' invoices=5, addresses = 0,api-tokens=10 ',
    });
    expect(config.cacheTtls).toMatchObject({
      orders: 20,
      invoices: 5,
      lines: 300,
      addresses: 0,
      sessions: 20,
      'api-tokens': 10,
    });
    const off = loadConfig({
      TRYTON_GATEWAY_PASSWORD: 'x',
      CACHE_TTL_SECONDS: '0',
      CACHE_TTL_OVERRIDES: 'lines=600',
    });
    expect(Object.values(off.cacheTtls).every((seconds) => seconds === 0)).toBe(true);
  });

  it('refuses unknown areas, bad numbers and an area given twice', () => {
    for (const value of [
      'product=60',
      'invoices=-1',
      'invoices=1.5',
      'invoices',
      'orders=5,orders=6',
    ]) {
      expect(() =>
        loadConfig({ TRYTON_GATEWAY_PASSWORD: 'x', CACHE_TTL_OVERRIDES: value }),
      ).toThrow(/CACHE_TTL_OVERRIDES/);
    }
  });
});
