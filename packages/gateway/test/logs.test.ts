import { Writable } from 'node:stream';
import { type DemoTryton, startDemoTryton } from '@portal/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningGateway, startGateway } from '../src/server.js';
import { GraphQLSession } from './support/stack.js';

/**
 * Every line the gateway logs (its own pino logger, at trace level) while customers sign in,
 * fail to, reset passwords, validate e-mails, mint and use API tokens, and Tryton fails: no
 * password, session key, API token or reset/validation token may be among them.
 */
describe('the gateway log', () => {
  let tryton: DemoTryton;
  let gateway: RunningGateway;
  const lines: string[] = [];

  beforeAll(async () => {
    tryton = await startDemoTryton();
    gateway = await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        TRYTON_URL: tryton.url,
        TRYTON_DATABASE: tryton.database,
        TRYTON_GATEWAY_LOGIN: tryton.gateway.login,
        TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
        LOG_LEVEL: 'trace',
        QUOTA_BUCKET_SIZE: '1000000',
        QUOTA_ANONYMOUS_BUCKET_SIZE: '1000000',
      }),
      {
        logDestination: new Writable({
          write(chunk, _encoding, done) {
            lines.push(...String(chunk).split('\n').filter(Boolean));
            done();
          },
        }),
      },
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await tryton?.stop();
  });

  it('holds no secret, whatever the customers and Tryton do', async () => {
    const { email, password } = tryton.customers.marie;
    const secrets: Record<string, string> = {
      password,
      'technical password': tryton.gateway.password,
      'wrong password': 'Not-Her-Password-2026!',
      'new password': 'A-New-Password-2026!',
      'reset token': 'reset0token0that0must0never0be0logged',
      'validation token': 'validation0token0that0must0never0be0logged',
      'made-up API token': `tpat_${'Z'.repeat(43)}`,
    };
    const browser = new GraphQLSession(gateway.url);
    const anonymous = new GraphQLSession(gateway.url);
    expect((await browser.login(email, secrets['wrong password'] as string)).errors).toBeTruthy();
    expect((await browser.login(email, password)).errors).toBeUndefined();
    secrets['session key'] = (browser.cookie ?? '').split('=')[1] as string;
    expect(secrets['session key']).toMatch(/^[0-9a-f]{16,}$/);
    await anonymous.query('mutation ($e: String!) { requestPasswordReset(email: $e) }', {
      e: email,
    });
    await anonymous.query(
      'mutation ($e: String!, $t: String!, $p: String!) { resetPassword(email: $e, token: $t, password: $p) { otherSessionsEnded } }',
      { e: email, t: secrets['reset token'], p: secrets['new password'] },
    );
    await anonymous.query('mutation ($t: String!) { validateEmail(token: $t) }', {
      t: secrets['validation token'],
    });
    // A secret sent with the wrong type: graphql-js would quote it in its message.
    await anonymous.query(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name } } }',
      { e: email, p: [password] },
    );
    const created = await browser.query<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "logs") { token } }',
    );
    secrets['API token'] = created.data?.createApiToken.token as string;
    expect(secrets['API token']).toMatch(/^tpat_/);
    const integration = new GraphQLSession(gateway.url, {
      authorization: `Bearer ${secrets['API token']}`,
    });
    expect((await integration.query('{ viewer { name } }')).status).toBe(200);
    const madeUp = new GraphQLSession(gateway.url, {
      authorization: `Bearer ${secrets['made-up API token']}`,
    });
    expect((await madeUp.query('{ viewer { name } }')).status).toBe(401);
    expect(
      (await fetch(`${gateway.url}/downloads/invoices/x.pdf?token=${secrets['reset token']}`))
        .status,
    ).toBe(401);
    await tryton.stop();
    const failing = await integration.query('{ viewer { orders(first: 1) { totalCount } } }');
    expect(failing.status).toBe(503);
    await browser.query('mutation { logout }');

    // The capture works: one line per operation, the failures among them.
    const graphql = lines.filter((line) => line.includes('"msg":"graphql"'));
    expect(graphql.length).toBeGreaterThanOrEqual(9);
    expect(lines.join('\n')).toMatch(/INVALID_CREDENTIALS/);
    expect(lines.join('\n')).toMatch(/TRYTON_UNAVAILABLE/);
    for (const [what, secret] of Object.entries(secrets)) {
      const leaks = lines.filter((line) => line.includes(secret));
      expect(leaks, `${what} in the log`).toEqual([]);
    }
  });
});
