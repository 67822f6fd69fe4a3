import { Arg, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Allow, MEMBER, PUBLIC } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { notFound } from '../errors.js';
import { fromGlobalId, toGlobalId } from '../ids.js';
import type { Customer } from '../models.js';
import { CustomerType, LoginPayloadType } from './customer.types.js';
import {
  ChangeMemberRoleInput,
  InviteMemberInput,
  MemberPayloadType,
  MemberType,
  memberNode,
  RemoveMemberInput,
  RemoveMemberPayloadType,
  RoleEnum,
  ScopeEnum,
} from './member.types.js';
import { WRITE } from './order-writes.resolver.js';

/** A member's id, or NOT_FOUND: a malformed or foreign id reads like a missing member. */
function memberId(id: string): number {
  const parsed = fromGlobalId(id);
  const value = Number(parsed.key);
  if (parsed.type !== 'Member' || !Number.isSafeInteger(value) || value <= 0)
    throw notFound('The member');
  return value;
}

const ERRORS =
  'FORBIDDEN (not an administrator), NOT_FOUND (not a member of your company), LAST_ADMINISTRATOR, IDEMPOTENCY_KEY_REUSED';

@Resolver(() => CustomerType)
export class MemberResolver {
  @Allow(MEMBER)
  @FieldResolver(() => RoleEnum, { description: 'The signed-in member’s role.' })
  role(@Root() customer: Customer): RoleEnum {
    return customer.role as RoleEnum;
  }

  @Allow(MEMBER)
  @FieldResolver(() => [ScopeEnum], {
    description:
      'What this credential may do now: the role’s scopes, or an API token’s narrower ones. The web app shows what these allow.',
  })
  scopes(@Root() customer: Customer): ScopeEnum[] {
    return customer.scopes as ScopeEnum[];
  }

  @Allow('members:manage')
  @FieldResolver(() => [MemberType], {
    description:
      'The people of the company account and the pending invitations, oldest first (administrators only).',
  })
  async members(@Ctx() ctx: GraphQLContext) {
    return (await ctx.services().members.list()).map(memberNode);
  }

  @Allow('members:manage')
  @Extensions(WRITE)
  @Mutation(() => MemberPayloadType, {
    description: `Invites a person by e-mail with a role: Tryton e-mails them a link to choose their password (single use, valid as long as a password reset link). Inviting a pending address again sends a new link. VALIDATION_FAILED (extensions.fieldErrors: EMAIL_INVALID, ALREADY_MEMBER, EMAIL_UNAVAILABLE), TOO_MANY_MEMBERS, ${ERRORS}.`,
  })
  async inviteMember(@Arg('input') input: InviteMemberInput, @Ctx() ctx: GraphQLContext) {
    const done = await ctx
      .services()
      .members.invite(input.idempotencyKey, input.email, input.role as Customer['role']);
    return { member: memberNode(done.member), replayed: done.replayed };
  }

  @Allow('members:manage')
  @Extensions(WRITE)
  @Mutation(() => MemberPayloadType, {
    description: `Gives a member another role; their sessions and tokens follow at once, on every replica. ${ERRORS}.`,
  })
  async changeMemberRole(@Arg('input') input: ChangeMemberRoleInput, @Ctx() ctx: GraphQLContext) {
    const done = await ctx
      .services()
      .members.changeRole(
        memberId(input.memberId),
        input.role as Customer['role'],
        input.idempotencyKey,
      );
    return { member: memberNode(done.member), replayed: done.replayed };
  }

  @Allow('members:manage')
  @Extensions(WRITE)
  @Mutation(() => RemoveMemberPayloadType, {
    description: `Removes a member, or withdraws an invitation: their sessions and API tokens stop at once, on every replica. ${ERRORS}.`,
  })
  async removeMember(@Arg('input') input: RemoveMemberInput, @Ctx() ctx: GraphQLContext) {
    const done = await ctx
      .services()
      .members.remove(memberId(input.memberId), input.idempotencyKey);
    return { ...done, memberId: toGlobalId('Member', done.memberId) };
  }

  @Allow(PUBLIC)
  @Mutation(() => LoginPayloadType, {
    description:
      'Accepts an invitation with the e-mail and token of its link: sets the password and signs in (session cookie). INVALID_TOKEN (wrong, used or expired link), INVALID_PASSWORD, THROTTLED.',
  })
  async acceptInvitation(
    @Arg('email') email: string,
    @Arg('token') token: string,
    @Arg('password') password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { key, customer } = await ctx.auth.acceptInvitation(email, token, password, ctx.ip);
    ctx.setSession(key);
    return { customer };
  }
}
