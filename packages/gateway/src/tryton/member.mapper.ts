import { ROLES, type Role } from '../auth/permissions.js';
import type { Member, MemberState } from '../models.js';
import { authorOf } from './author.mapper.js';

/**
 * The portal_api module's members of a customer (members.py of the module): web users of the
 * customer's party, each with a role. Only this file knows the module's names for them.
 */
export interface MemberRow {
  id: number;
  email: string;
  role: string;
  state: string;
  invited_by: string | null;
  /** Absent from the answers stored with idempotency keys before it was added. */
  role_changed_by?: string | null;
  invitation_expires: string | null;
  created: string | null;
}

export type MembersResult =
  | { status: 'ok'; members: MemberRow[] }
  | { status: 'unauthenticated' | 'forbidden' };

const STATES: Record<string, MemberState> = {
  active: 'ACTIVE',
  invited: 'INVITED',
  expired: 'INVITATION_EXPIRED',
};

/** The module's dates are naive UTC ISO texts (stored with the idempotency keys). */
function utc(text: string | null): Date | null {
  if (!text) return null;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    role: (ROLES as readonly string[]).includes(row.role) ? (row.role as Role) : 'viewer',
    state: STATES[row.state] ?? 'INVITATION_EXPIRED',
    invitedBy: row.invited_by,
    roleChangedBy: authorOf(row.role_changed_by),
    invitationExpiresAt: utc(row.invitation_expires),
    createdAt: utc(row.created),
  };
}

export function inviteParams(idempotencyKey: string, email: string, role: Role): unknown[] {
  return [idempotencyKey, email, role];
}

export function changeRoleParams(memberId: number, role: Role, idempotencyKey: string): unknown[] {
  return [memberId, role, idempotencyKey];
}

export function removeParams(memberId: number, idempotencyKey: string): unknown[] {
  return [memberId, idempotencyKey];
}
