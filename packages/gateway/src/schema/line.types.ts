import { Field, Float, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { Line, Product } from '../models.js';
import { MoneyType, Node } from './common.types.js';

@ObjectType('Product', {
  implements: Node,
  description:
    'A product of the catalogue, as your order and invoice lines name it: `node(id:)` finds only the products on your own lines.',
})
export class ProductType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'Name, in the language of the request.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Product code.' })
  code!: string | null;
}

/** The fields order and invoice lines share, declared once (type-graphql's inheritance). */
@ObjectType()
abstract class LineFields implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
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

// Two GraphQL types of one shape: each has its own kind of global id.
@ObjectType('OrderLine', { implements: Node, description: 'A line of an order.' })
export class OrderLineType extends LineFields {}

@ObjectType('InvoiceLine', { implements: Node, description: 'A line of an invoice.' })
export class InvoiceLineType extends LineFields {}

export function productNode(product: Product): ProductType & { __typename: 'Product' } {
  return { ...product, id: toGlobalId('Product', product.id), __typename: 'Product' };
}

/** A line as either type: the same shape, its own kind of global id. */
function lineNode<T extends 'OrderLine' | 'InvoiceLine'>(line: Line, type: T) {
  return {
    ...line,
    id: toGlobalId(type, line.id),
    product: line.product ? productNode(line.product) : null,
    __typename: type,
  };
}

export function orderLineNode(line: Line): OrderLineType & { __typename: 'OrderLine' } {
  return lineNode(line, 'OrderLine');
}

export function invoiceLineNode(line: Line): InvoiceLineType & { __typename: 'InvoiceLine' } {
  return lineNode(line, 'InvoiceLine');
}
