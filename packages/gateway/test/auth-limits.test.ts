import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, startStack, type TestStack } from './support/stack.js';

const LOGIN = 'model.portal.gateway.login';
const RESET = 'model.portal.gateway.reset_password';
const RESET_REQUEST = 'model.portal.gateway.request_password_reset';
const VALIDATE = 'model.portal.gateway.validate_email';

/**
 * The gateway's limits on the anonymous auth mutations, against the real Tryton: only failures
 * count, a reached limit is answered without asking Tryton, IPv6 clients are limited by /64,
 * reset requests have counters of their own. The client IP comes from X-Forwarded-For (one
 * trusted proxy, as behind traefik).
 */
describe('limits of the anonymous auth mutations', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      TRUST_PROXY_HOPS: '1',
      LOGIN_RATE_LIMIT_PER_IP: '5',
      LOGIN_RATE_LIMIT_PER_EMAIL: '3',
      PASSWORD_RESET_LIMIT_PER_IP: '5',
      PASSWORD_RESET_LIMIT_PER_EMAIL: '2',
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const from = (ip: string) => stack.session({ 'x-forwarded-for': ip });
  const calls = (method: string) => stack.calls.filter((call) => call.method === method).length;
  const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

  it('lets 100 successful sign-ins through from one IP (an office behind one NAT)', async () => {
    const { marie } = stack.tryton.customers;
    for (let i = 0; i < 100; i++) {
      const browser = from('198.51.100.10');
      const result = await browser.login(marie.email, marie.password);
      expect(result.errors).toBeUndefined();
      await browser.query('mutation { logout }');
    }
  });

  it('stops asking Tryton once an e-mail has had its failures', async () => {
    const { wholesaler } = stack.tryton.customers;
    for (let i = 0; i < 3; i++) {
      expect(code(await from(`198.51.100.${20 + i}`).login(wholesaler.email, `wrong-${i}`))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const before = calls(LOGIN);
    const refused = await from('198.51.100.30').login(wholesaler.email, 'wrong-again');
    expect(code(refused)).toBe('THROTTLED');
    expect(refused.status).toBe(429);
    // The right password too: the limit holds before Tryton is asked at all.
    expect(code(await from('198.51.100.31').login(wholesaler.email, wholesaler.password))).toBe(
      'THROTTLED',
    );
    expect(calls(LOGIN)).toBe(before);
  });

  it('limits the failures of one IPv6 /64 together, whatever the addresses', async () => {
    for (let i = 1; i <= 5; i++) {
      const result = await from(`2001:db8:5:6::${i}`).login(`nobody${i}@example.fr`, 'wrong');
      expect(code(result)).toBe('INVALID_CREDENTIALS');
    }
    const before = calls(LOGIN);
    const rotated = await from('2001:db8:5:6:ffff:1:2:3').login('nobody9@example.fr', 'wrong');
    expect(code(rotated)).toBe('THROTTLED');
    expect(calls(LOGIN)).toBe(before);
    // The next /64 is another client.
    expect(code(await from('2001:db8:5:7::1').login('nobody9@example.fr', 'wrong'))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('counts reset requests apart: they never lock the sign-in', async () => {
    const { jean } = stack.tryton.customers;
    const ask = (ip: string) =>
      from(ip).query('mutation ($e: String!) { requestPasswordReset(email: $e) }', {
        e: jean.email,
      });
    expect((await ask('198.51.100.40')).data).toEqual({ requestPasswordReset: true });
    expect((await ask('198.51.100.41')).data).toEqual({ requestPasswordReset: true });
    const before = calls(RESET_REQUEST);
    expect(code(await ask('198.51.100.42'))).toBe('THROTTLED');
    expect(calls(RESET_REQUEST)).toBe(before);
    // Same e-mail, same IP: the sign-in still works.
    expect((await from('198.51.100.41').login(jean.email, jean.password)).errors).toBeUndefined();
  });

  it('limits wrong reset tokens and validation tokens without asking Tryton past the limit', async () => {
    const { marie } = stack.tryton.customers;
    const reset = (ip: string) =>
      from(ip).query(
        'mutation ($e: String!, $t: String!) { resetPassword(email: $e, token: $t, password: "Nouveau-Pass-2026!") { otherSessionsEnded } }',
        { e: marie.email, t: 'f'.repeat(32) },
      );
    for (let i = 0; i < 3; i++)
      expect(code(await reset(`198.51.100.${50 + i}`))).toBe('INVALID_TOKEN');
    const resets = calls(RESET);
    expect(code(await reset('198.51.100.59'))).toBe('THROTTLED');
    expect(calls(RESET)).toBe(resets);

    const validate = () =>
      from('198.51.100.60').query('mutation { validateEmail(token: "0123456789abcdef") }');
    for (let i = 0; i < 5; i++) expect(code(await validate())).toBe('INVALID_TOKEN');
    const validations = calls(VALIDATE);
    expect(code(await validate())).toBe('THROTTLED');
    expect(calls(VALIDATE)).toBe(validations);
  });
});
