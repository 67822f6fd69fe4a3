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
      cacheTtlSeconds: 30,
    });
    expect(config.tryton).toMatchObject({
      url: 'http://127.0.0.1:8000',
      database: 'portal',
      login: 'portal_gateway',
    });
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
});
