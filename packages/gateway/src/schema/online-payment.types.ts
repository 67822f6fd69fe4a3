import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AuthorType, MoneyType } from './common.types.js';
import { InvoiceType } from './invoice.types.js';
import { DateScalar } from './scalars.js';

export enum OnlinePaymentStateEnum {
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(OnlinePaymentStateEnum, {
  name: 'OnlinePaymentState',
  description: 'Where an online payment stands, as Tryton knows it from Stripe.',
  valuesConfig: {
    PROCESSING: {
      description:
        "Started: the customer is on (or left) the checkout page, or Stripe's answer has not come yet. Its amount is already taken off `amountDue`.",
    },
    SUCCEEDED: { description: 'Stripe confirmed the payment.' },
    FAILED: {
      description: 'Cancelled or refused: its amount is added back to `amountDue`.',
    },
  },
});

@ObjectType('OnlinePayment', {
  description: 'A payment started online (by card, through Stripe) on an invoice.',
})
export class OnlinePaymentType {
  @Field(() => MoneyType, { description: 'The amount paid online.' })
  amount!: MoneyType;

  @Field(() => OnlinePaymentStateEnum, { description: 'Where it stands.' })
  state!: OnlinePaymentStateEnum;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was started.' })
  date!: string | null;

  @Field(() => AuthorType, {
    nullable: true,
    description:
      'Who paid it on the portal (the member of the credential that started it); null when the company’s staff made it.',
  })
  paidBy!: AuthorType | null;
}

@InputType('PayInvoiceInput', { description: 'Paying (part of) an invoice online.' })
export class PayInvoiceInput {
  @Field(() => ID, { description: 'The invoice (posted, with something left to pay).' })
  invoiceId!: string;

  @Field({
    description:
      'The amount to pay, a decimal string in the invoice\'s currency ("120.50"): more than zero, at most `amountDue`, with at most the currency\'s decimals. Else VALIDATION_FAILED (extensions.fieldErrors: AMOUNT_NOT_A_NUMBER, AMOUNT_NOT_POSITIVE, AMOUNT_TOO_HIGH, AMOUNT_PRECISION).',
  })
  amount!: string;

  @Field({
    description:
      'Chosen by the client, one per payment (a UUID): the same key with the same input gives the same payment and checkout again (a double click, a retry); with another input, IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey!: string;
}

@ObjectType('PayInvoicePayload', { description: 'An online payment started.' })
export class PayInvoicePayloadType {
  @Field(() => InvoiceType, {
    description: 'The invoice, read again: `amountDue` no longer counts this payment.',
  })
  invoice!: InvoiceType;

  @Field({
    description:
      "Tryton's checkout page of the payment (Stripe's payment form): send the customer there.",
  })
  checkoutUrl!: string;

  @Field({
    description:
      'True when the idempotency key had been used with this input: the same payment, nothing created again.',
  })
  replayed!: boolean;
}
