import { gunzipSync } from 'node:zlib';
import { getIntrospectionQuery } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningGateway, startGateway } from '../src/server.js';

/**
 * GraphiQL and introspection by environment. Neither needs Tryton (the page is static,
 * introspection is refused at validation), so these gateways point at a closed port.
 */
async function gateway(env: Record<string, string>): Promise<RunningGateway> {
  return await startGateway(
    loadConfig({
      PORT: '0',
      TRYTON_URL: 'http://127.0.0.1:9',
      TRYTON_GATEWAY_PASSWORD: 'unused',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    { logger: pino({ level: 'silent' }) },
  );
}

const browser = { accept: 'text/html,application/xhtml+xml' };

async function introspect(url: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as {
    data?: { __schema?: unknown };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, body };
}

describe('GraphiQL and introspection in production (the defaults)', () => {
  let production: RunningGateway;
  beforeAll(async () => {
    production = await gateway({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await production?.stop();
  });

  it('serves no page: a browser GET of /graphql is an API request like any other', async () => {
    const page = await fetch(`${production.url}/graphql`, { headers: browser });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(page.status).toBe(400);
    expect((await fetch(`${production.url}/graphiql/graphiql.js`)).status).toBe(404);
  });

  it('refuses introspection with INTROSPECTION_DISABLED, HTTP 400', async () => {
    const { status, body } = await introspect(production.url);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    expect(body.errors?.[0]?.message).toMatch(/schema\.graphql/);
    // __typename is not introspection: Apollo Client asks for it in every query.
    const typename = await fetch(`${production.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(typename.status).toBe(200);
  });
});

describe('GraphiQL when on (development, the demo)', () => {
  let development: RunningGateway;
  let html: string;
  let headers: Headers;
  beforeAll(async () => {
    development = await gateway({ NODE_ENV: 'development' });
    const page = await fetch(`${development.url}/graphql`, { headers: browser });
    expect(page.status).toBe(200);
    headers = page.headers;
    html = await page.text();
  });
  afterAll(async () => {
    await development?.stop();
  });

  it('answers introspection (GraphiQL docs, codegen)', async () => {
    const { status, body } = await introspect(development.url);
    expect(status).toBe(200);
    expect(body.data?.__schema).toBeTruthy();
  });

  it('is a small page with a strict policy of its own: no inline script, no eval', async () => {
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|blob:/);
    expect(html).not.toMatch(/<script>|<script[^>]*>[^<]/);
    expect(html).not.toMatch(/<style/);
    expect(html.length).toBeLessThan(2000);
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('references only its own files, each cached for a year under a hashed name', async () => {
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBe(4);
    let bytes = 0;
    for (const ref of refs) {
      expect(ref).toMatch(/^\/graphiql\/[a-z.]+\.[A-Za-z0-9_-]{8}\.(js|css|ico)$/);
      const file = await fetch(`${development.url}${ref}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const text = await file.text();
      bytes += text.length;
      expect(text).not.toMatch(/https?:\/\/(unpkg|cdn\.|fonts\.googleapis|esm\.sh)/);
    }
    expect(bytes).toBeGreaterThan(5_000_000);
    const start = refs.find((ref) => ref.includes('/start.')) as string;
    const startScript = await (await fetch(`${development.url}${start}`)).text();
    // Monaco's workers: same-origin files too (worker-src 'self'), not blob: URLs.
    const workers = [...startScript.matchAll(/"(\/graphiql\/[a-z.]+\.worker\.[^"]+\.js)"/g)];
    expect(workers.length).toBe(3);
    for (const [, worker] of workers) {
      const response = await fetch(`${development.url}${worker}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
    expect((await fetch(`${development.url}/graphiql/other.js`)).status).toBe(404);
  });

  it('has a main landmark and a level-one heading, and starts GraphiQL with shouldPersistHeaders false', async () => {
    // The page's axe check in a browser, and localStorage after typing a token:
    // packages/web/e2e/accessibility.e2e.ts.
    expect(html).toMatch(/<main>[\s\S]*<div id="root"><\/div>[\s\S]*<\/main>/);
    expect(html).toContain('<h1 class="visually-hidden">GraphQL playground – Portail clients</h1>');
    const start = /src="(\/graphiql\/start\.[^"]+\.js)"/.exec(html)?.[1] as string;
    const startScript = await (await fetch(`${development.url}${start}`)).text();
    const options = /renderYogaGraphiQL\([^,]+, (\{.*\})\);/.exec(startScript)?.[1] as string;
    expect(JSON.parse(options)).toMatchObject({ shouldPersistHeaders: false });
    // The operation tabs' nested-interactive fix runs before GraphiQL renders.
    expect(startScript.indexOf('new MutationObserver')).toBeLessThan(
      startScript.indexOf('renderYogaGraphiQL('),
    );
  });

  it('answers 304 to a known ETag, and gzip to a browser that accepts it', async () => {
    const etag = headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${development.url}/graphql`, {
      headers: { ...browser, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const library = /src="(\/graphiql\/graphiql\.[^"]+\.js)"/.exec(html)?.[1] as string;
    // fetch() would decompress itself: read the raw bytes with a plain HTTP request.
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${development.url}${library}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('gzip');
    const plain = gunzipSync(raw.body);
    expect(raw.body.length).toBeLessThan(plain.length / 3);
    expect(plain.toString('utf8', 0, 200)).toMatch(/YogaGraphiQL/);
  });
});

describe('GraphiQL and introspection set explicitly', () => {
  it('follows GRAPHIQL and INTROSPECTION over NODE_ENV', async () => {
    const on = await gateway({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: 'true' });
    const off = await gateway({
      NODE_ENV: 'development',
      GRAPHIQL: 'false',
      INTROSPECTION: 'false',
    });
    try {
      const page = (url: string) => fetch(`${url}/graphql`, { headers: browser });
      expect((await page(on.url)).headers.get('content-type')).toMatch(/html/);
      expect((await page(off.url)).headers.get('content-type')).not.toMatch(/html/);
      expect((await introspect(on.url)).status).toBe(200);
      expect((await introspect(off.url)).body.errors?.[0]?.extensions?.code).toBe(
        'INTROSPECTION_DISABLED',
      );
    } finally {
      await on.stop();
      await off.stop();
    }
  });
});
