import type { CredentialCache, CredentialKind } from '../cache/credential-cache.js';
import { badInput, GatewayError, throttled, unauthenticated, validationFailed } from '../errors.js';
import type { ApiToken, Customer } from '../models.js';
import { toApiToken } from '../services/account.service.js';
import type { Credential } from '../tryton/customer-tryton.js';
import { type PortalUser, toCustomer } from '../tryton/party.mapper.js';
import {
  type PasswordChange,
  type PasswordResult,
  type PortalGateway,
  type StatusResult,
  toPasswordChange,
} from '../tryton/portal-gateway.js';
import { jsDate } from '../tryton/values.js';
import type { AuthLimiter } from './auth-limiter.js';
import { allows, type Scope } from './permissions.js';

const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface Viewer {
  customer: Customer;
  credential: Credential;
}

function statusError(result: StatusResult): GatewayError {
  switch (result.status) {
    case 'invalid_token':
      return new GatewayError('INVALID_TOKEN', 'This link is invalid or has expired.');
    case 'invalid_credentials':
      return new GatewayError('INVALID_CREDENTIALS', 'The current password is wrong.');
    case 'unauthenticated':
      return unauthenticated();
    case 'throttled':
      return throttled(result.retry_after);
    case 'invalid_password':
      return new GatewayError('INVALID_PASSWORD', result.message || 'This password is too weak.');
    case 'email_taken':
      return new GatewayError(
        'EMAIL_TAKEN',
        'This address is already the sign-in e-mail of another account: nothing was changed.',
      );
    default:
      return new GatewayError('INTERNAL_SERVER_ERROR', 'Unexpected answer.');
  }
}

/** What a password change or reset ended, for the customer. */
export type PasswordChangeResult = Omit<PasswordChange, 'webUserId'>;

/** Customer authentication, all through the portal module (Tryton web users only). */
export class AuthService {
  /** Reset requests whose Tryton call (and mail) is still running after the answer. */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly gateway: PortalGateway,
    private readonly limiter: AuthLimiter,
    /**
     * Spares Tryton the credential check of every request. Logout forgets its session's entry;
     * a token revocation, a password change or reset distrusts all the customer's entries (the
     * module ends the other sessions, and the tokens when asked), on every replica.
     */
    private readonly credentials?: CredentialCache,
    private readonly options: {
      /** Told of a reset request that failed after its answer (never the e-mail). */
      onBackgroundError?: (error: unknown) => void;
      /**
       * How many reset requests may still run after their answer on this replica (4 by
       * default); one more is THROTTLED. Each holds a Tryton slot while the mail is sent.
       */
      maxBackground?: number;
    } = {},
  ) {}

  private async check(
    kind: CredentialKind,
    secret: string,
    load: () => Promise<PortalUser | null>,
  ): Promise<PortalUser | null> {
    if (!this.credentials) return await load();
    return await this.credentials.check(kind, secret, load, (user) => user.id);
  }

  /**
   * Wrong e-mail and wrong password get the same error. Only failures count against the
   * client's network and the e-mail; a success forgives the e-mail's, as Tryton does.
   */
  async login(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ key: string; customer: Customer }> {
    const address = email.trim();
    if (!EMAIL.test(address) || password.length === 0 || password.length > 1000) {
      throw new GatewayError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
    }
    const result = await this.limiter.guard(
      'login',
      { ip, email: address },
      () => this.gateway.login(address, password, ip),
      (answer) => answer.status !== 'ok',
    );
    if (result.status === 'throttled') throw throttled(result.retry_after);
    const customer = result.status === 'ok' ? toCustomer(result.user) : null;
    if (result.status !== 'ok' || !customer) {
      throw new GatewayError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
    }
    await this.limiter.forgive('login', address);
    return { key: result.session, customer };
  }

  async logout(key: string): Promise<void> {
    await this.gateway.logout(key);
    await this.credentials?.forget('sessions', key);
  }

  async fromSession(key: string): Promise<Viewer | null> {
    if (!/^[0-9a-f]{16,128}$/.test(key)) return null;
    const user = await this.check('sessions', key, () => this.gateway.sessionUser(key));
    const customer = user ? toCustomer(user) : null;
    return customer ? { customer, credential: { kind: 'session', key } } : null;
  }

  async fromToken(token: string): Promise<Viewer | null> {
    if (!/^tpat_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const user = await this.check('api-tokens', token, () => this.gateway.tokenUser(token));
    const customer = user ? toCustomer(user) : null;
    return customer ? { customer, credential: { kind: 'token', token } } : null;
  }

  /**
   * Same answer, in about the same time, whether the e-mail exists or not (no account
   * enumeration): Tryton looks the address up and sends the mail after the answer. Every
   * request counts (each may send a mail), in counters of its own: never the login's.
   */
  async requestPasswordReset(email: string, language: string, ip: string): Promise<void> {
    const address = email.trim();
    if (!EMAIL.test(address)) throw badInput('Not an e-mail address.', 'email');
    await this.limiter.guard('passwordResetRequest', { ip, email: address }, async () => {
      if (this.sending.size >= (this.options.maxBackground ?? 4)) throw throttled(5);
      const sending: Promise<void> = this.gateway
        .requestPasswordReset(address, language, ip)
        .then(() => undefined)
        .catch((error: unknown) => this.options.onBackgroundError?.(error))
        .finally(() => this.sending.delete(sending));
      this.sending.add(sending);
    });
  }

  /** Resolves once every reset request sent after its answer is done (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  /**
   * Sets a new password with the token of the reset mail. Tryton ends every session of the
   * web user (and its API tokens when `revokeTokens`); every replica's cache distrusts them.
   */
  async resetPassword(
    email: string,
    token: string,
    password: string,
    revokeTokens: boolean,
    ip: string,
  ): Promise<PasswordChangeResult> {
    const address = email.trim();
    const result = await this.limiter.guard(
      'passwordReset',
      { ip, email: address },
      () => this.gateway.resetPassword(address, token.trim(), password, revokeTokens, ip),
      (answer) => answer.status === 'invalid_token',
    );
    return await this.passwordSet(result, null);
  }

  /** `viewer`, when the link is opened signed in: its cached check is forgotten (emailValidated). */
  async validateEmail(token: string, ip: string, viewer?: Viewer | null): Promise<void> {
    const result = await this.limiter.guard(
      'emailValidation',
      { ip },
      () => this.gateway.validateEmail(token.trim()),
      (answer) => answer.status !== 'ok',
    );
    if (result.status !== 'ok') throw statusError(result);
    // A sign-in e-mail changed: every cached check of that customer names the old address.
    if (typeof result.web_user === 'number') await this.credentials?.revoke(result.web_user);
    const credential = viewer?.credential;
    if (credential?.kind === 'session') await this.credentials?.forget('sessions', credential.key);
    if (credential?.kind === 'token')
      await this.credentials?.forget('api-tokens', credential.token);
  }

  /**
   * Only with a browser session: an API token cannot change the password. Tryton ends the
   * web user's other sessions (this one stays) and its API tokens when `revokeTokens`. A
   * wrong current password counts as a failed sign-in of that e-mail (Tryton counts it so).
   */
  async changePassword(
    viewer: Viewer,
    current: string,
    next: string,
    revokeTokens: boolean,
    ip: string,
  ): Promise<PasswordChangeResult> {
    const credential = viewer.credential;
    if (credential.kind !== 'session') throw unauthenticated();
    const result = await this.limiter.guard(
      'login',
      { ip, email: viewer.customer.email },
      () => this.gateway.changePassword(credential.key, current, next, revokeTokens, ip),
      (answer) => answer.status === 'invalid_credentials' || answer.status === 'throttled',
    );
    return await this.passwordSet(result, viewer.customer.webUserId);
  }

  /**
   * Asks to sign in with `email` from now on (browser session only), with the current
   * password, checked and throttled like a sign-in. Nothing changes until the link sent to
   * the new address is opened (`validateEmail`); the old address is told.
   */
  async requestEmailChange(
    viewer: Viewer,
    email: string,
    password: string,
    ip: string,
  ): Promise<{ pendingEmail: string; expiresAt: Date | null }> {
    const credential = viewer.credential;
    if (credential.kind !== 'session') throw unauthenticated();
    const result = await this.limiter.guard(
      'login',
      { ip, email: viewer.customer.email },
      () =>
        this.gateway.requestEmailChange(
          credential.key,
          password,
          email.trim(),
          viewer.customer.language,
          ip,
        ),
      (answer) => answer.status === 'invalid_credentials' || answer.status === 'throttled',
    );
    switch (result.status) {
      case 'ok':
        return { pendingEmail: result.email, expiresAt: jsDate(result.expires) };
      case 'invalid_input':
        throw validationFailed(result.errors);
      default:
        throw statusError(result);
    }
  }

  /**
   * Distrusts every cached check of the web user whose password was set, on every replica:
   * the ended sessions and revoked tokens then fail at once, and the caller's session is
   * asked of Tryton once more. A module older than issue 12 names no web user (then the
   * viewer's, if any) and ends nothing.
   */
  private async passwordSet(
    result: PasswordResult,
    viewerId: number | null,
  ): Promise<PasswordChangeResult> {
    if (result.status !== 'ok') throw statusError(result);
    const { webUserId, ...change } = toPasswordChange(result);
    const revoked = webUserId ?? viewerId;
    if (revoked !== null) await this.credentials?.revoke(revoked);
    return change;
  }

  /**
   * `scopes`: what the token may do, at most what the viewer's role allows (else
   * BAD_USER_INPUT); omitted, the token follows its creator's role, whatever it becomes.
   */
  async createApiToken(
    viewer: Viewer,
    name: string,
    scopes?: Scope[] | null,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    if (viewer.credential.kind !== 'session') throw unauthenticated();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100)
      throw badInput('Give the token a name (100 characters at most).', 'name');
    if (scopes && (scopes.length === 0 || !allows(viewer.customer.scopes, scopes)))
      throw badInput('Choose at least one scope, among those your role has.', 'scopes');
    const result = await this.gateway.createApiToken(
      viewer.credential.key,
      trimmed,
      scopes ?? undefined,
    );
    if (result.status === 'invalid_scopes')
      throw badInput('Choose at least one scope, among those your role has.', 'scopes');
    if (result.status === 'too_many_tokens') {
      const limit = result.limit;
      throw new GatewayError(
        'TOO_MANY_API_TOKENS',
        `You hold the most API tokens allowed${limit ? ` (${limit})` : ''}: revoke one you no longer use.`,
        limit ? { limit } : {},
      );
    }
    if (result.status !== 'ok') throw unauthenticated();
    return { token: result.token, apiToken: toApiToken(result) };
  }

  /** Distrusts every cached check of a web user on every replica (role changed, removed). */
  async distrust(webUserId: number): Promise<void> {
    await this.credentials?.revoke(webUserId);
  }

  /**
   * Sets an invited member's password with the invitation's token (single use, the reset's
   * expiry), limited like a reset, then signs them in.
   */
  async acceptInvitation(
    email: string,
    token: string,
    password: string,
    ip: string,
  ): Promise<{ key: string; customer: Customer }> {
    const address = email.trim();
    const result = await this.limiter.guard(
      'passwordReset',
      { ip, email: address },
      () => this.gateway.acceptInvitation(address, token.trim(), password, ip),
      (answer) => answer.status === 'invalid_token',
    );
    if (result.status !== 'ok') throw statusError(result);
    return await this.login(result.email, password, ip);
  }

  async listApiTokens(viewer: Viewer): Promise<ApiToken[]> {
    if (viewer.credential.kind !== 'session') return [];
    return (await this.gateway.listApiTokens(viewer.credential.key)).map(toApiToken);
  }

  /** One of the viewer's own tokens (`node`); like the list, only in a browser session. */
  async apiToken(viewer: Viewer, id: number): Promise<ApiToken | null> {
    return (await this.listApiTokens(viewer)).find((token) => token.id === id) ?? null;
  }

  async revokeApiToken(viewer: Viewer, id: number): Promise<boolean> {
    if (viewer.credential.kind !== 'session') throw unauthenticated();
    const revoked = await this.gateway.revokeApiToken(viewer.credential.key, id);
    // The token's cached check cannot be found from its id: distrust all of the customer's.
    if (revoked) await this.credentials?.revoke(viewer.customer.webUserId);
    return revoked;
  }
}
