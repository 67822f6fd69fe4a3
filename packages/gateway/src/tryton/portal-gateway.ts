import type { TrytonClient } from '@portal/tryton-client';
import { fromTryton } from './errors.js';
import type { PortalUser } from './party.mapper.js';

/**
 * The portal module's RPC (`model.portal.gateway.*`, docs/development.md), called as the
 * technical user. Expected failures come back as values with a `status`.
 */
export type LoginResult =
  | { status: 'ok'; session: string; user: PortalUser }
  | { status: 'invalid_credentials' }
  | { status: 'throttled'; retry_after: number };

export type StatusResult =
  | { status: 'ok' }
  | { status: 'invalid_token' }
  | { status: 'invalid_credentials' }
  | { status: 'unauthenticated' }
  | { status: 'throttled'; retry_after: number }
  | { status: 'invalid_password'; message: string };

export interface ApiTokenRow {
  id: number;
  name: string;
  created: unknown;
  last_used: unknown;
}

export class PortalGateway {
  constructor(
    private readonly client: TrytonClient,
    /** Resolves once the technical user is logged in (or throws TRYTON_UNAVAILABLE). */
    private readonly ready: () => Promise<void>,
  ) {}

  private async call<T>(method: string, params: unknown[], language?: string): Promise<T> {
    await this.ready();
    try {
      return (await this.client.call(`model.portal.gateway.${method}`, params, {
        context: language ? { language } : {},
      })) as T;
    } catch (error) {
      throw fromTryton(error);
    }
  }

  login(email: string, password: string): Promise<LoginResult> {
    return this.call('login', [email, password]);
  }
  logout(session: string): Promise<null> {
    return this.call('logout', [session]);
  }
  sessionUser(session: string): Promise<PortalUser | null> {
    return this.call('session_user', [session]);
  }
  tokenUser(token: string): Promise<PortalUser | null> {
    return this.call('token_user', [token]);
  }
  requestPasswordReset(email: string, language: string): Promise<null> {
    return this.call('request_password_reset', [email], language);
  }
  resetPassword(email: string, token: string, password: string): Promise<StatusResult> {
    return this.call('reset_password', [email, token, password]);
  }
  validateEmail(token: string): Promise<StatusResult> {
    return this.call('validate_email', [token]);
  }
  changePassword(session: string, current: string, next: string): Promise<StatusResult> {
    return this.call('change_password', [session, current, next]);
  }
  createApiToken(
    session: string,
    name: string,
  ): Promise<(ApiTokenRow & { status: 'ok'; token: string }) | { status: string }> {
    return this.call('create_api_token', [session, name]);
  }
  listApiTokens(session: string): Promise<ApiTokenRow[]> {
    return this.call('list_api_tokens', [session]);
  }
  revokeApiToken(session: string, id: number): Promise<boolean> {
    return this.call('revoke_api_token', [session, id]);
  }
}
