import type { CredentialCache, CredentialKind } from '../cache/credential-cache.js';
import { badInput, GatewayError, throttled, unauthenticated } from '../errors.js';
import type { ApiToken, Customer } from '../models.js';
import { toApiToken } from '../services/account.service.js';
import type { Credential } from '../tryton/customer-tryton.js';
import { type PortalUser, toCustomer } from '../tryton/party.mapper.js';
import type { PortalGateway, StatusResult } from '../tryton/portal-gateway.js';
import type { LoginLimiter } from './login-limiter.js';

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
    default:
      return new GatewayError('INTERNAL_SERVER_ERROR', 'Unexpected answer.');
  }
}

/** Customer authentication, all through the portal module (Tryton web users only). */
export class AuthService {
  constructor(
    private readonly gateway: PortalGateway,
    private readonly limiter: LoginLimiter,
    /**
     * Spares Tryton the credential check of every request. Logout forgets its session's entry,
     * a token revocation distrusts the customer's entries. A password change or reset forgets
     * nothing: Tryton keeps the web user's sessions and tokens (`web.user.set_password` writes
     * only the hash), so no cached answer changes.
     */
    private readonly credentials?: CredentialCache,
  ) {}

  private async check(
    kind: CredentialKind,
    secret: string,
    load: () => Promise<PortalUser | null>,
  ): Promise<PortalUser | null> {
    if (!this.credentials) return await load();
    return await this.credentials.check(kind, secret, load, (user) => user.id);
  }

  /** Wrong e-mail and wrong password get the same error. */
  async login(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ key: string; customer: Customer }> {
    if (!EMAIL.test(email.trim()) || password.length === 0 || password.length > 1000) {
      throw new GatewayError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
    }
    const wait = await this.limiter.attempt(ip, email);
    if (wait > 0) throw throttled(wait);
    const result = await this.gateway.login(email.trim(), password, ip);
    if (result.status === 'throttled') throw throttled(result.retry_after);
    const customer = result.status === 'ok' ? toCustomer(result.user) : null;
    if (result.status !== 'ok' || !customer) {
      throw new GatewayError('INVALID_CREDENTIALS', 'Wrong e-mail or password.');
    }
    await this.limiter.succeeded(email);
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

  /** Same answer whether the e-mail exists or not (no account enumeration). */
  async requestPasswordReset(email: string, language: string, ip: string): Promise<void> {
    if (!EMAIL.test(email.trim())) throw badInput('Not an e-mail address.', 'email');
    const wait = await this.limiter.attempt(ip, email);
    if (wait > 0) throw throttled(wait);
    await this.gateway.requestPasswordReset(email.trim(), language, ip);
  }

  async resetPassword(email: string, token: string, password: string, ip?: string): Promise<void> {
    const result = await this.gateway.resetPassword(email.trim(), token.trim(), password, ip);
    if (result.status !== 'ok') throw statusError(result);
  }

  /** `viewer`, when the link is opened signed in: its cached check is forgotten (emailValidated). */
  async validateEmail(token: string, viewer?: Viewer | null): Promise<void> {
    const result = await this.gateway.validateEmail(token.trim());
    if (result.status !== 'ok') throw statusError(result);
    const credential = viewer?.credential;
    if (credential?.kind === 'session') await this.credentials?.forget('sessions', credential.key);
    if (credential?.kind === 'token')
      await this.credentials?.forget('api-tokens', credential.token);
  }

  /** Only with a browser session: an API token cannot change the password. */
  async changePassword(viewer: Viewer, current: string, next: string, ip?: string): Promise<void> {
    if (viewer.credential.kind !== 'session') throw unauthenticated();
    const result = await this.gateway.changePassword(viewer.credential.key, current, next, ip);
    if (result.status !== 'ok') throw statusError(result);
  }

  async createApiToken(
    viewer: Viewer,
    name: string,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    if (viewer.credential.kind !== 'session') throw unauthenticated();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100)
      throw badInput('Give the token a name (100 characters at most).', 'name');
    const result = await this.gateway.createApiToken(viewer.credential.key, trimmed);
    if (!('token' in result)) throw unauthenticated();
    return { token: result.token, apiToken: toApiToken(result) };
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
