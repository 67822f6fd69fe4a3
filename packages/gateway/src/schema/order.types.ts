import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { Shipment } from '../models.js';
import { AuthorType, MoneyType, Node } from './common.types.js';
import { ConnectionType } from './connection.types.js';
import { DateScalar } from './scalars.js';

export enum OrderStateEnum {
  REQUESTED = 'REQUESTED',
  QUOTATION = 'QUOTATION',
  CONFIRMED = 'CONFIRMED',
  PROCESSING = 'PROCESSING',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStateEnum, {
  name: 'OrderState',
  description:
    "Where an order stands. REQUESTED: a request the customer made on the portal (a re-order), awaiting the company's review; the company's own drafts are never shown.",
});

export enum OrderInvoiceStateEnum {
  NONE = 'NONE',
  WAITING = 'WAITING',
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  PAID = 'PAID',
  EXCEPTION = 'EXCEPTION',
}
registerEnumType(OrderInvoiceStateEnum, {
  name: 'OrderInvoiceState',
  description: 'Invoicing of an order.',
  valuesConfig: {
    NONE: { description: 'Nothing to invoice (yet).' },
    WAITING: { description: 'To be invoiced: no invoice issued yet.' },
    AWAITING_PAYMENT: {
      description: 'Invoiced: an invoice is issued and not (fully) paid. Tryton 7.0 and later.',
    },
    PAID: { description: 'Every invoice is paid.' },
    EXCEPTION: { description: 'An invoice was cancelled or needs attention.' },
  },
});

export enum OrderShipmentStateEnum {
  NONE = 'NONE',
  WAITING = 'WAITING',
  SENT = 'SENT',
  EXCEPTION = 'EXCEPTION',
}
registerEnumType(OrderShipmentStateEnum, {
  name: 'OrderShipmentState',
  description: 'Delivery of an order.',
});

@InputType('OrderFilter', { description: 'Narrows an order list; all given criteria apply.' })
export class OrderFilterInput {
  @Field(() => [OrderStateEnum], { nullable: true, description: 'Only these states.' })
  states?: OrderStateEnum[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ordered on or after this day.' })
  dateFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ordered on or before this day.' })
  dateTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the order number or of your reference, matched literally (% and _ are not wildcards); 100 characters at most, else BAD_USER_INPUT.',
  })
  search?: string | null;
}

@ObjectType('Order', { implements: Node, description: 'An order (a Tryton sale) of the customer.' })
export class OrderType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'Order number, e.g. "CV-00042".' })
  number!: string;

  @Field(() => String, { nullable: true, description: "The customer's own reference." })
  reference!: string | null;

  @Field(() => String, { nullable: true, description: 'A description of the order.' })
  description!: string | null;

  @Field(() => OrderStateEnum, { description: 'State of the order.' })
  state!: OrderStateEnum;

  @Field(() => DateScalar, { nullable: true, description: 'Order date.' })
  date!: string | null;

  @Field(() => MoneyType, { description: 'Total without taxes.' })
  untaxedAmount!: MoneyType;

  @Field(() => MoneyType, { description: 'Taxes.' })
  taxAmount!: MoneyType;

  @Field(() => MoneyType, { description: 'Total with taxes.' })
  totalAmount!: MoneyType;

  @Field(() => OrderInvoiceStateEnum, { description: 'Invoicing state.' })
  invoiceState!: OrderInvoiceStateEnum;

  @Field(() => OrderShipmentStateEnum, { description: 'Delivery state.' })
  shipmentState!: OrderShipmentStateEnum;

  @Field({
    description:
      'Opaque version of the order: send it back with a write (acceptQuotation, declineQuotation); if the order changed since, the write is refused with CONFLICT and nothing is written.',
  })
  version!: string;

  @Field(() => AuthorType, {
    nullable: true,
    description: 'Who asked for it on the portal (a re-order); null otherwise.',
  })
  requestedBy!: AuthorType | null;

  @Field(() => AuthorType, {
    nullable: true,
    description: 'Who accepted the quotation on the portal; null otherwise.',
  })
  acceptedBy!: AuthorType | null;

  @Field(() => AuthorType, {
    nullable: true,
    description: 'Who declined the quotation on the portal; null otherwise.',
  })
  declinedBy!: AuthorType | null;
}

@ObjectType('Shipment', { implements: Node, description: 'A delivery of an order.' })
export class ShipmentType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Delivery note number.' })
  number!: string | null;

  @Field({
    description: "Tryton's shipment state: waiting, assigned, picked, packed, done, cancelled.",
  })
  state!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Planned delivery day.' })
  plannedDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was delivered.' })
  effectiveDate!: string | null;
}

export function shipmentNode(shipment: Shipment): ShipmentType & { __typename: 'Shipment' } {
  return { ...shipment, id: toGlobalId('Shipment', shipment.id), __typename: 'Shipment' };
}

export const OrderConnectionType = ConnectionType(OrderType, {
  name: 'Order',
  one: 'an order',
  many: 'orders',
});
