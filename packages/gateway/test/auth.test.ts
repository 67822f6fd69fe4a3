import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLinkParams } from './support/mail-links.js';
import { startStack, type TestStack } from './support/stack.js';

const VIEWER = '{ viewer { name email } }';

describe('authentication', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ LOGIN_RATE_LIMIT_PER_EMAIL: '3' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('signs in with an HttpOnly SameSite=Lax cookie, and signs out', async () => {
    const { marie } = stack.tryton.customers;
    const browser = stack.session();
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name email } } }',
        variables: { e: marie.email, p: marie.password },
      }),
    });
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^portal_session=[0-9a-f]{64};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    browser.cookie = cookie.split(';')[0];
    expect((await browser.query(VIEWER)).data).toEqual({
      viewer: { name: marie.partyName, email: marie.email },
    });

    const logout = await browser.query('mutation { logout }');
    expect(logout.data).toEqual({ logout: true });
    expect(browser.cookie).toBeUndefined();
    // The old key is dead in Tryton too, not only forgotten by the browser.
    const replay = stack.session();
    replay.cookie = cookie.split(';')[0];
    expect((await replay.query(VIEWER)).data).toEqual({ viewer: null });
  });

  it('gives the same error for a wrong password and an unknown e-mail', async () => {
    const wrong = await stack
      .session()
      .login(stack.tryton.customers.jean.email, 'not-the-password');
    const unknown = await stack.session().login('nobody@example.fr', 'not-the-password');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(JSON.stringify(wrong)).not.toMatch(/portal_gateway|Traceback|password_hash/);
  });

  it('throttles repeated attempts on one e-mail with 429 and Retry-After', async () => {
    const email = stack.tryton.customers.wholesaler.email;
    let last = await stack.session().login(email, 'wrong-1');
    for (let i = 0; i < 3; i++) last = await stack.session().login(email, `wrong-${i + 2}`);
    expect(last.status).toBe(429);
    expect(last.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    expect(last.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('does not repeat a password sent with the wrong type', async () => {
    const result = await stack
      .session()
      .query(
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name } } }',
        {
          e: 'marie.dupont@example.fr',
          p: ['Hunter2-secret'],
        },
      );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toContain('Hunter2');
  });

  it('ignores a forged session cookie and clears it', async () => {
    const browser = stack.session();
    browser.cookie = `portal_session=${'a'.repeat(64)}`;
    const result = await browser.query(VIEWER);
    expect(result.data).toEqual({ viewer: null });
    expect(browser.cookie).toBeUndefined();
  });

  it('resets a password with the link of the e-mail Tryton sends', async () => {
    const { jean } = stack.tryton.customers;
    const anonymous = stack.session();
    const asked = await anonymous.query(
      'mutation ($e: String!) { requestPasswordReset(email: $e) }',
      { e: jean.email },
    );
    expect(asked.data).toEqual({ requestPasswordReset: true });
    const unknown = await anonymous.query(
      'mutation ($e: String!) { requestPasswordReset(email: $e) }',
      {
        e: 'ghost@example.fr',
      },
    );
    expect(unknown.data).toEqual({ requestPasswordReset: true });

    const mail = await stack.tryton.mailbox.waitFor(jean.email, { timeoutMs: 20_000 });
    const token = mailLinkParams(mail, 'reset-password').get('token');
    expect(token).toMatch(/^[0-9a-f]+$/);

    const reset =
      'mutation ($e: String!, $t: String!, $p: String!) { resetPassword(email: $e, token: $t, password: $p) { apiTokensKept } }';
    const weak = await anonymous.query(reset, { e: jean.email, t: token, p: 'aaaaaaaa' });
    expect(weak.errors?.[0]?.extensions?.code).toBe('INVALID_PASSWORD');
    // A refused password does not consume the token: the customer tries again.
    const done = await anonymous.query(reset, { e: jean.email, t: token, p: 'Nouveau-Pass-2026!' });
    expect(done.data).toEqual({ resetPassword: { apiTokensKept: 0 } });
    const again = await anonymous.query(reset, { e: jean.email, t: token, p: 'Autre-Pass-2026!' });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    expect((await stack.session().login(jean.email, 'Nouveau-Pass-2026!')).errors).toBeUndefined();
  });

  it('validates an e-mail address with the link of the e-mail Tryton sends', async () => {
    const { marie } = stack.tryton.customers;
    const admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
    const webUsers = admin.model<{ id: number; email_valid: boolean; email_token: string | null }>(
      'web.user',
    );
    // SQLite hands booleans back as 0/1.
    const emailValid = async (id: number) => {
      const [row] = await webUsers.read([id], ['email_valid', 'email_token']);
      return { valid: Boolean(row?.email_valid), token: row?.email_token };
    };
    const emailValidated = async () => {
      const browser = stack.session();
      await browser.login(marie.email, marie.password);
      const viewer = await browser.query<{ viewer: { emailValidated: boolean } }>(
        '{ viewer { emailValidated } }',
      );
      return viewer.data?.viewer.emailValidated;
    };
    try {
      // A customer whose address is not validated yet, sent the validation e-mail the way
      // Tryton's back office does: the "Validate E-mail" button of the web user.
      const [id] = await webUsers.search([['email', '=', marie.email]]);
      await webUsers.write([id as number], { email_valid: false });
      expect((await emailValid(id as number)).valid).toBe(false);
      expect(await emailValidated()).toBe(false);
      await webUsers.button('validate_email', [id as number]);

      const mail = await stack.tryton.mailbox.waitFor(marie.email, {
        subject: /valid/i,
        timeoutMs: 20_000,
      });
      const token = mailLinkParams(mail, 'validate-email').get('token');
      expect(token).toMatch(/^[0-9a-f]+$/);

      const validate = 'mutation ($t: String!) { validateEmail(token: $t) }';
      const anonymous = stack.session();
      expect((await anonymous.query(validate, { t: token })).data).toEqual({
        validateEmail: true,
      });
      expect(await emailValid(id as number)).toEqual({ valid: true, token: null });
      expect(await emailValidated()).toBe(true);

      const reused = await anonymous.query(validate, { t: token });
      expect(reused.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
      const forged = await anonymous.query(validate, { t: 'f'.repeat(32) });
      expect(forged.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
      const empty = await anonymous.query(validate, { t: ' ' });
      expect(empty.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
      expect(JSON.stringify([reused, forged, empty])).not.toMatch(/Traceback|email_token/);
    } finally {
      await admin.logout().catch(() => undefined);
      await admin.close();
    }
  });

  it('changes the password only with the current one', async () => {
    const { marie } = stack.tryton.customers;
    const browser = stack.session();
    await browser.login(marie.email, marie.password);
    const change =
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { otherSessionsEnded } }';
    const wrong = await browser.query(change, { c: 'not-it', n: 'Nouveau-Pass-2026!' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect((await browser.query(change, { c: marie.password, n: marie.password })).data).toEqual({
      changePassword: { otherSessionsEnded: expect.any(Number) },
    });
    const anonymous = await stack.session().query(change, { c: 'x', n: 'y' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('issues API tokens for integrators, usable as Bearer, and revokes them', async () => {
    const { marie } = stack.tryton.customers;
    const browser = stack.session();
    await browser.login(marie.email, marie.password);
    const created = await browser.query<{
      createApiToken: { token: string; apiToken: { id: string; name: string } };
    }>('mutation { createApiToken(name: "ERP sync") { token apiToken { id name } } }');
    const token = created.data?.createApiToken.token ?? '';
    expect(token).toMatch(/^tpat_/);
    const integrator = stack.session({ authorization: `Bearer ${token}` });
    expect((await integrator.query(VIEWER)).data).toEqual({
      viewer: { name: marie.partyName, email: marie.email },
    });
    // A token cannot mint tokens or change the password.
    const minted = await integrator.query('mutation { createApiToken(name: "x") { token } }');
    expect(minted.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const list = await browser.query<{ viewer: { apiTokens: { name: string }[] } }>(
      '{ viewer { apiTokens { name } } }',
    );
    expect(list.data?.viewer.apiTokens.map((t) => t.name)).toContain('ERP sync');
    const revoke = await browser.query('mutation ($id: ID!) { revokeApiToken(id: $id) }', {
      id: created.data?.createApiToken.apiToken.id,
    });
    expect(revoke.data).toEqual({ revokeApiToken: true });
    // A revoked token is a bad credential, not an anonymous call.
    const revoked = await integrator.query(VIEWER);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
