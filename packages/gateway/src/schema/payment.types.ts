import { Field, ObjectType } from 'type-graphql';
import { MoneyType } from './common.types.js';
import { DateScalar } from './scalars.js';

@ObjectType('InvoiceTransfer', {
  description:
    "How to pay an invoice by bank transfer (SEPA credit transfer): the company's account, the reference to give, the amount left, and the European Payments Council's QR code of it all.",
})
export class InvoiceTransferType {
  @Field({ description: 'Account holder: the company.' })
  holder!: string;

  @Field({ description: 'IBAN, without spaces.' })
  iban!: string;

  @Field(() => String, { nullable: true, description: 'BIC of the bank, when Tryton has it.' })
  bic!: string | null;

  @Field({ description: "The invoice number, to give as the transfer's reference." })
  reference!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 11649 structured creditor reference ("RF" and check digits) made from the invoice number; null when the number has more than 21 letters and digits.',
  })
  creditorReference!: string | null;

  @Field(() => MoneyType, { description: 'What is left to pay, in euros.' })
  amount!: MoneyType;

  @Field({
    description:
      'The text of the EPC QR code ("SEPA credit transfer", EPC069-12 version 002, UTF-8, fields separated by LF): BCD, 002, 1, SCT, BIC, holder, IBAN, EUR and the amount, an empty purpose, then the creditor reference, or else the invoice number as text. Render it yourself with error correction level M.',
  })
  epcPayload!: string;
}

@ObjectType('InvoicePayment', {
  description:
    'A payment Tryton recorded on an invoice (a partial payment, or one that settled it).',
})
export class InvoicePaymentType {
  @Field(() => DateScalar, { nullable: true, description: 'Day it was booked.' })
  date!: string | null;

  @Field(() => MoneyType, {
    description: 'What it took off the amount due (negative for a refund).',
  })
  amount!: MoneyType;

  @Field(() => String, {
    nullable: true,
    description: 'How it was paid: the journal Tryton booked it in, e.g. "Bank".',
  })
  method!: string | null;

  @Field(() => String, { nullable: true, description: 'Its description in Tryton.' })
  description!: string | null;
}
