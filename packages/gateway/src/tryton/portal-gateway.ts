import { isIP } from 'node:net';
import { type TrytonClient, UserError } from '@portal/tryton-client';
import { refusedByErp } from '../errors.js';
import type { Credential } from './customer-tryton.js';
import { fromTryton } from './errors.js';
import type { MembersResult } from './member.mapper.js';
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
  | { status: 'ok'; web_user?: number; email_changed?: boolean }
  | { status: 'email_taken' }
  | { status: 'invalid_token' }
  | { status: 'invalid_credentials' }
  | { status: 'unauthenticated' }
  | { status: 'throttled'; retry_after: number }
  | { status: 'invalid_password'; message: string };

/**
 * A password changed or reset (the module's `status: 'ok'`). Each count is absent from a
 * module older than issue 12 (which ends no session and deletes no token): read as 0.
 */
export interface PasswordSet {
  status: 'ok';
  web_user?: number;
  sessions_ended?: number;
  tokens_revoked?: number;
  tokens_kept?: number;
}

export type PasswordResult = PasswordSet | Exclude<StatusResult, { status: 'ok' }>;

/** What a password change or reset ended, in the portal's words. */
export interface PasswordChange {
  /** The web user whose password it was; null when the module does not say. */
  webUserId: number | null;
  otherSessionsEnded: number;
  apiTokensRevoked: number;
  apiTokensKept: number;
}

export function toPasswordChange(result: PasswordSet): PasswordChange {
  return {
    webUserId: typeof result.web_user === 'number' ? result.web_user : null,
    otherSessionsEnded: result.sessions_ended ?? 0,
    apiTokensRevoked: result.tokens_revoked ?? 0,
    apiTokensKept: result.tokens_kept ?? 0,
  };
}

/** `create_api_token`'s answers: the new token, or why not. */
export type CreatedApiToken =
  | (ApiTokenRow & { status: 'ok'; token: string })
  | { status: 'too_many_tokens'; limit?: number }
  | { status: 'unauthenticated' | 'invalid_name' | 'invalid_scopes' };

/** `request_email_change`'s answers: the pending address and when its link expires, or why not. */
export type EmailChangeResult =
  | { status: 'ok'; email: string; expires: unknown }
  | { status: 'unauthenticated' | 'invalid_credentials' }
  | { status: 'throttled'; retry_after: number }
  | { status: 'invalid_input'; errors: { field: string; code: string; message: string }[] };

/** What a customer write answers (writes.py of the module). */
export type WriteResult =
  | ({ status: 'ok'; replayed: boolean } & Record<string, unknown>)
  | { status: 'not_found' | 'unauthenticated' | 'idempotency_key_reused' | 'unavailable' }
  | { status: 'forbidden' | 'last_administrator' }
  | { status: 'too_many_members'; limit: number }
  | { status: 'conflict' | 'invalid_state'; state: string }
  | { status: 'expired'; expired_on: string }
  | { status: 'nothing_to_order'; left_out: unknown[] }
  | {
      status: 'invalid_input';
      errors: { field: string; code: string; message: string }[];
    };

export interface ApiTokenRow {
  id: number;
  name: string;
  created: unknown;
  last_used: unknown;
  /** The scopes chosen at creation; null: whatever the creator's role allows (issue 16). */
  scopes?: string[] | null;
}

/** `accept_invitation`'s answers. */
export type AcceptInvitationResult =
  | { status: 'ok'; web_user: number; email: string }
  | { status: 'invalid_token' }
  | { status: 'throttled'; retry_after: number }
  | { status: 'invalid_password'; message: string };

/**
 * `X-Forwarded-For: <client ip>` for Tryton, which trusts one proxy (`[web] num_proxies = 1`):
 * its login attempt counters then count per client IP network instead of per gateway replica.
 * An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, a dual-stack socket's) is sent as IPv4, or
 * Tryton's /56 grouping would put every IPv4 client in one network. Anything that is not an
 * IP address is not sent: Tryton's `ipaddress` would fail on it.
 */
export function forwardedFor(ip: string | undefined): Record<string, string> {
  const address = ip?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return address && isIP(address) ? { 'x-forwarded-for': address } : {};
}

export class PortalGateway {
  constructor(
    private readonly client: TrytonClient,
    /** Resolves once the technical user is logged in (or throws TRYTON_UNAVAILABLE). */
    private readonly ready: () => Promise<void>,
  ) {}

  /**
   * `ip`: the customer's, passed on to Tryton for its login throttling (forwardedFor).
   * `credential`: the customer a write acts for, in the context as for reads (the module
   * resolves it to the web user and its parties, and re-checks every record against them).
   */
  private async call<T>(
    method: string,
    params: unknown[],
    options: {
      language?: string;
      ip?: string;
      credential?: Credential;
      /** What a Tryton user error becomes, instead of NOT_FOUND (reads: a rule's refusal). */
      userError?: () => Error;
    } = {},
  ): Promise<T> {
    await this.ready();
    const credential = options.credential;
    try {
      return (await this.client.call(`model.portal.gateway.${method}`, params, {
        context: {
          ...(options.language ? { language: options.language } : {}),
          ...(credential?.kind === 'session' ? { portal_session: credential.key } : {}),
          ...(credential?.kind === 'token' ? { portal_token: credential.token } : {}),
        },
        headers: forwardedFor(options.ip),
      })) as T;
    } catch (error) {
      if (options.userError && error instanceof UserError) throw options.userError();
      throw fromTryton(error);
    }
  }

  login(email: string, password: string, ip?: string): Promise<LoginResult> {
    return this.call('login', [email, password], { ip });
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
  requestPasswordReset(email: string, language: string, ip?: string): Promise<null> {
    return this.call('request_password_reset', [email], { language, ip });
  }
  /**
   * `revokeTokens` is sent only when true: a module older than issue 12 takes three
   * arguments, and still answers the others.
   */
  resetPassword(
    email: string,
    token: string,
    password: string,
    revokeTokens: boolean,
    ip?: string,
  ): Promise<PasswordResult> {
    const params = [email, token, password, ...(revokeTokens ? [true] : [])];
    return this.call('reset_password', params, { ip });
  }
  /**
   * Validates an e-mail with the token of a validation mail: Tryton's own, or the one sent to
   * the new address of a sign-in e-mail change (then the answer names the web user).
   */
  validateEmail(token: string): Promise<StatusResult> {
    return this.call('validate_email', [token]);
  }
  /** Asks to sign in with `email`: checked like a sign-in, confirmed from the new address. */
  requestEmailChange(
    session: string,
    password: string,
    email: string,
    language: string,
    ip?: string,
  ): Promise<EmailChangeResult> {
    return this.call('request_email_change', [session, password, email], { language, ip });
  }
  /**
   * Checks `current` through web.user.authenticate: throttled per client like login. Ends the
   * web user's other sessions (the module of issue 12); `revokeTokens` as for resetPassword.
   */
  changePassword(
    session: string,
    current: string,
    next: string,
    revokeTokens: boolean,
    ip?: string,
  ): Promise<PasswordResult> {
    const params = [session, current, next, ...(revokeTokens ? [true] : [])];
    return this.call('change_password', params, { ip });
  }
  /** `scopes` is sent only when narrower scopes are chosen: older modules take two arguments. */
  createApiToken(session: string, name: string, scopes?: string[]): Promise<CreatedApiToken> {
    return this.call('create_api_token', [session, name, ...(scopes ? [scopes] : [])]);
  }
  /** The members of the credential's customer, for its administrators (issue 16). */
  listMembers(credential: Credential, language: string): Promise<MembersResult> {
    return this.call('list_members', [], { credential, language });
  }
  /** Sets an invited member's password with the invitation's token (the reset's checks). */
  acceptInvitation(
    email: string,
    token: string,
    password: string,
    ip?: string,
  ): Promise<AcceptInvitationResult> {
    return this.call('accept_invitation', [email, token, password], { ip });
  }
  listApiTokens(session: string): Promise<ApiTokenRow[]> {
    return this.call('list_api_tokens', [session]);
  }
  revokeApiToken(session: string, id: number): Promise<boolean> {
    return this.call('revoke_api_token', [session, id]);
  }
  /**
   * One of the module's customer writes (`accept_quotation`, `reorder`...): run once per
   * idempotency key, re-checked in Tryton; expected refusals come back as a `status`.
   */
  /**
   * A customer write. Its refusals are values (`status`); a Tryton user error raised inside
   * it (a check of Tryton's that the module's own checks did not foresee: a credit limit, a
   * missing setting) rolled the whole write back, and is INVALID_STATE with the reason
   * REFUSED_BY_ERP. Tryton's message is for the company's staff and stays out of the answer.
   */
  async write(
    method: string,
    params: unknown[],
    credential: Credential,
    language: string,
  ): Promise<WriteResult> {
    return await this.call(method, params, { credential, language, userError: refusedByErp });
  }
}
