import {
  Arg,
  Ctx,
  Extensions,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { notFound } from '../errors.js';
import { fromGlobalId } from '../ids.js';
import type { Order } from '../models.js';
import { nested } from '../pagination.js';
import { COUNT_OF, NestedFirst } from './common.types.js';
import {
  type ComplaintNode,
  ComplaintObjectType,
  ComplaintTypeType,
  complaintNode,
  complaintTypeNode,
  FileComplaintInput,
  FileComplaintPayloadType,
} from './complaint.types.js';
import { DocumentType, documentNode } from './document.types.js';
import { OrderLineType, orderLineNode } from './line.types.js';
import { OrderType } from './order.types.js';
import { WRITE } from './order-writes.resolver.js';

/** The Tryton id in a global id of `type`, or NOT_FOUND: a foreign id reads like a missing one. */
function idOf(id: string, type: 'Order' | 'OrderLine', what: string): number {
  const parsed = fromGlobalId(id);
  const value = Number(parsed.key);
  if (parsed.type !== type || !Number.isSafeInteger(value) || value <= 0) throw notFound(what);
  return value;
}

/** A complaint type's id (the plain Tryton id `complaintTypes` gives), or NOT_FOUND. */
function typeId(id: string): number {
  const value = Number(id);
  if (!/^\d{1,12}$/.test(id) || !Number.isSafeInteger(value) || value <= 0)
    throw notFound('The kind of problem');
  return value;
}

@Resolver(() => OrderType)
export class OrderComplaintsResolver {
  @FieldResolver(() => [ComplaintObjectType], {
    description: 'Problems reported on the order or its lines, newest first.',
  })
  async complaints(@Root() order: Order, @NestedFirst() first: number, @Ctx() ctx: GraphQLContext) {
    const complaints = await ctx.services().complaints.forOrder(order);
    return nested(complaints, first).map(complaintNode);
  }

  @FieldResolver(() => Int, { description: COUNT_OF('complaints') })
  async complaintCount(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.services().complaints.forOrder(order)).length;
  }
}

@Resolver(() => ComplaintObjectType)
export class ComplaintResolver {
  @Allow('orders:read')
  @FieldResolver(() => OrderLineType, {
    nullable: true,
    description: 'The order line it is about; null: the whole order.',
  })
  async line(@Root() complaint: ComplaintNode, @Ctx() ctx: GraphQLContext) {
    if (complaint.lineId === null) return null;
    const line = await ctx.services().orders.line(complaint.lineId);
    return line ? orderLineNode(line) : null;
  }

  // Files are documents: a role reads them with its documents (Tryton's attachment rule too).
  @Allow('documents:read')
  @FieldResolver(() => [DocumentType], { description: 'The files sent with it.' })
  async files(@Root() complaint: ComplaintNode, @Ctx() ctx: GraphQLContext) {
    const files = await ctx.services().complaints.files(complaint.rowId);
    return files.map(documentNode);
  }

  @Allow('orders:read')
  @Query(() => [ComplaintTypeType], {
    description: 'The kinds of problem a customer may report on an order (the company’s list).',
  })
  async complaintTypes(@Ctx() ctx: GraphQLContext): Promise<ComplaintTypeType[]> {
    return (await ctx.services().complaints.types()).map(complaintTypeNode);
  }

  @Allow('orders:write')
  @Extensions(WRITE)
  @Mutation(() => FileComplaintPayloadType, {
    description:
      'Reports a problem with an order (confirmed, processing or done), or with some of its lines: a complaint is filed in Tryton for the company to handle (one per line), and the company is told by e-mail. NOT_FOUND (not your order, or a line not of it), CONFLICT (the order changed since it was shown: extensions.current), INVALID_STATE (not confirmed yet, or cancelled), VALIDATION_FAILED (extensions.fieldErrors: description REQUIRED or TOO_LONG, typeId INVALID_TYPE, files.<i> FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED, FILE_EMPTY, FILE_NAME, files TOO_MANY_FILES), IDEMPOTENCY_KEY_REUSED.',
  })
  async fileComplaint(@Arg('input') input: FileComplaintInput, @Ctx() ctx: GraphQLContext) {
    const filed = await ctx.services().complaints.file({
      orderId: idOf(input.orderId, 'Order', 'The order'),
      version: input.version,
      idempotencyKey: input.idempotencyKey,
      typeId: typeId(input.typeId),
      description: input.description,
      lineIds: (input.lineIds ?? []).map((id) => idOf(id, 'OrderLine', 'The order line')),
      files: input.files ?? [],
    });
    return { ...filed, complaints: filed.complaints.map(complaintNode) };
  }
}
