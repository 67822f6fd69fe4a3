import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { toGlobalId } from '../ids.js';
import type { Invoice, Order } from '../models.js';
import { nested, nestedLimit } from '../pagination.js';
import { COUNT_OF, NestedFirst } from './common.types.js';
import { DocumentType, documentNode } from './document.types.js';
import { InvoiceTaxType, InvoiceType } from './invoice.types.js';
import { InvoiceLineType, invoiceLineNode } from './line.types.js';
import { OrderType } from './order.types.js';

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() invoice: Invoice): string {
    return toGlobalId('Invoice', invoice.id);
  }

  @Allow('invoices:read')
  @FieldResolver(() => [InvoiceLineType], { description: 'Lines of the invoice.' })
  async lines(@Root() invoice: Invoice, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    const lineIds = nested(invoice.lineIds, first);
    return (await ctx.services().invoices.lines({ ...invoice, lineIds })).map(invoiceLineNode);
  }

  @Allow('invoices:read')
  @FieldResolver(() => Int, { description: COUNT_OF('lines') })
  lineCount(@Root() invoice: Invoice): number {
    return invoice.lineIds.length;
  }

  @FieldResolver(() => [InvoiceTaxType], { description: 'Tax summary.' })
  async taxes(@Root() invoice: Invoice, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    const taxIds = nested(invoice.taxIds, first);
    return await ctx.services().invoices.taxes({ ...invoice, taxIds });
  }

  @FieldResolver(() => Int, { description: COUNT_OF('taxes') })
  taxCount(@Root() invoice: Invoice): number {
    return invoice.taxIds.length;
  }

  @Allow('orders:read')
  @FieldResolver(() => [OrderType], { description: 'The orders this invoice bills.' })
  async orders(
    @Root() invoice: Invoice,
    @NestedFirst() first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Order[]> {
    return await ctx.services().orders.byIds(nested(invoice.orderIds, first));
  }

  @Allow('orders:read')
  @FieldResolver(() => Int, { description: COUNT_OF('orders') })
  async orderCount(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<number> {
    return await ctx.services().invoices.orderCount(invoice);
  }

  @Allow('documents:read')
  @FieldResolver(() => [DocumentType], {
    description: 'Files attached to the invoice (its PDF is `pdfUrl`).',
  })
  async documents(
    @Root() invoice: Invoice,
    @NestedFirst() first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    nestedLimit(first);
    const documents = await ctx.services().documents.forRecord('INVOICE', invoice);
    return nested(documents, first).map(documentNode);
  }

  @Allow('documents:read')
  @FieldResolver(() => Int, { description: COUNT_OF('documents') })
  async documentCount(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.services().documents.forRecord('INVOICE', invoice)).length;
  }

  @FieldResolver(() => String, {
    description: 'Where to download the PDF (GET, with the session cookie or a bearer token).',
  })
  pdfUrl(@Root() invoice: Invoice): string {
    return `/downloads/invoices/${toGlobalId('Invoice', invoice.id)}.pdf`;
  }
}
