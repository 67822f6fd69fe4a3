import { isTrytonError, type TrytonClient } from '@portal/tryton-client';
import { INVOICE_MODEL } from './invoice.mapper.js';
import { SALE_MODEL } from './sale.mapper.js';

/**
 * The version of the portal_api module this gateway speaks to: its `tryton.cfg` version,
 * which Tryton reports as `ir.module.version`. A test keeps the two in step.
 */
export const PORTAL_API_VERSION = '6.0.0';

/** The XML ids of the groups the check looks for. */
export const PORTAL_GROUP = 'portal_api.group_portal_gateway';
export const ADMIN_GROUP = 'res.group_admin';

/** The customer records whose unscoped search must find nothing. */
export type ScopedArea = 'orders' | 'invoices';
const SCOPED_MODELS: Record<ScopedArea, string> = {
  orders: SALE_MODEL,
  invoices: INVOICE_MODEL,
};

export interface ModuleState {
  /** `activated`, `not activated`, `to upgrade`... */
  state: string;
  version: string;
}

export interface GroupMembership {
  id: number;
  name: string;
  /** `module.fs_id`, for the portal and admin groups; null for others. */
  xmlId: string | null;
}

export interface TechnicalUser {
  login: string;
  groups: GroupMembership[];
}

/**
 * Tryton's e-mail settings, as `portal.gateway.mail_settings` would give them (the module
 * does not offer it yet; docs/operations.md, "portal-check"): never the credentials.
 */
export interface MailSettings {
  /** The host of `[email] uri`; null while it is trytond's default (smtp://localhost:25). */
  host: string | null;
  /** `[email] from`. */
  from: string | null;
  /** `[web] reset_password_url` and `[web] email_validation_url`: the links e-mails carry. */
  reset_password_url: string | null;
  email_validation_url: string | null;
}

/** What `portal-check` asks Tryton, as the technical user. */
export interface InstallationProbe {
  /** `common.server.version`; also picks the client's protocol, so it comes first. */
  serverVersion(): Promise<string>;
  logIn(): Promise<void>;
  technicalUser(): Promise<TechnicalUser>;
  /** The portal_api module as `ir.module` knows it; null when Tryton has no such module. */
  portalModule(): Promise<ModuleState | null>;
  /** Whether a search of `area` with no customer key in the context finds any record. */
  unscopedSearchFinds(area: ScopedArea): Promise<boolean>;
  /** null: the module offers no RPC that tells. */
  mailSettings(): Promise<MailSettings | null>;
  close(): Promise<void>;
}

interface UserRow {
  id: number;
  login: string;
  groups: number[];
}
interface GroupRow {
  id: number;
  name: string;
}
/** The probe over the gateway's own client and technical user. */
export class TrytonInstallation implements InstallationProbe {
  constructor(
    private readonly client: TrytonClient,
    private readonly credentials: { login: string; password: string },
  ) {}

  serverVersion(): Promise<string> {
    return this.client.serverVersion();
  }

  logIn(): Promise<void> {
    return this.client.login(this.credentials.login, this.credentials.password);
  }

  async technicalUser(): Promise<TechnicalUser> {
    const userId = this.client.session?.userId;
    if (userId === undefined) throw new Error('not logged in');
    const [user] = await this.client
      .model<UserRow>('res.user')
      .read([userId], ['login', 'groups'] as const);
    if (!user) throw new Error(`res.user ${userId} cannot be read`);
    // English names (the modules' own), for stable output.
    const groups = await this.client
      .model<GroupRow>('res.group')
      .read(user.groups, ['name'] as const, { context: { language: 'en' } });
    const xmlIds = await this.groupXmlIds();
    return {
      login: user.login,
      groups: groups.map((group) => ({
        id: group.id,
        name: group.name,
        xmlId: xmlIds.get(group.id) ?? null,
      })),
    };
  }

  /**
   * The XML ids of the technical user's groups, from `portal.gateway.user_groups` (names are
   * translated and can be copied; 7.0 refuses `ir.model.data.get_id` to users). Without
   * portal_api the ids are unknown, and the module check fails on its own.
   */
  private async groupXmlIds(): Promise<Map<number, string>> {
    try {
      const rows = (await this.client.call('model.portal.gateway.user_groups', [])) as {
        id: number;
        xml_id: string | null;
      }[];
      return new Map(rows.flatMap((row) => (row.xml_id ? [[row.id, row.xml_id] as const] : [])));
    } catch (error) {
      if (isTrytonError(error) && error.code === 'TRYTON_ACCESS_DENIED') return new Map();
      throw error;
    }
  }

  async portalModule(): Promise<ModuleState | null> {
    const [row] = await this.client
      .model<ModuleState & { id: number }>('ir.module')
      .searchRead([['name', '=', 'portal_api']], ['state', 'version'] as const);
    return row ? { state: row.state, version: row.version } : null;
  }

  /**
   * Deliberately around CustomerTryton: this search carries no customer key, to prove that
   * Tryton's record rules then find nothing. It asks for ids only, at most one.
   */
  async unscopedSearchFinds(area: ScopedArea): Promise<boolean> {
    const ids = await this.client.model(SCOPED_MODELS[area]).search([], { limit: 1 });
    return ids.length > 0;
  }

  async mailSettings(): Promise<MailSettings | null> {
    try {
      return (await this.client.call('model.portal.gateway.mail_settings', [])) as MailSettings;
    } catch (error) {
      // Tryton answers 403 for a method the model does not expose.
      if (isTrytonError(error) && error.code === 'TRYTON_ACCESS_DENIED') return null;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => undefined);
    await this.client.close();
  }
}
