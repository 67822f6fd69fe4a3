import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors.js';
import { AuthLimiter, type AuthLimits } from './auth-limiter.js';

const LIMITS: AuthLimits = {
  login: { perIp: 5, perEmail: 3 },
  passwordResetRequest: { perIp: 5, perEmail: 2 },
  passwordReset: { perIp: 5, perEmail: 3 },
  emailValidation: { perIp: 5 },
};

/** A limiter in memory, and an attempt that counts how often it reached "Tryton". */
function setup() {
  const limiter = new AuthLimiter({ limits: LIMITS, windowSeconds: 900 });
  const tryton = { calls: 0 };
  const attempt =
    (action: keyof AuthLimits, ok: boolean, ip = '203.0.113.1', email?: string) =>
    async () =>
      await limiter.guard(
        action,
        { ip, email },
        async () => {
          tryton.calls++;
          return ok;
        },
        (succeeded) => !succeeded,
      );
  return { limiter, tryton, attempt };
}

async function refusal(promise: Promise<unknown>): Promise<GatewayError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
}

describe('AuthLimiter', () => {
  it('lets successes through without counting them', async () => {
    const { tryton, attempt } = setup();
    for (let i = 0; i < 100; i++) await attempt('login', true, '203.0.113.1', 'a@example.fr')();
    expect(tryton.calls).toBe(100);
  });

  it('stops asking once the failures reach a limit, with the seconds to wait', async () => {
    const { tryton, attempt } = setup();
    for (let i = 0; i < 3; i++) await attempt('login', false, '203.0.113.1', 'a@example.fr')();
    const refused = await refusal(attempt('login', false, '203.0.113.2', 'A@example.fr ')());
    expect(refused?.code).toBe('THROTTLED');
    // The window restarts at the last failure: the whole window is left to wait.
    expect(refused?.extensions.retryAfter).toBeGreaterThan(890);
    expect(tryton.calls).toBe(3);
    // Another e-mail from the same network still may (its failures are under 5).
    await attempt('login', true, '203.0.113.1', 'b@example.fr')();
    expect(tryton.calls).toBe(4);
  });

  it('counts a burst of concurrent attempts before any answer comes back', async () => {
    const { tryton, attempt } = setup();
    const burst = await Promise.allSettled(
      Array.from({ length: 10 }, () => attempt('login', false, '203.0.113.1', 'a@example.fr')()),
    );
    expect(burst.filter((r) => r.status === 'rejected')).toHaveLength(7);
    expect(tryton.calls).toBe(3);
  });

  it('limits the addresses of one IPv6 /64 together', async () => {
    const { tryton, attempt } = setup();
    for (let i = 1; i <= 5; i++) await attempt('emailValidation', false, `2001:db8:1:2::${i}`)();
    const refused = await refusal(attempt('emailValidation', false, '2001:db8:1:2:ffff::9')());
    expect(refused?.code).toBe('THROTTLED');
    await attempt('emailValidation', false, '2001:db8:1:3::1')();
    expect(tryton.calls).toBe(6);
  });

  it('counts every reset request, in counters apart from the login ones', async () => {
    const { tryton, attempt } = setup();
    await attempt('passwordResetRequest', true, '203.0.113.1', 'a@example.fr')();
    await attempt('passwordResetRequest', true, '203.0.113.1', 'a@example.fr')();
    const refused = await refusal(
      attempt('passwordResetRequest', true, '203.0.113.1', 'a@example.fr')(),
    );
    expect(refused?.code).toBe('THROTTLED');
    await attempt('login', true, '203.0.113.1', 'a@example.fr')();
    expect(tryton.calls).toBe(3);
  });

  it('counts an attempt that threw as a failure', async () => {
    const { limiter } = setup();
    const boom = () =>
      limiter.guard('login', { ip: '203.0.113.1', email: 'a@example.fr' }, async () => {
        throw new Error('Tryton timed out');
      });
    for (let i = 0; i < 3; i++) await expect(boom()).rejects.toThrow('Tryton timed out');
    expect((await refusal(boom()))?.code).toBe('THROTTLED');
  });

  it('gives the attempt back when Tryton did not answer (TRYTON_UNAVAILABLE)', async () => {
    const { limiter, tryton, attempt } = setup();
    const down = () =>
      limiter.guard('login', { ip: '203.0.113.1', email: 'a@example.fr' }, async () => {
        throw new GatewayError('TRYTON_UNAVAILABLE', 'The ERP is unavailable.');
      });
    for (let i = 0; i < 5; i++) {
      expect((await refusal(down()))?.code).toBe('TRYTON_UNAVAILABLE');
    }
    // Back up: the customer's wrong guesses count from zero, not from the outage's retries.
    for (let i = 0; i < 3; i++) await attempt('login', false, '203.0.113.1', 'a@example.fr')();
    expect(tryton.calls).toBe(3);
    expect((await refusal(attempt('login', false, '203.0.113.1', 'a@example.fr')()))?.code).toBe(
      'THROTTLED',
    );
  });

  it('forgives an e-mail its failures after a successful sign-in', async () => {
    const { limiter, tryton, attempt } = setup();
    for (let i = 0; i < 3; i++) await attempt('login', false, '203.0.113.1', 'a@example.fr')();
    await limiter.forgive('login', 'a@example.fr');
    await attempt('login', false, '203.0.113.1', 'a@example.fr')();
    expect(tryton.calls).toBe(4);
  });
});
