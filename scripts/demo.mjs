// The demo command's orchestrator (scripts/demo.sh builds first): Tryton with the demo data,
// the gateway in this process, the web app's preview server with its proxy to the gateway.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CUSTOMERS, DEMO_PASSWORD, startDemoTryton } from '../packages/demo-data/dist/index.js';
import { loadConfig, startGateway } from '../packages/gateway/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TRYTON_PORT = Number(process.env.TRYTON_PORT ?? 8000);
const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
const WEB_PORT = Number(process.env.WEB_PORT ?? 5173);
const webUrl = `http://127.0.0.1:${WEB_PORT}`;

function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// DEMO_DIR: another data folder (scripts/demo-stop-check.mjs uses a throwaway one).
const dir = process.env.DEMO_DIR ?? `${root}.tryton/demo`;
const first = !existsSync(`${dir}/portal.sqlite`);
mkdirSync(dir, { recursive: true });
console.log(
  first
    ? 'Preparing Tryton with the demo data (a minute or two the first time)…'
    : 'Starting Tryton…',
);
const tryton = await startDemoTryton({ port: TRYTON_PORT, dir, portalUrl: webUrl });

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const useRedis = await redisAnswers(redisUrl);
const gateway = await startGateway(
  loadConfig({
    ...process.env,
    PORT: String(GATEWAY_PORT),
    TRYTON_URL: tryton.url,
    TRYTON_DATABASE: tryton.database,
    TRYTON_GATEWAY_LOGIN: tryton.gateway.login,
    TRYTON_GATEWAY_PASSWORD: process.env.TRYTON_GATEWAY_PASSWORD ?? tryton.gateway.password,
    REDIS_URL: useRedis ? redisUrl : undefined,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The playground stays at ${gateway.url}/graphql whatever NODE_ENV the shell has.
    GRAPHIQL: process.env.GRAPHIQL ?? 'true',
    INTROSPECTION: process.env.INTROSPECTION ?? 'true',
    // Ctrl-C: requests still running get 3 s, then everything stops (within 10 s in all).
    SHUTDOWN_TIMEOUT_MS: process.env.SHUTDOWN_TIMEOUT_MS ?? '3000',
  }),
);

const web = spawn(
  'pnpm',
  [
    '--filter',
    '@portal/web',
    'exec',
    'vite',
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(WEB_PORT),
    '--strictPort',
  ],
  {
    cwd: root,
    env: { ...process.env, GATEWAY_URL: gateway.url },
    stdio: ['ignore', 'ignore', 'inherit'],
    // A process group of its own, stopped as a whole below: pnpm does not pass SIGTERM on
    // to vite, which would stay behind holding the port when the demo is stopped with kill.
    detached: true,
  },
);

// Reset and validation e-mails are caught locally: show them, links included.
let shown = 0;
setInterval(() => {
  for (const mail of tryton.mailbox.messages.slice(shown)) {
    console.log(`\n✉  Mail to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text.trim()}\n`);
  }
  shown = tryton.mailbox.messages.length;
}, 1000).unref();

// Online payments go to the Stripe stand-in (no internet): its checkout page cannot load
// Stripe.js, so say how to play the customer paying, or giving up, on Stripe's side.
const intentsShown = new Set();
setInterval(() => {
  for (const intent of tryton.stripe?.intents.values() ?? []) {
    if (intentsShown.has(intent.id)) continue;
    intentsShown.add(intent.id);
    const control = `${tryton.stripe.url}/_stand-in/payment_intents/${intent.id}`;
    console.log(
      `\n💳 Online payment started (${(intent.amount / 100).toFixed(2)} ${intent.currency.toUpperCase()}). ` +
        `Pay it: curl -X POST ${control}/succeed   or give up: curl -X POST ${control}/cancel\n`,
    );
  }
}, 1000).unref();

const customers = CUSTOMERS.filter((c) => c.email)
  .map((c) => `   ${c.email.padEnd(26)} ${c.party}`)
  .join('\n');
console.log(`
Portal ready: open ${webUrl}

Sign in with (password ${DEMO_PASSWORD} for all):
${customers}

Services:
   web app (static build + proxy)  ${webUrl}
   gateway GraphQL + GraphiQL      ${gateway.url}/graphql   (metrics ${gateway.url}/metrics)
   Tryton JSON-RPC (SQLite)        ${tryton.url}/${tryton.database}/   (admin / admin)
   cache, sessions, quotas         ${useRedis ? `Redis ${redisUrl}` : 'in-process (no Redis answered)'}
   Stripe (local stand-in)         ${tryton.stripe ? tryton.stripe.url : 'none (this Tryton series has no account_payment_stripe)'}

Ctrl-C stops everything; the data stays in .tryton/demo/.`);

// Ctrl-C (SIGINT to the terminal's whole process group, trytond included) or SIGTERM: the
// gateway drains (3 s at most), then Tryton and the mail catcher stop. A second Ctrl-C, or a
// stop that takes more than 10 s, ends everything at once.
let stopping = false;
function stopWeb(signal) {
  try {
    process.kill(-web.pid, signal);
  } catch {
    // Already gone.
  }
}
async function stop() {
  if (stopping) {
    stopWeb('SIGKILL');
    process.exit(1);
  }
  stopping = true;
  console.log('\nStopping…');
  setTimeout(() => {
    console.error('Stopping took more than 10 s: exiting anyway.');
    stopWeb('SIGKILL');
    process.exit(1);
  }, 10_000).unref();
  stopWeb('SIGTERM');
  await gateway.stop();
  await tryton.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
web.on('exit', (code) => {
  if (!stopping) {
    console.error(`web server exited (${code})`);
    stop();
  }
});
