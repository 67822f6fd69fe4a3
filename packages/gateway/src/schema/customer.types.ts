import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Allow, MEMBER } from '../auth/permissions.js';
import { toGlobalId } from '../ids.js';
import type { ApiToken } from '../models.js';
import { LanguageEnum, MoneyType, Node } from './common.types.js';
import { ScopeEnum } from './member.types.js';
import { DateTimeScalar } from './scalars.js';

@ObjectType('Customer', {
  implements: Node,
  description: 'The signed-in customer (a Tryton web user and its party).',
})
export class CustomerType implements Node {
  @Allow(MEMBER)
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Allow(MEMBER)
  @Field({ description: 'The customer (company or person) name.' })
  name!: string;

  @Allow(MEMBER)
  @Field({ description: 'Sign-in e-mail.' })
  email!: string;

  @Allow(MEMBER)
  @Field({ description: 'True once the e-mail address has been validated.' })
  emailValidated!: boolean;

  @Allow(MEMBER)
  @Field(() => LanguageEnum, { description: 'Preferred language.' })
  language!: LanguageEnum;
}

@ObjectType('ExportLimits', {
  description:
    'How much one bulk export (`/downloads/exports/…`) holds: above it, `EXPORT_TOO_LARGE`. A client disables or splits a larger export before asking.',
})
export class ExportLimitsType {
  @Field(() => Int, { description: 'Invoice PDFs in one ZIP (`invoices.zip`).' })
  invoicesPerZip!: number;

  @Field(() => Int, { description: 'Rows in one CSV (`invoices.csv`, `orders.csv`).' })
  rowsPerCsv!: number;
}

@ObjectType('MonthlyAmount', { description: 'An amount for one month.' })
export class MonthlyAmountType {
  @Field({ description: 'The month, "YYYY-MM".' })
  month!: string;

  @Field(() => MoneyType, { description: 'The amount.' })
  amount!: MoneyType;
}

@ObjectType('ApiToken', {
  implements: Node,
  description:
    'A named token an integrator sends as `Authorization: Bearer`. Reachable by `node(id:)` in a browser session only, like the list.',
})
export class ApiTokenType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'The name given at creation.' })
  name!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was created.' })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was last used (to the minute).',
  })
  lastUsedAt!: Date | null;

  @Field(() => [ScopeEnum], {
    nullable: true,
    description:
      'The scopes chosen at its creation; null: whatever its creator’s role allows, now (a demoted or removed creator takes the token along).',
  })
  scopes!: ScopeEnum[] | null;
}

export function apiTokenNode(token: ApiToken): ApiTokenType & { __typename: 'ApiToken' } {
  return {
    ...token,
    id: toGlobalId('ApiToken', token.id),
    scopes: token.scopes as ScopeEnum[] | null,
    __typename: 'ApiToken',
  };
}

@ObjectType('LoginPayload', { description: 'The result of a successful sign-in.' })
export class LoginPayloadType {
  @Field(() => CustomerType, { description: 'The signed-in customer.' })
  customer!: CustomerType;
}

@ObjectType('PasswordChangePayload', {
  description:
    'A password changed or reset: what it ended. Every other session of the customer is ended at once; API tokens only when asked (`revokeApiTokens`).',
})
export class PasswordChangePayloadType {
  @Field(() => Int, {
    description:
      'Sessions of the customer ended by the change (other browsers and devices; after a reset, every session).',
  })
  otherSessionsEnded!: number;

  @Field(() => Int, {
    description:
      'API tokens deleted because `revokeApiTokens` was true; they stop working at once.',
  })
  apiTokensRevoked!: number;

  @Field(() => Int, {
    description:
      'API tokens that still work: integrations keep running. Revoke them (`revokeApiToken`, or `revokeApiTokens: true`) if the password was stolen.',
  })
  apiTokensKept!: number;
}

@ObjectType('CreateApiTokenPayload', {
  description: 'A new API token: the secret is shown only here, once.',
})
export class CreateApiTokenPayloadType {
  @Field({ description: 'The secret token. Store it now: it cannot be shown again.' })
  token!: string;

  @Field(() => ApiTokenType, { description: 'The token as it will be listed.' })
  apiToken!: ApiTokenType;
}

@ObjectType('EmailChangePayload', {
  description:
    'A sign-in e-mail change waiting for its confirmation: a link was sent to the new address, and the old one was told. The old address signs in until the link is opened (validateEmail).',
})
export class EmailChangePayloadType {
  @Field({ description: 'The new address, waiting to be confirmed.' })
  pendingEmail!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the link of the new address stops working.',
  })
  expiresAt!: Date | null;
}
