import { badInput } from './errors.js';

/** The types that have global ids: every GraphQL type with an `id`, all of them Nodes. */
const NODE_TYPES = [
  'Customer',
  'Order',
  'OrderLine',
  'Invoice',
  'InvoiceLine',
  'Shipment',
  'Product',
  'Document',
  'Address',
  'ContactMechanism',
  'ApiToken',
  'Complaint',
  'Member',
] as const;

export type NodeType = (typeof NODE_TYPES)[number];

const KNOWN = new Set<string>(NODE_TYPES);

/**
 * Global ids are opaque: base64url of `Type:key`. Opaque is not secret: every lookup still
 * goes through Tryton's record rules and the customer's party domain.
 */
export function toGlobalId(type: NodeType, key: string | number): string {
  return Buffer.from(`${type}:${key}`).toString('base64url');
}

export function fromGlobalId(id: string): { type: NodeType; key: string } {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(id) ? Buffer.from(id, 'base64url').toString() : '';
  const index = text.indexOf(':');
  const type = text.slice(0, index);
  const key = text.slice(index + 1);
  if (index < 1 || !KNOWN.has(type) || !key) throw badInput('Malformed id.', 'id');
  return { type: type as NodeType, key };
}

/** The Tryton id inside a global id of `type`; anything else is BAD_USER_INPUT. */
export function recordId(id: string, type: NodeType): number {
  const parsed = fromGlobalId(id);
  const value = Number(parsed.key);
  if (parsed.type !== type || !Number.isSafeInteger(value) || value <= 0) {
    throw badInput(`Not an id of ${type}.`, 'id');
  }
  return value;
}
