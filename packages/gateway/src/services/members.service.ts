import type { Viewer } from '../auth/auth.service.js';
import type { Role } from '../auth/permissions.js';
import { forbidden } from '../auth/permissions.js';
import { badInput, notFound, unauthenticated } from '../errors.js';
import type { Member } from '../models.js';
import {
  changeRoleParams,
  inviteParams,
  type MemberRow,
  removeParams,
  toMember,
} from '../tryton/member.mapper.js';
import type { PortalGateway } from '../tryton/portal-gateway.js';
import type { CustomerWrites } from '../writes/customer-writes.js';

export interface RemovedMember {
  memberId: number;
  sessionsEnded: number;
  apiTokensRevoked: number;
  replayed: boolean;
}

/**
 * The customer's company account, managed by its administrators (issue 16): members and
 * invitations listed from Tryton (never cached: who may act is read fresh), invitations,
 * role changes and removals as module writes. A role change or removal distrusts the
 * member's cached credentials on every replica (`distrust`), so its next request is checked
 * by Tryton again: with its new role, or refused.
 */
export class MembersService {
  constructor(
    private readonly writes: CustomerWrites,
    private readonly gateway: PortalGateway,
    private readonly viewer: Viewer,
    private readonly language: string,
    private readonly distrust: (webUserId: number) => Promise<void>,
  ) {}

  async list(): Promise<Member[]> {
    const result = await this.gateway.listMembers(this.viewer.credential, this.language);
    if (result.status === 'unauthenticated') throw unauthenticated();
    if (result.status !== 'ok') throw forbidden(['members:manage'], this.viewer.customer.role);
    return result.members.map(toMember);
  }

  async byId(id: number): Promise<Member | null> {
    return (await this.list()).find((m) => m.id === id) ?? null;
  }

  async invite(
    idempotencyKey: string,
    email: string,
    role: Role,
  ): Promise<{ member: Member; replayed: boolean }> {
    const trimmed = email.trim();
    if (!trimmed || trimmed.length > 200) throw badInput('Not an e-mail address.', 'email');
    const done = await this.writes.run({
      operation: 'inviteMember',
      method: 'invite_member',
      params: inviteParams(idempotencyKey, trimmed, role),
      areas: [],
      what: 'The member',
      current: async () => null,
    });
    return { member: written(done), replayed: done.replayed };
  }

  async changeRole(
    memberId: number,
    role: Role,
    idempotencyKey: string,
  ): Promise<{ member: Member; replayed: boolean }> {
    const done = await this.writes.run({
      operation: 'changeMemberRole',
      method: 'change_member_role',
      params: changeRoleParams(memberId, role, idempotencyKey),
      areas: [],
      what: 'The member',
      current: async () => null,
    });
    await this.distrust(memberId);
    return { member: written(done), replayed: done.replayed };
  }

  async remove(memberId: number, idempotencyKey: string): Promise<RemovedMember> {
    const done = await this.writes.run({
      operation: 'removeMember',
      method: 'remove_member',
      params: removeParams(memberId, idempotencyKey),
      areas: [],
      what: 'The member',
      current: async () => null,
    });
    await this.distrust(memberId);
    return {
      memberId,
      sessionsEnded: Number(done.sessions_ended ?? 0),
      apiTokensRevoked: Number(done.tokens_revoked ?? 0),
      replayed: done.replayed,
    };
  }
}

/** The member as the write answered it (a replay answers the first write's description). */
function written(done: Record<string, unknown>): Member {
  const row = done.member;
  if (!row || typeof row !== 'object') throw notFound('The member');
  return toMember(row as MemberRow);
}
