// Checks that the demo stops promptly on Ctrl-C after a browser used it (issue 17): starts
// `node scripts/demo.mjs` (what scripts/demo.sh runs after its build) in a process group of its
// own on free loopback ports, signs in through the web app's proxy with keep-alive connections
// left open as a browser leaves them, downloads an invoice PDF, then sends SIGINT to the whole
// group (what a terminal's Ctrl-C does) and measures until every process of the group is gone.
// Exits 1 if that takes longer than LIMIT_SECONDS (default 10) or a port stays open.
//   pnpm -r build && node scripts/demo-stop-check.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_SECONDS = Number(process.env.LIMIT_SECONDS ?? 10);

async function freePort() {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A browser's connections: kept alive, a few per host, never closed by this script. */
const agent = new Agent({ keepAlive: true, maxSockets: 6 });

function send(url, { method = 'GET', body, headers = {}, fresh = false } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: fresh ? false : agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${url}: no answer in 60 s`)));
    req.once('error', reject);
    req.end(body);
  });
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const ports = { tryton: await freePort(), gateway: await freePort(), web: await freePort() };
// A fresh data folder of its own: the developer's .tryton/demo is never touched.
const dataDir = mkdtempSync(join(tmpdir(), 'demo-stop-'));
const demo = spawn(process.execPath, ['scripts/demo.mjs'], {
  cwd: root,
  detached: true,
  env: {
    ...process.env,
    TRYTON_PORT: String(ports.tryton),
    PORT: String(ports.gateway),
    WEB_PORT: String(ports.web),
    DEMO_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
const ready = new Promise((resolve, reject) => {
  demo.stdout.on('data', (chunk) => {
    output += chunk;
    if (output.includes('Portal ready')) resolve();
  });
  demo.once('exit', (code) => reject(new Error(`demo exited early (${code}):\n${output}`)));
});
const startTimer = setTimeout(() => {
  process.kill(-demo.pid, 'SIGKILL');
}, 300_000);
try {
  await ready;
} finally {
  clearTimeout(startTimer);
}

// Any failure from here on must not leave the demo running.
process.on('uncaughtException', (error) => {
  process.kill(-demo.pid, 'SIGKILL');
  console.error(error);
  process.exit(1);
});
const web = `http://127.0.0.1:${ports.web}`;
// The demo prints its banner as it starts the web app's server: wait for it to answer.
let page;
for (let i = 0; i < 100 && !page; i++) {
  page = await send(`${web}/`).catch(
    () => new Promise((resolve) => setTimeout(() => resolve(undefined), 200)),
  );
}
console.log(`web app: ${page.status}`);
const login = await send(`${web}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    query:
      'mutation { login(email: "marie.dupont@example.fr", password: "Portail-Demo-2026!") { customer { name } } }',
  }),
});
const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
console.log(`sign-in: ${login.status} ${cookie ? 'with a session' : 'WITHOUT a session'}`);
const invoices = await send(`${web}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie },
  body: JSON.stringify({
    query: '{ viewer { invoices(first: 3) { edges { node { pdfUrl } } } } }',
  }),
});
const pdfUrl = JSON.parse(invoices.body).data?.viewer?.invoices?.edges?.[0]?.node?.pdfUrl;
if (pdfUrl) {
  const pdf = await send(new URL(pdfUrl, web), { headers: { cookie } });
  console.log(`invoice PDF: ${pdf.status}, ${pdf.body.length} bytes`);
}
// The gateway directly too (GraphiQL users), and one request still running at the signal:
// the gateway finishes it before it stops.
const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
await send(`${gatewayUrl}/healthz`);
const pending = send(`${gatewayUrl}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie },
  body: JSON.stringify({ query: '{ viewer { orders(first: 50) { totalCount } } }' }),
  fresh: true,
}).then(
  (r) => `answered ${r.status}`,
  (e) => `failed: ${e.message}`,
);

await new Promise((resolve) => setTimeout(resolve, 30));
const started = performance.now();
process.kill(-demo.pid, 'SIGINT');
const deadline = Date.now() + 60_000;
while (groupAlive(demo.pid) && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const seconds = (performance.now() - started) / 1000;
const leftOver = groupAlive(demo.pid);
if (leftOver) process.kill(-demo.pid, 'SIGKILL');
agent.destroy();
console.log(`request in flight at Ctrl-C: ${await pending}`);
const stillOpen = [];
for (const [name, port] of Object.entries(ports)) {
  const taken = await new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
  if (taken) stillOpen.push(name);
}
rmSync(dataDir, { recursive: true, force: true });
console.log(
  leftOver
    ? `demo still running ${seconds.toFixed(1)} s after Ctrl-C (killed)`
    : `demo stopped ${seconds.toFixed(1)} s after Ctrl-C`,
);
if (stillOpen.length) console.log(`ports still open: ${stillOpen.join(', ')}`);
process.exit(!leftOver && seconds <= LIMIT_SECONDS && !stillOpen.length ? 0 : 1);
