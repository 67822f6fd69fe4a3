import { expect } from 'vitest';
import type { GraphQLSession } from './stack.js';

/**
 * What the write tests start from: browsers signed in as the demo's customers and members,
 * and the customers' orders, found by the references the demo data gives them.
 */

/** A browser signed in as `who` (a customer or member of the demo); fails the test otherwise. */
export async function signedIn(
  stack: { session(): GraphQLSession },
  who: { email: string; password: string },
): Promise<GraphQLSession> {
  const session = stack.session();
  expect((await session.login(who.email, who.password)).errors).toBeUndefined();
  return session;
}

const ORDERS = (fields: string) => `query ($filter: OrderFilter) { viewer {
  orders(first: 50, filter: $filter) { edges { node { ${fields} } } } } }`;

/** The session's orders (newest first, 50 at most: all of a demo customer's), with `fields`. */
export async function listOrders<T>(
  session: GraphQLSession,
  fields: string,
  filter: Record<string, unknown> = {},
): Promise<T[]> {
  const r = await session.query<{ viewer: { orders: { edges: { node: T }[] } } }>(ORDERS(fields), {
    filter,
  });
  expect(r.errors).toBeUndefined();
  return (r.data?.viewer.orders.edges ?? []).map((e) => e.node);
}

/** The order with this reference of the demo data; a missing one fails the test. */
export function byRef<T extends { reference: string | null }>(orders: T[], reference: string): T {
  const found = orders.find((o) => o.reference === reference);
  if (!found) throw new Error(`no order ${reference}`);
  return found;
}
