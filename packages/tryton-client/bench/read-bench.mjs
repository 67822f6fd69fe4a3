// Benchmark: this client against a naive baseline, side by side in one run, on the same real
// Tryton (Debian's trytond over the cached portal database, started by devstack).
//   pnpm --filter @portal/tryton-client build && pnpm --filter @portal/tryton-client bench
// Each side makes CALLS `search_read` calls (20 rows of ir.model with 4 fields), CONCURRENCY
// at a time. The baseline is what a hand-written client does: one `fetch` per call with its
// own connection (no keep-alive pool, no in-flight cap), JSON without the codec.
import { databaseTemplate, startTryton } from '../../devstack/dist/index.js';
import { TrytonClient } from '../dist/index.js';

const CALLS = Number(process.env.CALLS ?? 400);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name, call) {
  const durations = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        next++;
        const t = performance.now();
        await call();
        durations.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    name,
    'calls/s': Math.round(CALLS / seconds),
    'p50 ms': percentile(durations, 50).toFixed(1),
    'p95 ms': percentile(durations, 95).toFixed(1),
  };
}

const tryton = await startTryton({ template: await databaseTemplate() });
try {
  const client = new TrytonClient({
    url: tryton.url,
    database: tryton.database,
    maxInFlight: CONCURRENCY,
  });
  await client.login('admin', tryton.adminPassword);
  const fields = ['model', 'name', 'module', 'info'];
  const params = [[], 0, 20, null, fields];
  const ours = () => client.model('ir.model').searchRead([], fields, { limit: 20 });

  // The baseline logs in the same way, then posts each call on a fresh connection.
  const login = await fetch(`${tryton.url}/${tryton.database}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 0,
      method: 'common.db.login',
      params: ['admin', { password: tryton.adminPassword }, 'en'],
    }),
  }).then((r) => r.json());
  const [userId, key] = login.result;
  const auth = `Session ${Buffer.from(`admin:${userId}:${key}`).toString('base64')}`;
  const naive = async () => {
    const response = await fetch(`${tryton.url}/${tryton.database}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth, connection: 'close' },
      body: JSON.stringify({
        id: 1,
        method: 'model.ir.model.search_read',
        params: [...params, {}],
      }),
    });
    return await response.json();
  };

  await ours();
  await naive();
  const rows = [];
  // Alternate to share the machine's state fairly; report the second round of each.
  for (let round = 0; round < 2; round++) {
    const a = await measure('@portal/tryton-client (pool, cap)', ours);
    const b = await measure('naive fetch per call', naive);
    if (round === 1) rows.push(a, b);
  }
  console.log(
    `${CALLS} search_read calls, ${CONCURRENCY} at a time, trytond ${await client.serverVersion()}`,
  );
  console.table(rows);
  await client.close();
} finally {
  await tryton.stop();
}
