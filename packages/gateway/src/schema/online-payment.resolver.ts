import { Arg, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { notFound } from '../errors.js';
import { fromGlobalId } from '../ids.js';
import type { Invoice, OnlinePayment } from '../models.js';
import type { StartedPayment } from '../services/online-payments.service.js';
import { InvoiceType } from './invoice.types.js';
import {
  OnlinePaymentType,
  PayInvoiceInput,
  PayInvoicePayloadType,
} from './online-payment.types.js';
import { WRITE } from './order-writes.resolver.js';

/** An invoice's id, or NOT_FOUND: a malformed or foreign id reads like a missing invoice. */
function invoiceId(id: string): number {
  let parsed: ReturnType<typeof fromGlobalId>;
  try {
    parsed = fromGlobalId(id);
  } catch {
    throw notFound('The invoice');
  }
  const value = Number(parsed.key);
  if (parsed.type !== 'Invoice' || !Number.isSafeInteger(value) || value <= 0)
    throw notFound('The invoice');
  return value;
}

/** Paying an invoice online (Stripe, through Tryton's account_payment_stripe). */
@Resolver(() => InvoiceType)
export class InvoiceOnlinePaymentResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Whether the invoice can be paid online now (payInvoice): it is posted, something is left to pay, and the company takes online payments in its currency (a Stripe account in Tryton).',
  })
  async canPayOnline(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return await ctx.services().onlinePayments.canPay(invoice);
  }

  @FieldResolver(() => [OnlinePaymentType], {
    description: 'The payments started online on the invoice, oldest first, with their state.',
  })
  async onlinePayments(
    @Root() invoice: Invoice,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OnlinePayment[]> {
    return await ctx.services().onlinePayments.payments(invoice);
  }

  @Extensions(WRITE)
  @Allow('invoices:pay')
  @Mutation(() => PayInvoicePayloadType, {
    description:
      'Starts paying an invoice online: Tryton creates the payment and its Stripe checkout; send the customer to `checkoutUrl`. Stripe then tells Tryton the outcome (onlinePayments.state). NOT_FOUND (not yours), INVALID_STATE (not posted, or extensions.reason ONLINE_PAYMENT_UNAVAILABLE), VALIDATION_FAILED (extensions.fieldErrors on amount), IDEMPOTENCY_KEY_REUSED.',
  })
  async payInvoice(
    @Arg('input') input: PayInvoiceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StartedPayment> {
    return await ctx
      .services()
      .onlinePayments.pay(invoiceId(input.invoiceId), input.amount, input.idempotencyKey);
  }
}
