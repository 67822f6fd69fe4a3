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
 * Accessibility fixes, appended to GraphiQL's stylesheet (axe with the WCAG tags and
 * 'best-practice': packages/web/e2e/accessibility.e2e.ts).
 * - color-contrast: GraphiQL's secondary texts (the title at the top right, hints) are
 *   hsla(neutral, .76), 4.26:1 on its light background; .9 gives more than 4.5:1, and raises
 *   the dark theme's contrast too. Tertiary texts (placeholders, disabled items) go up alike.
 * - target-size (WCAG 2.2 AA): a tab's close button, 20 px square, gets 24 px (more padding
 *   around the same icon, and as much more room for it in the tab).
 * - the visually hidden page heading (page-has-heading-one): still read by screen readers.
 */
const A11Y_CSS = `
.graphiql-container,.graphiql-dialog,.graphiql-tooltip,[data-radix-popper-content-wrapper]{--alpha-secondary:.9;--alpha-tertiary:.7}
.graphiql-tab .graphiql-tab-close{padding:8px}
.graphiql-tab .graphiql-tab-button{padding-right:34px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

/**
 * nested-interactive: GraphiQL marks each operation tab's `<li>` role="tab" with a `<button>`
 * (and, with several tabs, a close button) inside, so a tab holds focusable controls, and a
 * role="tablist" may only hold tabs. The operation tabs become what they behave as: a list of
 * buttons, the active one with aria-current="true" (GraphiQL has no arrow-key tab navigation,
 * each tab is a button reached with Tab and pressed with Enter or Space, which stays so).
 * React owns these elements: it sets `role` once, at creation, and `aria-selected` when the
 * active tab changes, so an observer repeats the change after each of its renders.
 */
const TABS_FIX = `function fixTabs(root) {
  for (const list of root.querySelectorAll('.graphiql-tabs[role="tablist"]')) list.removeAttribute('role');
  for (const tab of root.querySelectorAll('li.graphiql-tab[role], li.graphiql-tab[aria-selected]')) {
    const selected = tab.getAttribute('aria-selected') === 'true' || tab.classList.contains('graphiql-tab-active');
    tab.removeAttribute('role');
    tab.removeAttribute('aria-selected');
    const button = tab.querySelector('.graphiql-tab-button');
    if (!button) continue;
    if (selected) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}
new MutationObserver(() => fixTabs(document)).observe(document.body, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['role', 'aria-selected', 'class'],
});
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * GraphiQL as static files, built once per process on first use: the library's script, its
 * stylesheet and Monaco's three workers unchanged, a small start script, a favicon and a page
 * that only links them. Files have content-hashed names and are cached for a year; the page
 * is revalidated by its ETag.
 */
function build(portal: string) {
  const title = `${portal} – GraphQL`;
  const files = new Map<string, Asset>();
  const add = (name: string, file: Asset) => {
    const path = `${GRAPHIQL_ASSETS}${hashedName(name, file)}`;
    files.set(path, file);
    return path;
  };
  const [, iconType = 'image/x-icon', iconData = ''] =
    /^data:([^;,]+);base64,(.*)$/.exec(favicon) ?? [];
  const icon = add('favicon.ico', asset(Buffer.from(iconData, 'base64'), iconType));
  const stylesheet = add('graphiql.css', asset(css + A11Y_CSS, 'text/css; charset=utf-8'));
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
      `${TABS_FIX}const workers = ${JSON.stringify(workers)};
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
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="${icon}" />
    <link rel="stylesheet" href="${stylesheet}" />
  </head>
  <body id="body" class="no-focus-outline">
    <main>
      <h1 class="visually-hidden">GraphQL playground – ${escapeHtml(portal)}</h1>
      <noscript>GraphiQL needs JavaScript. The API itself is POST /graphql.</noscript>
      <div id="root"></div>
    </main>
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

  /** `portal`: the portal's name, in the page's title and its (visually hidden) heading. */
  constructor(private readonly portal = 'Portail clients') {}

  private get built() {
    this.#built ??= build(this.portal);
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
