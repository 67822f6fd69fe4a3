import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { Member } from '../models.js';
import { AuthorType, Node } from './common.types.js';
import { DateTimeScalar } from './scalars.js';

/** The module's role names are the enum's values: only this file spells them for GraphQL. */
export enum RoleEnum {
  ADMINISTRATOR = 'administrator',
  BUYER = 'buyer',
  ACCOUNTANT = 'accountant',
  VIEWER = 'viewer',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a member of a company account may do (docs/security.md).',
  valuesConfig: {
    ADMINISTRATOR: { description: 'Everything, and managing the members.' },
    BUYER: { description: 'Orders, quotations, re-orders.' },
    ACCOUNTANT: { description: 'Invoices, payments, documents.' },
    VIEWER: { description: 'Reads orders, invoices and documents; writes nothing.' },
  },
});

export enum ScopeEnum {
  ORDERS_READ = 'orders:read',
  ORDERS_WRITE = 'orders:write',
  INVOICES_READ = 'invoices:read',
  INVOICES_PAY = 'invoices:pay',
  DOCUMENTS_READ = 'documents:read',
  ACCOUNT_WRITE = 'account:write',
  MEMBERS_MANAGE = 'members:manage',
}
registerEnumType(ScopeEnum, {
  name: 'Scope',
  description:
    'One thing a credential may do. A role is a set of scopes; an API token has its creator’s, or fewer chosen at its creation, and never more than its creator has now.',
});

export enum MemberStateEnum {
  ACTIVE = 'ACTIVE',
  INVITED = 'INVITED',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
}
registerEnumType(MemberStateEnum, {
  name: 'MemberState',
  description:
    'ACTIVE: has chosen a password; INVITED: the invitation’s link still works; INVITATION_EXPIRED: invite again to send a new link.',
});

@ObjectType('Member', {
  implements: Node,
  description:
    'A person of the company account (a Tryton web user of its party), or an invitation.',
})
export class MemberType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'Sign-in e-mail.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'What the member may do.' })
  role!: RoleEnum;

  @Field(() => MemberStateEnum, { description: 'Whether the invitation was accepted.' })
  state!: MemberStateEnum;

  @Field(() => String, { nullable: true, description: 'Who invited them (an e-mail).' })
  invitedBy!: string | null;

  @Field(() => AuthorType, {
    nullable: true,
    description:
      'The administrator who last changed their role on the portal; null when nobody did (the staff may, in Tryton).',
  })
  roleChangedBy!: AuthorType | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the invitation’s link stops working; null once accepted.',
  })
  invitationExpiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When they were invited.' })
  createdAt!: Date | null;
}

export function memberNode(member: Member): MemberType & { __typename: 'Member' } {
  return {
    ...member,
    id: toGlobalId('Member', member.id),
    role: member.role as RoleEnum,
    state: member.state as MemberStateEnum,
    __typename: 'Member',
  };
}

const KEY = 'A key of this submission (a UUID): sending it again answers the first result.';

@InputType('InviteMemberInput', { description: 'A person to invite, by e-mail, with a role.' })
export class InviteMemberInput {
  @Field({ description: 'Where the invitation goes; the sign-in e-mail once accepted.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'What they will be allowed to do.' })
  role!: RoleEnum;

  @Field({ description: KEY })
  idempotencyKey!: string;
}

@InputType('ChangeMemberRoleInput', { description: 'A member and its new role.' })
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => RoleEnum, { description: 'The new role.' })
  role!: RoleEnum;

  @Field({ description: KEY })
  idempotencyKey!: string;
}

@InputType('RemoveMemberInput', { description: 'A member (or an invitation) to remove.' })
export class RemoveMemberInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;
}

@ObjectType('MemberPayload', { description: 'A member after an invitation or a role change.' })
export class MemberPayloadType {
  @Field(() => MemberType, { description: 'The member, as Tryton answered.' })
  member!: MemberType;

  @Field({ description: 'True when the idempotency key had been used with this input.' })
  replayed!: boolean;
}

@ObjectType('RemoveMemberPayload', {
  description: 'A member removed: every session and API token of theirs stopped at once.',
})
export class RemoveMemberPayloadType {
  @Field(() => ID, { description: 'The member removed.' })
  memberId!: string;

  @Field(() => Int, { description: 'Their sessions ended.' })
  sessionsEnded!: number;

  @Field(() => Int, { description: 'Their API tokens deleted.' })
  apiTokensRevoked!: number;

  @Field({ description: 'True when the idempotency key had been used with this input.' })
  replayed!: boolean;
}
