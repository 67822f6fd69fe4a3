import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Viewer } from '../auth/auth.service.js';
import { Allow, allows, forbidden, MEMBER, type Permission } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { badInput, unauthenticated } from '../errors.js';
import { fromGlobalId, type NodeType } from '../ids.js';
import { addressNode, contactMechanismNode } from './address.types.js';
import { Node } from './common.types.js';
import { complaintNode } from './complaint.types.js';
import { apiTokenNode } from './customer.types.js';
import { documentNode } from './document.types.js';
import { invoiceLineNode, orderLineNode, productNode } from './line.types.js';
import { memberNode } from './member.types.js';
import { shipmentNode } from './order.types.js';

type Found = { __typename: NodeType } | null;

/** How a node of each type is found: one service call, which sees the customer's own only. */
type Finder = (ctx: GraphQLContext, viewer: Viewer, key: string) => Promise<Found>;

/** The Tryton id of every key but a Document's (`invoice-12`, `attachment-3`). */
function numeric(key: string): number {
  const value = Number(key);
  if (!Number.isSafeInteger(value) || value <= 0) throw badInput('Malformed id.', 'id');
  return value;
}

function found<T>(value: T | null, toNode: (value: T) => Found): Found {
  return value ? toNode(value) : null;
}

const FINDERS: Record<NodeType, Finder> = {
  Customer: async (_, viewer, key) =>
    numeric(key) === viewer.customer.webUserId
      ? { ...viewer.customer, __typename: 'Customer' }
      : null,
  Order: async (ctx, _, key) =>
    found(await ctx.services().orders.byId(numeric(key)), (order) => ({
      ...order,
      __typename: 'Order',
    })),
  OrderLine: async (ctx, _, key) =>
    found(await ctx.services().orders.line(numeric(key)), orderLineNode),
  Shipment: async (ctx, _, key) =>
    found(await ctx.services().orders.shipment(numeric(key)), shipmentNode),
  Invoice: async (ctx, _, key) =>
    found(await ctx.services().invoices.byId(numeric(key)), (invoice) => ({
      ...invoice,
      __typename: 'Invoice',
    })),
  InvoiceLine: async (ctx, _, key) =>
    found(await ctx.services().invoices.line(numeric(key)), invoiceLineNode),
  Product: async (ctx, _, key) =>
    found(await ctx.services().products.byId(numeric(key)), productNode),
  Document: async (ctx, _, key) => found(await ctx.services().documents.byKey(key), documentNode),
  Address: async (ctx, _, key) =>
    found(await ctx.services().account.address(numeric(key)), addressNode),
  ContactMechanism: async (ctx, _, key) =>
    found(await ctx.services().account.contactMechanism(numeric(key)), contactMechanismNode),
  ApiToken: async (ctx, viewer, key) =>
    found(await ctx.auth.apiToken(viewer, numeric(key)), apiTokenNode),
  Complaint: async (ctx, _, key) =>
    found(await ctx.services().complaints.byId(numeric(key)), complaintNode),
  Member: async (ctx, _, key) => found(await ctx.services().members.byId(numeric(key)), memberNode),
};

/** What reading a node of each type needs: the same as the list it is found in. */
const NODE_PERMISSIONS: Record<NodeType, Permission> = {
  Customer: MEMBER,
  Order: 'orders:read',
  OrderLine: 'orders:read',
  Shipment: 'orders:read',
  Invoice: 'invoices:read',
  InvoiceLine: 'invoices:read',
  Product: MEMBER,
  Document: 'documents:read',
  Address: MEMBER,
  ContactMechanism: MEMBER,
  ApiToken: MEMBER,
  Member: 'members:manage',
  Complaint: 'orders:read',
};

@Resolver()
export class NodeResolver {
  @Allow(MEMBER)
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object of the customer by its global id; null if not found or not theirs; FORBIDDEN when the role may not read that type (an order for an accountant). A product is found only if one of their order or invoice lines names it.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Found> {
    if (!ctx.viewer) throw unauthenticated();
    const { type, key } = fromGlobalId(id);
    const needed = [NODE_PERMISSIONS[type]];
    if (!allows(ctx.viewer.customer.scopes, needed))
      throw forbidden(needed, ctx.viewer.customer.role);
    return await FINDERS[type](ctx, ctx.viewer, key);
  }
}
