import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { toGlobalId } from '../ids.js';
import type { Invoice, Order } from '../models.js';
import { nested, nestedLimit } from '../pagination.js';
import { AddressType, addressNode } from './address.types.js';
import { COUNT_OF, NestedFirst } from './common.types.js';
import { DocumentType, documentNode } from './document.types.js';
import { InvoiceType } from './invoice.types.js';
import { OrderLineType, orderLineNode } from './line.types.js';
import { OrderType, ShipmentType, shipmentNode } from './order.types.js';

@Resolver(() => OrderType)
export class OrderResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() order: Order): string {
    return toGlobalId('Order', order.id);
  }

  @FieldResolver(() => AddressType, { nullable: true, description: 'Where the invoice goes.' })
  async invoiceAddress(@Root() order: Order, @Ctx() ctx: GraphQLContext) {
    const address = await ctx.services().orders.address(order.invoiceAddressId);
    return address ? addressNode(address) : null;
  }

  @FieldResolver(() => AddressType, { nullable: true, description: 'Where the goods go.' })
  async shipmentAddress(@Root() order: Order, @Ctx() ctx: GraphQLContext) {
    const address = await ctx.services().orders.address(order.shipmentAddressId);
    return address ? addressNode(address) : null;
  }

  @Allow('orders:read')
  @FieldResolver(() => [OrderLineType], { description: 'Product lines of the order.' })
  async lines(@Root() order: Order, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    const lineIds = nested(order.lineIds, first);
    return (await ctx.services().orders.lines({ ...order, lineIds })).map(orderLineNode);
  }

  @Allow('orders:read')
  @FieldResolver(() => Int, { description: COUNT_OF('lines') })
  lineCount(@Root() order: Order): number {
    return order.lineIds.length;
  }

  @Allow('invoices:read')
  @FieldResolver(() => [InvoiceType], {
    description: 'Invoices of the order (posted, paid or cancelled).',
  })
  async invoices(
    @Root() order: Order,
    @NestedFirst() first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Invoice[]> {
    const invoiceIds = nested(order.invoiceIds, first);
    return await ctx.services().orders.invoices({ ...order, invoiceIds });
  }

  @Allow('invoices:read')
  @FieldResolver(() => Int, { description: COUNT_OF('invoices') })
  async invoiceCount(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<number> {
    return await ctx.services().orders.invoiceCount(order);
  }

  @Allow('orders:read')
  @FieldResolver(() => [ShipmentType], { description: 'Deliveries of the order.' })
  async shipments(@Root() order: Order, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    const shipmentIds = nested(order.shipmentIds, first);
    return (await ctx.services().orders.shipments({ ...order, shipmentIds })).map(shipmentNode);
  }

  @Allow('orders:read')
  @FieldResolver(() => Int, { description: COUNT_OF('shipments') })
  async shipmentCount(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<number> {
    return await ctx.services().orders.shipmentCount(order);
  }

  @Allow('documents:read')
  @FieldResolver(() => [DocumentType], { description: 'Files attached to the order.' })
  async documents(@Root() order: Order, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    nestedLimit(first);
    const documents = await ctx.services().documents.forRecord('ORDER', order);
    return nested(documents, first).map(documentNode);
  }

  @Allow('documents:read')
  @FieldResolver(() => Int, { description: COUNT_OF('documents') })
  async documentCount(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.services().documents.forRecord('ORDER', order)).length;
  }
}
