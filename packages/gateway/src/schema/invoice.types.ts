import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyType, Node } from './common.types.js';
import { ConnectionType } from './connection.types.js';
import { DateScalar } from './scalars.js';

export enum InvoiceStateEnum {
  POSTED = 'POSTED',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InvoiceStateEnum, {
  name: 'InvoiceState',
  description: 'Where an invoice stands. Drafts are never shown.',
});

@InputType('InvoiceFilter', { description: 'Narrows an invoice list; all given criteria apply.' })
export class InvoiceFilterInput {
  @Field(() => [InvoiceStateEnum], { nullable: true, description: 'Only these states.' })
  states?: InvoiceStateEnum[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Invoiced on or after this day.' })
  dateFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Invoiced on or before this day.' })
  dateTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only invoices still to pay.' })
  unpaid?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only invoices past their due date and not paid.',
  })
  overdue?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the invoice number or reference, matched literally (% and _ are not wildcards); 100 characters at most, else BAD_USER_INPUT.',
  })
  search?: string | null;
}

@ObjectType('Invoice', { implements: Node, description: 'A customer invoice.' })
export class InvoiceType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'Invoice number, e.g. "FA2026-00012".' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'Reference.' })
  reference!: string | null;

  @Field(() => InvoiceStateEnum, { description: 'State.' })
  state!: InvoiceStateEnum;

  @Field(() => DateScalar, { nullable: true, description: 'Invoice date.' })
  date!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest due date of what is to pay.' })
  dueDate!: string | null;

  @Field({ description: 'True when something is still to pay after the due date.' })
  overdue!: boolean;

  @Field(() => MoneyType, { description: 'Total without taxes.' })
  untaxedAmount!: MoneyType;

  @Field(() => MoneyType, { description: 'Taxes.' })
  taxAmount!: MoneyType;

  @Field(() => MoneyType, { description: 'Total with taxes.' })
  totalAmount!: MoneyType;

  @Field(() => MoneyType, { description: 'What is left to pay.' })
  amountDue!: MoneyType;
}

@ObjectType('InvoiceTax', { description: 'A tax of an invoice.' })
export class InvoiceTaxType {
  @Field({ description: 'Tax name.' })
  description!: string;

  @Field(() => MoneyType, { description: 'Amount the tax applies to.' })
  base!: MoneyType;

  @Field(() => MoneyType, { description: 'Tax amount.' })
  amount!: MoneyType;
}

export const InvoiceConnectionType = ConnectionType(InvoiceType, {
  name: 'Invoice',
  one: 'an invoice',
  many: 'invoices',
});
