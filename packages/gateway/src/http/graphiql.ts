import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';
import { GRAPHIQL_EXAMPLE } from './graphiql-example.js';

const gzip = promisify(gzipCallback);

/** Where the page's files are served; the page itself is GET /graphql from a browser. */
export const GRAPHIQL_ASSETS = '/graphiql/';

/**
 * The page's own policy, sent by the gateway with every GraphiQL response (traefik's
 * `security-headers-graphiql` repeats it). No inline script and no eval: GraphiQL 5 and
 * Monaco need neither once their code is served as files and Monaco's editor workers are
 * same-origin URLs rather than the blob: URLs of @graphql-yoga/render-graphiql's page.
 * `style-src 'unsafe-inline'` is the one concession: Monaco writes `style` attributes into
 * the HTML of every editor line and adds `<style>` elements at run time, and neither can
 * carry a nonce. Injected CSS cannot run script; the portal's own pages keep `style-src 'self'`.
 * Fonts and icons are data: URLs inside GraphiQL's stylesheet.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  /** Compressed once, at its first request that accepts gzip. */
  gzipped?: Promise<Buffer>;
}

function asset(body: string | Buffer, type: string): Asset {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  const hash = createHash('sha256').update(buffer).digest('base64url').slice(0, 16);
  return { body: buffer, type, etag: `"${hash}"` };
}

/** `graphiql.<hash>.js`: a name that changes with the content, so it can be cached for ever. */
function hashedName(name: string, file: Asset): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${file.etag.slice(1, 9)}${name.slice(dot)}`;
}

const JS = 'text/javascript; charset=utf-8';

/**
 * GraphiQL as static files, built once per process on first use: the library's script, its
 * stylesheet and Monaco's three workers unchanged, a small start script, a favicon and a page
 * that only links them. Files have content-hashed names and are cached for a year; the page
 * is revalidated by its ETag.
 */
function build(title: string) {
  const files = new Map<string, Asset>();
  const add = (name: string, file: Asset) => {
    const path = `${GRAPHIQL_ASSETS}${hashedName(name, file)}`;
    files.set(path, file);
    return path;
  };
  const [, iconType = 'image/x-icon', iconData = ''] =
    /^data:([^;,]+);base64,(.*)$/.exec(favicon) ?? [];
  const icon = add('favicon.ico', asset(Buffer.from(iconData, 'base64'), iconType));
  const stylesheet = add('graphiql.css', asset(css, 'text/css; charset=utf-8'));
  const library = add('graphiql.js', asset(js, JS));
  const workers = {
    editorWorkerService: add('editor.worker.js', asset(editorWorkerService, JS)),
    json: add('json.worker.js', asset(jsonWorker, JS)),
    graphql: add('graphql.worker.js', asset(graphqlWorker, JS)),
  };
  const options = {
    title,
    endpoint: '/graphql',
    defaultQuery: GRAPHIQL_EXAMPLE,
    credentials: 'same-origin',
    // A Bearer token typed in the headers editor stays in the page's memory: never written to
    // localStorage, where any script of the origin could read it after the tab is closed.
    shouldPersistHeaders: false,
  };
  const start = add(
    'start.js',
    asset(
      `const workers = ${JSON.stringify(workers)};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_module, label) => workers[label] };
YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${JSON.stringify(options)});
`,
      JS,
    ),
  );
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${icon}" />
    <link rel="stylesheet" href="${stylesheet}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript. The API itself is POST /graphql.</noscript>
    <div id="root"></div>
    <script src="${library}"></script>
    <script src="${start}"></script>
  </body>
</html>
`;
  return { page: asset(html, 'text/html; charset=utf-8'), files };
}

/** Serves the GraphiQL page and its files; built at the first request, then from memory. */
export class GraphiQL {
  #built: ReturnType<typeof build> | undefined;

  constructor(private readonly title = 'Portail clients – GraphQL') {}

  private get built() {
    this.#built ??= build(this.title);
    return this.#built;
  }

  /** The page, for GET /graphql from a browser. */
  async page(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // no-cache: revalidated each time (a 304 by its ETag), so a new gateway's page, naming new
    // file hashes, is seen at once.
    await send(req, res, this.built.page, 'no-cache');
  }

  /** One of the page's files, or false when `path` names none. */
  async file(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const file = this.built.files.get(path);
    if (!file) return false;
    await send(req, res, file, 'public, max-age=31536000, immutable');
    return true;
  }
}

async function send(req: IncomingMessage, res: ServerResponse, file: Asset, cacheControl: string) {
  const headers: Record<string, string> = {
    'content-type': file.type,
    'cache-control': cacheControl,
    etag: file.etag,
    vary: 'accept-encoding',
    'content-security-policy': GRAPHIQL_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  let body = file.body;
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    file.gzipped ??= gzip(file.body, { level: 6 });
    body = await file.gzipped;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.byteLength);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
