import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import type { Invoice, Payment, Transfer } from '../models.js';
import { NestedFirst } from './common.types.js';
import { InvoiceType } from './invoice.types.js';
import { InvoicePaymentType, InvoiceTransferType } from './payment.types.js';

/** How an invoice is paid: its transfer details and the payments Tryton recorded. */
@Resolver(() => InvoiceType)
export class InvoicePaymentResolver {
  @FieldResolver(() => InvoiceTransferType, {
    nullable: true,
    description:
      'How to pay the invoice by bank transfer, with its EPC QR code. Null when there is nothing to pay that way: the invoice is paid or cancelled, nothing is left to pay, it is not in euros, or the company has no euro account with a valid IBAN in Tryton.',
  })
  async transfer(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Transfer | null> {
    return await ctx.services().payments.transfer(invoice);
  }

  @FieldResolver(() => [InvoicePaymentType], {
    description:
      'The payments Tryton recorded on the invoice, oldest first: partial payments, and the ones that settled it. What is left is `amountDue`.',
  })
  async payments(
    @Root() invoice: Invoice,
    @NestedFirst() first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Payment[]> {
    return await ctx.services().payments.payments(invoice, first);
  }
}

@Resolver(() => InvoiceTransferType)
export class InvoiceTransferResolver {
  @FieldResolver(() => String, {
    description:
      'The EPC QR code of `epcPayload` as an SVG document (error correction M, one unit per module, 4-module quiet zone): show it at 4 cm or more for banking apps to scan.',
  })
  async qrSvg(@Root() transfer: Transfer, @Ctx() ctx: GraphQLContext): Promise<string> {
    return await ctx.services().payments.qrSvg(transfer);
  }
}
