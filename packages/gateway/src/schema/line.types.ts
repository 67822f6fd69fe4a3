import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { Line } from '../models.js';
import { MoneyType } from './common.types.js';

@ObjectType('Product', { description: 'A product of the catalogue.' })
export class ProductType {
  @Field(() => ID, { description: 'Id of the product.' })
  id!: string;

  @Field({ description: 'Name, in the language of the request.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Product code.' })
  code!: string | null;
}

// Order and invoice lines have the same shape; two classes keep two GraphQL types.
@ObjectType('OrderLine', { description: 'A line of an order.' })
export class OrderLineType {
  @Field(() => ID, { description: 'Id of the line.' })
  id!: string;

  @Field(() => ProductType, { nullable: true, description: 'The product, if any.' })
  product!: ProductType | null;

  @Field({ description: 'What the line is for.' })
  description!: string;

  @Field(() => Float, { description: 'Quantity, in `unit` (may have decimals, e.g. 2.5 kg).' })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'Unit symbol, e.g. "kg" or "u".' })
  unit!: string | null;

  @Field(() => MoneyType, { nullable: true, description: 'Price of one unit, taxes excluded.' })
  unitPrice!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: 'Line amount, taxes excluded.' })
  amount!: MoneyType | null;

  @Field(() => [String], { description: 'Names of the taxes applied.' })
  taxes!: string[];
}

@ObjectType('InvoiceLine', { description: 'A line of an invoice.' })
export class InvoiceLineType {
  @Field(() => ID, { description: 'Id of the line.' })
  id!: string;

  @Field(() => ProductType, { nullable: true, description: 'The product, if any.' })
  product!: ProductType | null;

  @Field({ description: 'What the line is for.' })
  description!: string;

  @Field(() => Float, { description: 'Quantity, in `unit` (may have decimals, e.g. 2.5 kg).' })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'Unit symbol, e.g. "kg" or "u".' })
  unit!: string | null;

  @Field(() => MoneyType, { nullable: true, description: 'Price of one unit, taxes excluded.' })
  unitPrice!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: 'Line amount, taxes excluded.' })
  amount!: MoneyType | null;

  @Field(() => [String], { description: 'Names of the taxes applied.' })
  taxes!: string[];
}

export function lineNode(line: Line): OrderLineType {
  return {
    ...line,
    id: String(line.id),
    product: line.product ? { ...line.product, id: String(line.product.id) } : null,
  };
}
