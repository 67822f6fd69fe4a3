import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { OrderType } from './order.types.js';

const KEY =
  'Chosen by the client, one per action (a UUID): the same key with the same input gives the first answer again without writing twice (a double click, a retry); with another input, IDEMPOTENCY_KEY_REUSED.';
const VERSION =
  'The `version` of the order as it was shown: if the order changed since, CONFLICT (extensions.current holds its state and version) and nothing is written.';

@InputType('AcceptQuotationInput', {
  description: 'Accepting a quotation: who, and on what terms.',
})
export class AcceptQuotationInput {
  @Field(() => ID, { description: 'The quotation (an order in state QUOTATION).' })
  orderId!: string;

  @Field({ description: VERSION })
  version!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;

  @Field({ description: 'Name of the person accepting, 100 characters at most.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Your purchase-order reference, 100 characters at most.',
  })
  poReference?: string | null;

  @Field({
    description: 'The terms of sale are accepted: must be true (else VALIDATION_FAILED).',
  })
  acceptTerms!: boolean;
}

@InputType('DeclineQuotationInput', { description: 'Declining a quotation.' })
export class DeclineQuotationInput {
  @Field(() => ID, { description: 'The quotation (an order in state QUOTATION).' })
  orderId!: string;

  @Field({ description: VERSION })
  version!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why, for the company; 1000 characters at most.',
  })
  reason?: string | null;
}

@InputType('ReorderInput', { description: 'Ordering the products of a past order again.' })
export class ReorderInput {
  @Field(() => ID, { description: 'The past order.' })
  orderId!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;
}

@ObjectType('OrderWritePayload', { description: 'The order after a write.' })
export class OrderWritePayloadType {
  @Field(() => OrderType, { description: 'The order, read again after the write.' })
  order!: OrderType;

  @Field({
    description:
      'True when the idempotency key had been used with this input: the first answer, nothing written again.',
  })
  replayed!: boolean;
}

@ObjectType('LeftOutLine', { description: 'A line of the past order that was not ordered again.' })
export class LeftOutLineType {
  @Field({ description: 'The product, as the past order names it.' })
  name!: string;

  @Field({ description: 'The quantity of the past order.' })
  quantity!: number;
}

@ObjectType('ReorderPayload', { description: 'The request made from a past order.' })
export class ReorderPayloadType {
  @Field(() => OrderType, {
    description: "The new request (state REQUESTED), awaiting the company's review.",
  })
  order!: OrderType;

  @Field(() => [LeftOutLineType], {
    description: 'Lines left out: their product is no longer sold.',
  })
  leftOut!: LeftOutLineType[];

  @Field({ description: 'True when the idempotency key had been used with this input.' })
  replayed!: boolean;
}
