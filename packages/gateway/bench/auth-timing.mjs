// Does an answer tell whether an e-mail has an account? Times, against a real gateway and
// Tryton on loopback, the answers for a known and an unknown e-mail (median of 20 each,
// interleaved):
//   login                 with a wrong password: Tryton checks a hash either way (portal_api
//                         checks a dummy one for an unknown e-mail);
//   requestPasswordReset  answered before Tryton looks the address up and sends the mail.
// Each wrong login of the known e-mail is followed by a right one, which clears Tryton's and the
// gateway's failure counters: every timed attempt starts from zero failures (no Tryton sleep).
//   pnpm --filter @portal/gateway build && node packages/gateway/bench/auth-timing.mjs
import { performance } from 'node:perf_hooks';
import { startDemoTryton } from '../../demo-data/dist/index.js';
import { loadConfig, startGateway } from '../dist/index.js';

const ROUNDS = 20;
const RESET_REQUEST = 'model.portal.gateway.request_password_reset';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function post(url, query, variables) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return { ms: performance.now() - started, body };
}

const LOGIN =
  'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name } } }';
const ASK = 'mutation ($e: String!) { requestPasswordReset(email: $e) }';

const tryton = await startDemoTryton();
let resetCalls = 0;
const gateway = await startGateway(
  loadConfig({
    PORT: '0',
    TRYTON_URL: tryton.url,
    TRYTON_DATABASE: tryton.database,
    TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    PASSWORD_RESET_LIMIT_PER_IP: '100000',
    PASSWORD_RESET_LIMIT_PER_EMAIL: '100000',
    QUOTA_ANONYMOUS_BUCKET_SIZE: '100000000',
    QUOTA_BUCKET_SIZE: '100000000',
    LOG_LEVEL: 'silent',
  }),
  {
    onTrytonCall: (event) => {
      if (event.method === RESET_REQUEST) resetCalls++;
    },
  },
);
try {
  const { marie } = tryton.customers;
  const times = { loginKnown: [], loginUnknown: [], resetKnown: [], resetUnknown: [] };
  // One untimed round first: the first calls load Tryton's caches.
  for (let round = -1; round < ROUNDS; round++) {
    const timed = round >= 0;
    const known = await post(gateway.url, LOGIN, { e: marie.email, p: 'Wrong-Password-1' });
    const unknown = await post(gateway.url, LOGIN, {
      e: `nobody-${round + 1}@example.fr`,
      p: 'Wrong-Password-1',
    });
    for (const { body } of [known, unknown]) {
      if (body.errors?.[0]?.extensions?.code !== 'INVALID_CREDENTIALS')
        throw new Error(`unexpected answer: ${JSON.stringify(body)}`);
    }
    const right = await post(gateway.url, LOGIN, { e: marie.email, p: marie.password });
    if (right.body.errors) throw new Error(`sign-in failed: ${JSON.stringify(right.body)}`);
    for (const [key, email] of [
      ['resetKnown', marie.email],
      ['resetUnknown', `nobody-${round + 1}@example.fr`],
    ]) {
      const before = resetCalls;
      const { ms, body } = await post(gateway.url, ASK, { e: email });
      if (!body.data?.requestPasswordReset) throw new Error(`reset: ${JSON.stringify(body)}`);
      if (timed) times[key].push(ms);
      // The mail is sent after the answer: wait for it, so that requests never pile up.
      while (resetCalls === before) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (timed) {
      times.loginKnown.push(known.ms);
      times.loginUnknown.push(unknown.ms);
    }
  }
  const row = (what, known, unknown) => {
    const [k, u] = [median(known), median(unknown)];
    const gap = (Math.abs(k - u) / Math.max(k, u)) * 100;
    return `| ${what} | ${k.toFixed(1)} | ${u.toFixed(1)} | ${gap.toFixed(1)} % |`;
  };
  console.log(`Tryton ${tryton.url}, ${ROUNDS} rounds, medians in ms`);
  console.log('| answer | known e-mail | unknown e-mail | difference |');
  console.log('| --- | --- | --- | --- |');
  console.log(row('login, wrong password', times.loginKnown, times.loginUnknown));
  console.log(row('requestPasswordReset', times.resetKnown, times.resetUnknown));
} finally {
  await gateway.stop();
  await tryton.stop();
}
