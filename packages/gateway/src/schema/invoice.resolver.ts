import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { toGlobalId } from '../ids.js';
import type { Invoice, Order } from '../models.js';
import { nested, nestedLimit } from '../pagination.js';
import { NestedFirst } from './common.types.js';
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

  @FieldResolver(() => [InvoiceTaxType], { description: 'Tax summary.' })
  async taxes(@Root() invoice: Invoice, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    const taxIds = nested(invoice.taxIds, first);
    return await ctx.services().invoices.taxes({ ...invoice, taxIds });
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

  @FieldResolver(() => String, {
    description: 'Where to download the PDF (GET, with the session cookie or a bearer token).',
  })
  pdfUrl(@Root() invoice: Invoice): string {
    return `/downloads/invoices/${toGlobalId('Invoice', invoice.id)}.pdf`;
  }
}
