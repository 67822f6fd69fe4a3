import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Scope } from '../auth/permissions.js';
import { Allow, MEMBER, PUBLIC } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { unauthenticated } from '../errors.js';
import { fromGlobalId } from '../ids.js';
import {
  apiTokenNode,
  CreateApiTokenPayloadType,
  EmailChangePayloadType,
  LoginPayloadType,
  PasswordChangePayloadType,
} from './customer.types.js';
import { ScopeEnum } from './member.types.js';

const REVOKE_API_TOKENS =
  "Also delete all of the customer's API tokens (integrations stop at once). False by default: they keep working.";

@Resolver()
export class AuthResolver {
  @Allow(PUBLIC)
  @Mutation(() => LoginPayloadType, {
    description:
      'Signs in with the e-mail and password of a Tryton web user. The session comes back as an HttpOnly cookie. Wrong e-mail or password: INVALID_CREDENTIALS; too many attempts: THROTTLED.',
  })
  async login(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { key, customer } = await ctx.auth.login(email, password, ctx.ip);
    ctx.setSession(key);
    return { customer };
  }

  @Allow(PUBLIC)
  @Mutation(() => Boolean, {
    description: 'Signs out: ends the session in Tryton and clears the cookie.',
  })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (ctx.viewer?.credential.kind === 'session') await ctx.auth.logout(ctx.viewer.credential.key);
    ctx.setSession(null);
    return true;
  }

  @Allow(PUBLIC)
  @Mutation(() => Boolean, {
    description:
      'Sends a password reset link by e-mail. Same answer whether the address exists or not.',
  })
  async requestPasswordReset(
    @Arg('email') email: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await ctx.auth.requestPasswordReset(email, ctx.language, ctx.ip);
    return true;
  }

  @Allow(PUBLIC)
  @Mutation(() => PasswordChangePayloadType, {
    description:
      'Sets a new password with the token of the reset e-mail. Ends every session of the customer. Wrong or expired token: INVALID_TOKEN; too many wrong ones: THROTTLED.',
  })
  async resetPassword(
    @Arg('email') email: string,
    @Arg('token') token: string,
    @Arg('password') password: string,
    @Arg('revokeApiTokens', { defaultValue: false, description: REVOKE_API_TOKENS })
    revokeApiTokens: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PasswordChangePayloadType> {
    return await ctx.auth.resetPassword(email, token, password, revokeApiTokens, ctx.ip);
  }

  @Allow(MEMBER)
  @Mutation(() => PasswordChangePayloadType, {
    description:
      'Changes the password; needs the current one. Ends every other session of the customer (this one stays).',
  })
  async changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Arg('revokeApiTokens', { defaultValue: false, description: REVOKE_API_TOKENS })
    revokeApiTokens: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PasswordChangePayloadType> {
    if (!ctx.viewer) throw unauthenticated();
    return await ctx.auth.changePassword(
      ctx.viewer,
      currentPassword,
      newPassword,
      revokeApiTokens,
      ctx.ip,
    );
  }

  @Allow(MEMBER)
  @Mutation(() => EmailChangePayloadType, {
    description:
      'Asks to sign in with another e-mail address (browser session only), with the current password: INVALID_CREDENTIALS, THROTTLED as a sign-in; VALIDATION_FAILED (fieldErrors on `email`: EMAIL_INVALID, EMAIL_UNCHANGED). A link goes to the new address and a notice to the old one; nothing changes until the link is opened (validateEmail), and the old address keeps working until then.',
  })
  async requestEmailChange(
    @Arg('newEmail') newEmail: string,
    @Arg('currentPassword') currentPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmailChangePayloadType> {
    if (!ctx.viewer) throw unauthenticated();
    return await ctx.auth.requestEmailChange(ctx.viewer, newEmail, currentPassword, ctx.ip);
  }

  @Allow(PUBLIC)
  @Mutation(() => Boolean, {
    description:
      'Validates the e-mail address with the token of the validation e-mail, or confirms a sign-in e-mail change with the token sent to the new address (then the old address is told). INVALID_TOKEN; EMAIL_TAKEN when the new address became another account’s meanwhile.',
  })
  async validateEmail(@Arg('token') token: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.auth.validateEmail(token, ctx.ip, ctx.viewer);
    return true;
  }

  @Allow(MEMBER)
  @Mutation(() => CreateApiTokenPayloadType, {
    description:
      'Creates a named API token for integrations (browser session only). The secret is returned once. Beyond the most live tokens a customer may hold: TOO_MANY_API_TOKENS (extensions.limit).',
  })
  async createApiToken(
    @Arg('name') name: string,
    @Arg('scopes', () => [ScopeEnum], {
      nullable: true,
      description:
        'What the token may do, at most what your role allows; omitted: whatever your role allows, now and later.',
    })
    scopes: ScopeEnum[] | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (!ctx.viewer) throw unauthenticated();
    const { token, apiToken } = await ctx.auth.createApiToken(
      ctx.viewer,
      name,
      scopes as Scope[] | null | undefined,
    );
    return { token, apiToken: apiTokenNode(apiToken) };
  }

  @Allow(MEMBER)
  @Mutation(() => Boolean, {
    description: 'Revokes one of your API tokens; false if there is no such token.',
  })
  async revokeApiToken(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    if (!ctx.viewer) throw unauthenticated();
    const parsed = fromGlobalId(id);
    const numeric = Number(parsed.key);
    if (parsed.type !== 'ApiToken' || !Number.isSafeInteger(numeric)) return false;
    return await ctx.auth.revokeApiToken(ctx.viewer, numeric);
  }
}
