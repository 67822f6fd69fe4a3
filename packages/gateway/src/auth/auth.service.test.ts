import { describe, expect, it } from 'vitest';
import type { CredentialCache } from '../cache/credential-cache.js';
import { GatewayError } from '../errors.js';
import type { PortalGateway } from '../tryton/portal-gateway.js';
import { AuthService, type Viewer } from './auth.service.js';
import { AuthLimiter, type AuthLimits } from './auth-limiter.js';
import { SCOPES } from './permissions.js';

const LIMITS: AuthLimits = {
  login: { perIp: 100, perEmail: 5 },
  passwordResetRequest: { perIp: 100, perEmail: 100 },
  passwordReset: { perIp: 100, perEmail: 3 },
  emailValidation: { perIp: 100 },
};

const viewer: Viewer = {
  customer: {
    webUserId: 7,
    email: 'marie@example.fr',
    emailValidated: true,
    partyId: 3,
    partyName: 'Marie',
    parties: [3],
    language: 'fr',
    role: 'administrator',
    scopes: [...SCOPES],
  },
  credential: { kind: 'session', key: 'a'.repeat(64) },
};

/** The service over a fake module: unit tests of what the gateway does with its answers. */
function setup(module: Partial<PortalGateway>) {
  const revoked: number[] = [];
  const errors: unknown[] = [];
  const credentials = { revoke: async (id: number) => void revoked.push(id) };
  const service = new AuthService(
    module as PortalGateway,
    new AuthLimiter({ limits: LIMITS, windowSeconds: 900 }),
    credentials as unknown as CredentialCache,
    { onBackgroundError: (error) => errors.push(error), maxBackground: 2 },
  );
  return { service, revoked, errors };
}

describe('AuthService', () => {
  it('answers a reset request before Tryton has, and reports a later failure', async () => {
    const pending: ((error?: Error) => void)[] = [];
    const { service, errors } = setup({
      requestPasswordReset: () =>
        new Promise((resolve, reject) => {
          pending.push((error) => (error ? reject(error) : resolve(null)));
        }),
    });
    await service.requestPasswordReset('a@example.fr', 'fr', '203.0.113.1');
    await service.requestPasswordReset('b@example.fr', 'fr', '203.0.113.1');
    expect(pending).toHaveLength(2);
    // Two still running: a third is refused rather than piled up.
    await expect(
      service.requestPasswordReset('c@example.fr', 'fr', '203.0.113.1'),
    ).rejects.toMatchObject({ code: 'THROTTLED' });
    pending[0]?.(new GatewayError('TRYTON_UNAVAILABLE', 'down'));
    pending[1]?.();
    await service.settled();
    expect(errors).toHaveLength(1);
    await service.requestPasswordReset('c@example.fr', 'fr', '203.0.113.1');
    expect(pending).toHaveLength(3);
  });

  it('reads a password change of an older module as nothing ended, and revokes the viewer', async () => {
    const { service, revoked } = setup({ changePassword: async () => ({ status: 'ok' }) });
    expect(await service.changePassword(viewer, 'old', 'new', false, '203.0.113.1')).toEqual({
      otherSessionsEnded: 0,
      apiTokensRevoked: 0,
      apiTokensKept: 0,
    });
    expect(revoked).toEqual([7]);
  });

  it('revokes the web user a reset names, with the counts the module gives', async () => {
    const { service, revoked } = setup({
      resetPassword: async () => ({
        status: 'ok',
        web_user: 9,
        sessions_ended: 2,
        tokens_revoked: 1,
        tokens_kept: 0,
      }),
    });
    const change = await service.resetPassword('a@example.fr', 'tok', 'new', true, '203.0.113.1');
    expect(change).toEqual({ otherSessionsEnded: 2, apiTokensRevoked: 1, apiTokensKept: 0 });
    expect(revoked).toEqual([9]);
  });

  it('maps the module’s token cap to TOO_MANY_API_TOKENS with its limit', async () => {
    const { service } = setup({
      createApiToken: async () => ({ status: 'too_many_tokens', limit: 20 }),
    });
    await expect(service.createApiToken(viewer, 'one more')).rejects.toMatchObject({
      code: 'TOO_MANY_API_TOKENS',
      extensions: { code: 'TOO_MANY_API_TOKENS', limit: 20 },
    });
  });
});
