import { ROLES, type Role, SCOPES, type Scope } from '../auth/permissions.js';
import type { Customer } from '../models.js';

/**
 * `party.party` and the portal module's description of a web user (`portal.gateway` RPC,
 * see docs/development.md): who the customer is.
 */
export const PARTY_MODEL = 'party.party';

export interface PortalUser {
  id: number;
  email: string;
  email_valid: boolean;
  party: number | null;
  party_name: string | null;
  parties?: number[];
  language: string | null;
  /** The member's role and the credential's scopes (module of issue 16). */
  role?: string;
  scopes?: string[];
}

/** A web user without a party cannot see anything: it is not a customer. */
export function toCustomer(user: PortalUser): Customer | null {
  if (!user.party) return null;
  return {
    webUserId: user.id,
    email: user.email,
    emailValidated: Boolean(user.email_valid),
    partyId: user.party,
    partyName: user.party_name ?? '',
    parties: user.parties?.length ? user.parties : [user.party],
    language: user.language === 'en' ? 'en' : 'fr',
    ...access(user),
  };
}

/**
 * The role and scopes the module gives. A module older than issue 16 has no roles: its one
 * web user per customer is the customer's administrator. An unknown role or scope is dropped,
 * never widened.
 */
function access(user: PortalUser): { role: Role; scopes: Scope[] } {
  if (user.role === undefined) return { role: 'administrator', scopes: [...SCOPES] };
  const role = (ROLES as readonly string[]).includes(user.role) ? (user.role as Role) : 'viewer';
  const scopes = (user.scopes ?? []).filter((s): s is Scope =>
    (SCOPES as readonly string[]).includes(s),
  );
  return { role, scopes };
}
