import { Arg, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { notFound } from '../errors.js';
import { fromGlobalId } from '../ids.js';
import type { WrittenOrder } from '../services/order-writes.service.js';
import type { LeftOutLine } from '../tryton/order-writes.mapper.js';
import {
  AcceptQuotationInput,
  DeclineQuotationInput,
  OrderWritePayloadType,
  ReorderInput,
  ReorderPayloadType,
} from './order-writes.types.js';

/** Marks a mutation as a write: it costs more and spends the customer's write rate (quotas). */
export const WRITE = { write: true } as const;

/** An order's id, or NOT_FOUND: a malformed or foreign id reads like a missing order. */
function orderId(id: string): number {
  const parsed = fromGlobalId(id);
  const value = Number(parsed.key);
  if (parsed.type !== 'Order' || !Number.isSafeInteger(value) || value <= 0)
    throw notFound('The order');
  return value;
}

@Resolver()
export class OrderWritesResolver {
  @Extensions(WRITE)
  @Allow('orders:write')
  @Mutation(() => OrderWritePayloadType, {
    description:
      "Accepts a quotation: the order is confirmed in Tryton and the company is told by e-mail. Who, when and from which IP are kept for the company's staff. NOT_FOUND (not yours), INVALID_STATE (not a quotation any more), QUOTATION_EXPIRED, CONFLICT, VALIDATION_FAILED (extensions.fieldErrors), IDEMPOTENCY_KEY_REUSED.",
  })
  async acceptQuotation(
    @Arg('input') input: AcceptQuotationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WrittenOrder> {
    const id = orderId(input.orderId);
    return await ctx.services().orderWrites.acceptQuotation(
      id,
      input.version,
      input.idempotencyKey,
      {
        name: input.name,
        poReference: input.poReference ?? null,
        acceptTerms: input.acceptTerms,
      },
      ctx.ip,
    );
  }

  @Extensions(WRITE)
  @Allow('orders:write')
  @Mutation(() => OrderWritePayloadType, {
    description:
      'Declines a quotation: the order is cancelled in Tryton and the company is told by e-mail. Same errors as acceptQuotation, but QUOTATION_EXPIRED.',
  })
  async declineQuotation(
    @Arg('input') input: DeclineQuotationInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WrittenOrder> {
    const id = orderId(input.orderId);
    return await ctx
      .services()
      .orderWrites.declineQuotation(
        id,
        input.version,
        input.idempotencyKey,
        input.reason ?? null,
        ctx.ip,
      );
  }

  @Extensions(WRITE)
  @Allow('orders:write')
  @Mutation(() => ReorderPayloadType, {
    description:
      "Orders the products and quantities of a past order again, at today's prices: a new request (state REQUESTED) awaiting the company's review. Lines of products no longer sold are left out and listed; when none is left, NOTHING_TO_ORDER (extensions.leftOut). NOT_FOUND, IDEMPOTENCY_KEY_REUSED.",
  })
  async reorder(
    @Arg('input') input: ReorderInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WrittenOrder & { leftOut: LeftOutLine[] }> {
    const id = orderId(input.orderId);
    return await ctx.services().orderWrites.reorder(id, input.idempotencyKey);
  }
}
