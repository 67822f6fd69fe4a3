import { isTrytonError } from '@portal/tryton-client';
import {
  ADMIN_GROUP,
  type InstallationProbe,
  type MailSettings,
  PORTAL_GROUP,
  type ScopedArea,
} from '../tryton/installation.mapper.js';

/**
 * `ok` and `warn` pass; `fail` makes portal-check exit 1; `skip`: not checked because a
 * check it depends on failed (that one already fails the run).
 */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable, short: `tryton`, `technical-user`, `portal_api`... */
  name: string;
  status: CheckStatus;
  /** For people: what was found, or what is wrong and where to look. */
  detail: string;
}

/** The series the gateway's client speaks (tryton-client's adapters), as `major.minor`. */
export const SUPPORTED_SERIES = ['7.0', '7.6', '8.0'] as const;

/** Redis as the check sees it: one PING. */
export interface RedisProbe {
  ping(): Promise<void>;
}

export interface CheckDependencies {
  tryton: InstallationProbe;
  /** Undefined when REDIS_URL is not set. */
  redis: RedisProbe | undefined;
  /** The portal_api version this gateway expects (PORTAL_API_VERSION). */
  moduleVersion: string;
}

const ok = (name: string, detail: string): CheckResult => ({ name, status: 'ok', detail });
const fail = (name: string, detail: string): CheckResult => ({ name, status: 'fail', detail });
const skip = (name: string, reason: string): CheckResult => ({
  name,
  status: 'skip',
  detail: `not checked: ${reason}`,
});

/** A failure's message for people: the client's own, or the error's class and message. */
function why(error: unknown): string {
  if (isTrytonError(error)) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** `7.6` of `7.6`, `7.6.6` or `7.6.6+dev`. */
export function seriesOf(version: string): string | undefined {
  return /^(\d+\.\d+)(?:\.|$|\+)/.exec(version.trim())?.[1];
}

/**
 * Whether a deployment is ready for the gateway: Tryton's series, the portal module, the
 * technical user's rights, the record rules, Redis and Tryton's e-mail settings. Each check
 * gives one result; those that need Tryton (or the technical user's session) are skipped
 * when it is out of reach, so one cause gives one failure.
 */
export class CheckService {
  constructor(private readonly deps: CheckDependencies) {}

  async run(): Promise<CheckResult[]> {
    const tryton = await this.tryton();
    const loginError = tryton.status === 'ok' ? await this.logIn() : undefined;
    const blocked =
      tryton.status !== 'ok'
        ? 'Tryton unreachable'
        : loginError !== undefined
          ? 'the technical user cannot log in'
          : undefined;
    const needsSession = async (name: string, check: () => Promise<CheckResult>) =>
      blocked ? skip(name, blocked) : await check();
    return [
      tryton,
      loginError !== undefined
        ? fail('technical-user', `cannot log in: ${loginError}`)
        : await needsSession('technical-user', () => this.technicalUser()),
      await needsSession('portal_api', () => this.portalModule()),
      await needsSession('record-rules', () => this.recordRules()),
      await this.redis(),
      await needsSession('smtp', () => this.mail()),
    ];
  }

  /** The login failure's reason, or undefined once logged in. */
  private async logIn(): Promise<string | undefined> {
    try {
      await this.deps.tryton.logIn();
      return undefined;
    } catch (error) {
      return why(error);
    }
  }

  private async tryton(): Promise<CheckResult> {
    let version: string;
    try {
      version = await this.deps.tryton.serverVersion();
    } catch (error) {
      return fail('tryton', `unreachable: ${why(error)}`);
    }
    const series = seriesOf(version);
    if (!series || !(SUPPORTED_SERIES as readonly string[]).includes(series)) {
      return fail(
        'tryton',
        `series ${version} is not supported (supported: ${SUPPORTED_SERIES.join(', ')})`,
      );
    }
    return ok('tryton', `reachable, series ${series}`);
  }

  private async technicalUser(): Promise<CheckResult> {
    const name = 'technical-user';
    try {
      const user = await this.deps.tryton.technicalUser();
      const names = user.groups.map((group) => group.name).join(', ') || 'none';
      if (user.login === 'admin' || user.groups.some((group) => group.xmlId === ADMIN_GROUP)) {
        return fail(name, `${user.login} is an administrator (groups: ${names})`);
      }
      const [only, ...others] = user.groups;
      if (!only || only.xmlId !== PORTAL_GROUP || others.length > 0) {
        return fail(
          name,
          `${user.login} must be in the group "Portal gateway" only (groups: ${names}); run portal-init`,
        );
      }
      return ok(name, `${user.login}, not admin, in "${only.name}" only`);
    } catch (error) {
      return fail(name, `cannot read the user's groups: ${why(error)}`);
    }
  }

  private async portalModule(): Promise<CheckResult> {
    const name = 'portal_api';
    try {
      const module = await this.deps.tryton.portalModule();
      if (!module) return fail(name, 'Tryton does not know the module: is it installed?');
      if (module.state !== 'activated') {
        return fail(name, `${module.state}, not activated: run portal-init`);
      }
      if (module.version !== this.deps.moduleVersion) {
        return fail(
          name,
          `version ${module.version}, the gateway expects ${this.deps.moduleVersion}: deploy matching images`,
        );
      }
      return ok(name, `activated, version ${module.version}`);
    } catch (error) {
      return fail(name, `cannot read ir.module: ${why(error)}`);
    }
  }

  private async recordRules(): Promise<CheckResult> {
    const name = 'record-rules';
    const areas: ScopedArea[] = ['orders', 'invoices'];
    try {
      const leaks = [];
      for (const area of areas) {
        if (await this.deps.tryton.unscopedSearchFinds(area)) leaks.push(area);
      }
      if (leaks.length > 0) {
        return fail(
          name,
          `a search without a customer key finds ${leaks.join(' and ')}: the portal_api rules are not in effect`,
        );
      }
      return ok(name, `a search without a customer key finds no ${areas.join(' and no ')}`);
    } catch (error) {
      return fail(name, `cannot search: ${why(error)}`);
    }
  }

  private async redis(): Promise<CheckResult> {
    if (!this.deps.redis) {
      return {
        name: 'redis',
        status: 'warn',
        detail: 'REDIS_URL not set: in-process stores, fine for one replica only',
      };
    }
    try {
      await this.deps.redis.ping();
      return ok('redis', 'answers PING');
    } catch (error) {
      return fail('redis', `unreachable: ${why(error)}`);
    }
  }

  private async mail(): Promise<CheckResult> {
    const name = 'smtp';
    let settings: MailSettings | null;
    try {
      settings = await this.deps.tryton.mailSettings();
    } catch (error) {
      return fail(name, `cannot read Tryton's e-mail settings: ${why(error)}`);
    }
    if (!settings) {
      return {
        name,
        status: 'warn',
        detail:
          'not verifiable: portal_api offers no portal.gateway.mail_settings RPC (check SMTP_URI and MAIL_FROM by hand)',
      };
    }
    const missing = [
      settings.host ? undefined : '[email] uri',
      settings.from ? undefined : '[email] from',
      settings.reset_password_url ? undefined : '[web] reset_password_url',
      settings.email_validation_url ? undefined : '[web] email_validation_url',
    ].filter(Boolean);
    if (missing.length > 0) return fail(name, `Tryton lacks ${missing.join(', ')}`);
    return ok(name, `relay ${settings.host}, from ${settings.from}`);
  }
}

const LABELS: Record<CheckStatus, string> = { ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip' };

/** One line per result: `ok    tryton          reachable, series 7.6`. */
export function formatResult(result: CheckResult): string {
  return `${LABELS[result.status].padEnd(5)} ${result.name.padEnd(15)} ${result.detail}`;
}

/** portal-check's exit code: 1 when any check failed. */
export function exitCode(results: CheckResult[]): 0 | 1 {
  return results.some((result) => result.status === 'fail') ? 1 : 0;
}
