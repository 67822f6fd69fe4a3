// Benchmark against a real Tryton (Debian's trytond over the cached portal database, started by
// devstack), in one run:
//   (a) the client's added cost per call: the same small read, one at a time, through the client
//       and as a bare undici keep-alive POST of the same JSON body with the same kind of session
//       header, interleaved call by call so both see the same server state. Measured directly
//       against trytond, behind a keep-alive front, and against an instant stub replaying
//       Tryton's answer (the client's own cost, without Tryton's);
//   (b) calls per second for that read with 1, 8 and 32 concurrent callers;
//   (c) TCP connections the client opens in each row of (b), counted by a pass-through proxy.
// `pnpm --filter @portal/tryton-client bench` builds the client first. CALLS, OVERHEAD_CALLS
// and STUB_CALLS change the number of calls.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { Pool } from 'undici';
import { databaseTemplate, startTryton } from '../../devstack/dist/index.js';
import { TrytonClient } from '../dist/index.js';
import { startCountingProxy } from './counting-proxy.mjs';
import { startKeepAliveFront } from './keep-alive-front.mjs';

const CALLS = Number(process.env.CALLS ?? 400);
const OVERHEAD_CALLS = Number(process.env.OVERHEAD_CALLS ?? 1000);
const STUB_CALLS = Number(process.env.STUB_CALLS ?? 5000);
const POOL_SIZE = 8;
const CALLERS = [1, 8, 32];
const FIELDS = ['name', 'login'];

const byValue = (a, b) => a - b;
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

async function timed(call) {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** A bare JSON-RPC poster over one undici keep-alive connection: the baseline. */
function barePoster(url, database) {
  const pool = new Pool(url, { connections: 1, keepAliveTimeout: 30_000 });
  let id = 1;
  const post = async (method, params, headers = {}) => {
    const response = await pool.request({
      method: 'POST',
      path: `/${database}/`,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id: id++, method, params }),
    });
    const answer = JSON.parse(await response.body.text());
    if (response.statusCode !== 200 || answer.error) throw new Error(`bare ${method} failed`);
    return answer.result;
  };
  return { post, close: () => pool.close() };
}

/** (a) The same read through the client and the bare poster, alternating ABBA. */
async function overhead(url, database, password, userId, calls) {
  const client = new TrytonClient({ url, database });
  await client.login('admin', password);
  const bare = barePoster(url, database);
  // Its own session, sent the same way: `Authorization: Session base64(login:id:key)`.
  const [bareUser, key] = await bare.post('common.db.login', ['admin', { password }, 'en']);
  const authorization = `Session ${Buffer.from(`admin:${bareUser}:${key}`).toString('base64')}`;
  const context = client.preferences;
  const sides = {
    client: () => client.model('res.user').read([userId], FIELDS),
    bare: () => bare.post('model.res.user.read', [[userId], FIELDS, context], { authorization }),
  };
  for (let i = 0; i < Math.min(200, calls / 5); i++) {
    await sides.bare();
    await sides.client();
  }
  const times = { client: [], bare: [] };
  for (let i = 0; i < calls; i++) {
    const order = i % 2 === 0 ? ['client', 'bare'] : ['bare', 'client'];
    for (const side of order) times[side].push(await timed(sides[side]));
  }
  await client.close();
  await bare.close();
  const [c, b] = [times.client.sort(byValue), times.bare.sort(byValue)];
  return {
    bareMedian: percentile(b, 50),
    clientMedian: percentile(c, 50),
    bareMean: mean(b),
    clientMean: mean(c),
  };
}

/** Answers instantly with what Tryton answered, so only the two clients' own costs remain. */
async function startStub(answers) {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const { id, method } = JSON.parse(text);
      const result = answers[method] ?? answers.read;
      const body = JSON.stringify({ id, result });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** (b) and (c): `callers` loops sharing CALLS reads, through the counting proxy. */
async function throughput(url, database, password, userId, callers) {
  const proxy = await startCountingProxy(url);
  const client = new TrytonClient({ url: proxy.url, database, maxInFlight: POOL_SIZE });
  await client.login('admin', password);
  const read = () => client.model('res.user').read([userId], FIELDS);
  for (let i = 0; i < 20; i++) await read();
  const durations = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < CALLS) {
        next++;
        durations.push(await timed(read));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  await proxy.close();
  durations.sort(byValue);
  return {
    callers,
    perSecond: CALLS / seconds,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    opened: proxy.opened,
    peak: proxy.peak,
  };
}

const ms = (value) => value.toFixed(2);
const us = (value) => (value * 1000).toFixed(0);
const pct = (ours, base) => `${(((ours - base) / base) * 100).toFixed(1)} %`;

function printOverhead(label, a, unit = ms, suffix = 'ms') {
  const added = a.clientMedian - a.bareMedian;
  console.log(
    `| ${label} | ${unit(a.bareMedian)} | ${unit(a.clientMedian)} | ${unit(added)} ${suffix} (${pct(a.clientMedian, a.bareMedian)}) | ${unit(a.bareMean)} / ${unit(a.clientMean)} (${pct(a.clientMean, a.bareMean)}) |`,
  );
}

const tryton = await startTryton({ template: await databaseTemplate() });
const front = await startKeepAliveFront(tryton.url);
try {
  const { database, adminPassword: password } = tryton;
  const probe = new TrytonClient({ url: tryton.url, database });
  await probe.login('admin', password);
  const version = await probe.serverVersion();
  const userId = probe.session.userId;
  const answers = {
    'common.db.login': [userId, 'k'.repeat(40)],
    'model.res.user.get_preferences': probe.preferences,
    read: JSON.parse(
      JSON.stringify(await probe.model('res.user').read([userId], FIELDS)), // Tryton's answer
    ),
  };
  await probe.close();

  const direct = await overhead(tryton.url, database, password, userId, OVERHEAD_CALLS);
  const fronted = await overhead(front.url, database, password, userId, OVERHEAD_CALLS);
  const stub = await startStub(answers);
  const own = await overhead(stub.url, database, password, userId, STUB_CALLS);
  await stub.close();
  const rows = [];
  for (const [path, url] of [
    ['trytond directly', tryton.url],
    ['behind a keep-alive front', front.url],
  ]) {
    for (const callers of CALLERS) {
      rows.push({ path, ...(await throughput(url, database, password, userId, callers)) });
    }
  }

  const debian = readFileSync('/etc/debian_version', 'utf8').trim();
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), Debian ${debian}, Node ${process.version}, ` +
      `trytond ${version} on SQLite, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    `(a) res.user read of 2 fields, one call at a time, interleaved with a bare undici POST\n`,
  );
  console.log(
    '| against | bare POST median | client median | client adds (median) | means bare / client |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  printOverhead(`trytond directly, ${OVERHEAD_CALLS} calls each (ms)`, direct);
  printOverhead(`keep-alive front, ${OVERHEAD_CALLS} calls each (ms)`, fronted);
  printOverhead(`instant stub, ${STUB_CALLS} calls each (µs)`, own, us, 'µs');
  console.log(
    `\n(b, c) the same read, ${CALLS} calls per row, maxInFlight (pool size) ${POOL_SIZE}\n`,
  );
  console.log(
    '| client to | concurrent callers | calls/s | p50 ms | p95 ms | TCP connections opened | most open at once |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.path} | ${row.callers} | ${Math.round(row.perSecond)} | ${ms(row.p50)} | ${ms(row.p95)} | ${row.opened} | ${row.peak} |`,
    );
  }
  // Behind a keep-alive front the client must stay within its pool. Directly, trytond 6.0
  // closes every connection (Werkzeug answers `Connection: close`), so one per call is opened.
  const leaky = rows.filter(
    (row) => row.path !== 'trytond directly' && Math.max(row.opened, row.peak) > POOL_SIZE,
  );
  if (leaky.length > 0) {
    console.error(`\nFAIL: more connections than the pool size ${POOL_SIZE}`);
    process.exitCode = 1;
  }
} finally {
  await front.close();
  await tryton.stop();
}
