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
  };
}
