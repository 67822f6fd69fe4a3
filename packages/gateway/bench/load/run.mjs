// The load and fault harness (issue 17; scenarios and pass criteria: docs/reliability.md).
// Starts the real stack on loopback: Tryton with the demo data (PostgreSQL when
// TRYTON_DATABASE_URI is set, see packages/devstack), a TCP proxy in front of it (delay,
// outage), Redis, REPLICAS gateway processes (dist/main.js, the production entry point) and
// an HTTP balancer in front of them; then drives virtual customers (customers.mjs) and
// injects the scenario's fault. Prints throughput, p50/p95/p99, outcomes by status and code,
// Tryton calls per request, and each replica's memory and open files over time.
//   pnpm --filter @portal/gateway build
//   node packages/gateway/bench/load/run.mjs steady|soak|tryton-down|tryton-slow|redis-down|rolling
// Environment: CUSTOMERS, API_CLIENTS, DURATION_S, REPLICAS, THINK_MS (min,max), and
// SIGN_IN=once (each demo account signed in once before the run, its session shared by its
// customers: measures pages rather than Tryton's password hashing; default: each customer
// signs in itself), ACCOUNTS=N (N generated customers besides the demo's three, each with its
// own e-mail and ORDERS_EACH orders, default 5: demo-data's seedLoadCustomers; the virtual
// customers are spread over all of them) and TRYTON_WORKERS=N (PostgreSQL only: N trytond
// processes on the demo database, round robin behind a balancer; default 1).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { demoTemplate, seedLoadCustomers, startDemoTryton } from '../../../demo-data/dist/index.js';
import { startTryton } from '../../../devstack/dist/index.js';
import { TrytonClient } from '../../../tryton-client/dist/index.js';
import { createToken, outcomeKey, runLoad, signIn, summarize } from './customers.mjs';
import { httpBalancer, tcpProxy } from './proxies.mjs';

const SCENARIOS = {
  steady: { customers: 200, apiClients: 10, seconds: 60 },
  soak: { customers: 40, apiClients: 4, seconds: 600 },
  'tryton-down': { customers: 100, apiClients: 5, seconds: 40 },
  'tryton-slow': { customers: 100, apiClients: 5, seconds: 40 },
  'redis-down': { customers: 100, apiClients: 5, seconds: 40 },
  rolling: { customers: 100, apiClients: 5, seconds: 40 },
};
const name = process.argv[2] ?? 'steady';
const scenario = SCENARIOS[name];
if (!scenario) throw new Error(`unknown scenario ${name}: ${Object.keys(SCENARIOS).join(', ')}`);
const customers = Number(process.env.CUSTOMERS ?? scenario.customers);
const apiClients = Number(process.env.API_CLIENTS ?? scenario.apiClients);
const seconds = Number(process.env.DURATION_S ?? scenario.seconds);
const replicaCount = Number(process.env.REPLICAS ?? 2);
const generated = Number(process.env.ACCOUNTS ?? 0);
const ordersEach = Number(process.env.ORDERS_EACH ?? 5);
const workerCount = Number(process.env.TRYTON_WORKERS ?? 1);
const thinkMs = (process.env.THINK_MS ?? '500,1500').split(',').map(Number);
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

async function freePort() {
  return await new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready in ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** A redis-server of the run's own, which the scenario may stop and start on the same port. */
function redisServer(port) {
  let child;
  return {
    url: `redis://127.0.0.1:${port}`,
    start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
        stdio: 'ignore',
      });
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** One gateway replica: the production entry point in a process of its own. */
function replica(env) {
  let child;
  let url;
  return {
    get url() {
      return url;
    },
    async start() {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, [main], {
        env: { ...process.env, ...env, PORT: String(port) },
        // Its logs (pino, on stdout) go to the harness's stderr: stdout is the report.
        stdio: ['ignore', process.stderr, 'inherit'],
      });
      await until(async () => (await fetch(`${url}/readyz`)).ok, 120_000, 'gateway');
    },
    /** SIGTERM (a rolling restart's stop): resolves with the seconds it took to exit. */
    async stop() {
      const started = performance.now();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return { seconds: (performance.now() - started) / 1000, code };
    },
  };
}

/** The samples of a Prometheus text page that we read. */
async function scrape(url) {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2000) })).text();
  const value = (prefix) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return {
    rssMb: value('process_resident_memory_bytes ') / 2 ** 20,
    heapMb: value('nodejs_heap_size_used_bytes ') / 2 ** 20,
    fds: value('process_open_fds '),
    trytonCalls: value('portal_tryton_calls_total{'),
  };
}

log(
  `scenario ${name}: ${customers} customers, ${apiClients} API clients, ${seconds} s, ${replicaCount} replicas, ${workerCount} Tryton workers, ${generated} generated accounts`,
);
if (workerCount > 1 && !process.env.TRYTON_DATABASE_URI) {
  throw new Error('TRYTON_WORKERS needs PostgreSQL (TRYTON_DATABASE_URI): SQLite has one writer');
}
const tryton = await startDemoTryton();
// More trytond processes on the same database (what a WSGI server's workers are), with the
// same settings; the gateway's proxy (delay, outage) stays in front of all of them.
const workers = [];
if (workerCount > 1) {
  const { template } = await demoTemplate(tryton.gateway.password);
  for (let i = 1; i < workerCount; i++) {
    workers.push(
      await startTryton({
        template,
        inPlace: tryton.database,
        ...(tryton.stripe ? { stripeApiBase: tryton.stripe.url } : {}),
      }),
    );
  }
}
const trytonFront = workers.length
  ? await httpBalancer([tryton.url, ...workers.map((w) => w.url)], { healthPath: null })
  : undefined;
const proxy = await tcpProxy({
  host: '127.0.0.1',
  port: Number(new URL(trytonFront?.url ?? tryton.url).port),
});
const redis = redisServer(await freePort());
redis.start();
const env = {
  NODE_ENV: 'production',
  TRYTON_URL: proxy.url,
  TRYTON_DATABASE: tryton.database,
  TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
  REDIS_URL: redis.url,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // The balancer polls /healthz every 250 ms: drain a little longer than that.
  SHUTDOWN_DELAY_MS: '600',
  // Every virtual customer comes from 127.0.0.1: the per-IP quotas would be one client's.
  QUOTA_ANONYMOUS_BUCKET_SIZE: '100000',
  LOGIN_RATE_LIMIT_PER_IP: '100000',
};
const replicas = Array.from({ length: replicaCount }, () => replica(env));
await Promise.all(replicas.map((r) => r.start()));
const balancer = await httpBalancer(replicas.map((r) => r.url));
const { marie, jean, wholesaler } = tryton.customers;
const people = [marie, jean, wholesaler];
if (generated > 0) {
  const started = performance.now();
  const admin = new TrytonClient({ url: tryton.url, database: tryton.database });
  await admin.login(tryton.admin.login, tryton.admin.password);
  people.push(...(await seedLoadCustomers(admin, { count: generated, ordersEach })));
  await admin.close();
  log(
    `${generated} accounts with ${ordersEach} orders each in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
const accounts = [];
for (const account of people) {
  const cookie = process.env.SIGN_IN === 'once' ? await signIn(balancer.url, account) : undefined;
  accounts.push({ ...account, ...(cookie ? { cookie } : {}) });
}
const tokens = [
  await createToken(balancer.url, wholesaler, 'load'),
  await createToken(balancer.url, marie, 'load'),
];

const samples = [];
let callsBefore = 0;
for (const r of replicas) callsBefore += (await scrape(r.url)).trytonCalls;
const sampler = setInterval(async () => {
  const at = Date.now();
  for (const [i, r] of replicas.entries()) {
    const sample = await scrape(r.url).catch(() => undefined);
    if (sample) samples.push({ at, replica: i, ...sample });
  }
}, 5000);

const start = Date.now();
const events = [];
const fault = (async () => {
  const at = (s) => sleep(start + s * 1000 - Date.now());
  if (name === 'tryton-down') {
    await at(10);
    proxy.setDown(true);
    events.push({ t: 10, what: 'Tryton down' });
    await at(20);
    proxy.setDown(false);
    events.push({ t: 20, what: 'Tryton back' });
  } else if (name === 'tryton-slow') {
    await at(10);
    proxy.setDelay(2000);
    events.push({ t: 10, what: 'Tryton 2 s per call' });
    await at(30);
    proxy.setDelay(0);
    events.push({ t: 30, what: 'Tryton fast again' });
  } else if (name === 'redis-down') {
    await at(10);
    await redis.stop();
    events.push({ t: 10, what: 'Redis killed' });
    await at(20);
    redis.start();
    events.push({ t: 20, what: 'Redis started again' });
  } else if (name === 'rolling') {
    await at(10);
    const stopped = await replicas[0].stop();
    events.push({
      t: 10,
      what: `replica 0 SIGTERM: exited ${stopped.code} in ${stopped.seconds.toFixed(1)} s`,
    });
    await replicas[0].start();
    events.push({ t: Math.round((Date.now() - start) / 1000), what: 'replica 0 back' });
  }
})();
const records = await runLoad({
  url: balancer.url,
  accounts,
  tokens,
  customers,
  apiClients,
  durationMs: seconds * 1000,
  rampMs: Math.min(10_000, seconds * 200),
  thinkMs,
});
await fault;
clearInterval(sampler);
let callsAfter = 0;
for (const r of replicas)
  callsAfter += (await scrape(r.url).catch(() => ({ trytonCalls: 0 }))).trytonCalls;

const summary = summarize(records, seconds);
const byWindow = [];
for (let t = 0; t < seconds; t += 5) {
  const window = records.filter(
    (r) => r.at - r.ms >= start + t * 1000 && r.at - r.ms < start + (t + 5) * 1000,
  );
  const failures = window.filter((r) => r.status !== 200 || r.code);
  const failed = failures.length;
  // Which failures, by status and code: a window's 429s (deliberate) apart from its 503s.
  const errors = {};
  for (const r of failures) {
    const key = outcomeKey(r);
    errors[key] = (errors[key] ?? 0) + 1;
  }
  const ms = window.map((r) => r.ms).sort((a, b) => a - b);
  byWindow.push({
    t,
    requests: window.length,
    failed,
    ...(failed ? { errors } : {}),
    p50: Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
    max: Math.round(ms.at(-1) ?? 0),
  });
}
const memory = samples.map((s) => ({
  t: Math.round((s.at - start) / 1000),
  replica: s.replica,
  rssMb: Math.round(s.rssMb),
  heapMb: Math.round(s.heapMb),
  fds: s.fds,
}));
console.log(
  JSON.stringify(
    {
      scenario: name,
      customers,
      apiClients,
      seconds,
      replicas: replicaCount,
      trytonWorkers: workerCount,
      accounts: people.length,
      ...summary,
      trytonCallsPerRequest: Math.round(((callsAfter - callsBefore) / records.length) * 100) / 100,
      balancerSaw: balancer.statuses(),
      events,
      byWindow,
      memory,
    },
    null,
    1,
  ),
);
await balancer.close();
await Promise.all(replicas.map((r) => r.stop()));
await proxy.close();
await trytonFront?.close();
await redis.stop();
await Promise.all(workers.map((w) => w.stop()));
await tryton.stop();
process.exit(0);
