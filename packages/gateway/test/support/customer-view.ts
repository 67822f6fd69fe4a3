import { expect } from 'vitest';
import type { GraphQLResponse, GraphQLSession } from './stack.js';

/**
 * What one customer reaches through the API, for the isolation tests: every list, what hangs
 * off each record, and the searches, read in full so two customers' views can be compared.
 */

/** Every record a customer lists, in the API's order (newest first). */
export interface Found {
  orderNumbers: string[];
  /** In the order of the numbers; null where there is none. */
  orderReferences: (string | null)[];
  orderIds: string[];
  invoiceNumbers: string[];
  invoiceReferences: (string | null)[];
  invoiceIds: string[];
  pdfUrls: string[];
  documentIds: string[];
  documentUrls: string[];
  addressIds: string[];
}

const EVERYTHING = `{ viewer {
  addresses { id }
  orders(first: 100) { edges { node { id number reference } } }
  invoices(first: 100) { edges { node { id number reference pdfUrl } } }
  documents(first: 100) { edges { node { id url } } }
} }`;

/** The response's data, failing the test on any error: a broken query must not pass as empty. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeDefined();
  return response.data as T;
}

export const present = (values: (string | null)[]) => values.filter((v): v is string => v !== null);

/** The numbers whose number or reference contains `term`, as the search filter matches them. */
export function matching(numbers: string[], references: (string | null)[], term: string): string[] {
  const has = (value: string | null | undefined) =>
    value?.toLowerCase().includes(term.toLowerCase()) ?? false;
  return numbers.filter((n, i) => has(n) || has(references[i]));
}

/** Reads `Found` in one query; throws on any error. */
export async function everything(session: GraphQLSession): Promise<Found> {
  const result = await session.query<{
    viewer: {
      addresses: { id: string }[];
      orders: { edges: { node: { id: string; number: string; reference: string | null } }[] };
      invoices: {
        edges: { node: { id: string; number: string; reference: string | null; pdfUrl: string } }[];
      };
      documents: { edges: { node: { id: string; url: string } }[] };
    };
  }>(EVERYTHING);
  const v = result.data?.viewer;
  if (!v || result.errors) throw new Error(JSON.stringify(result.errors));
  return {
    orderNumbers: v.orders.edges.map((e) => e.node.number),
    orderReferences: v.orders.edges.map((e) => e.node.reference),
    orderIds: v.orders.edges.map((e) => e.node.id),
    invoiceNumbers: v.invoices.edges.map((e) => e.node.number),
    invoiceReferences: v.invoices.edges.map((e) => e.node.reference),
    invoiceIds: v.invoices.edges.map((e) => e.node.id),
    pdfUrls: v.invoices.edges.map((e) => e.node.pdfUrl),
    documentIds: v.documents.edges.map((e) => e.node.id),
    documentUrls: v.documents.edges.map((e) => e.node.url),
    addressIds: v.addresses.map((a) => a.id),
  };
}

/** What hangs off a customer's orders and invoices, and the dashboard's figures. */
export interface Reach {
  contactMechanisms: { id: string; type: string; value: string }[];
  amountDue: { amount: string; currency: string };
  invoicedByMonth: { month: string; amount: { amount: string } }[];
  orders: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        number: string;
        reference: string | null;
        invoiceAddress: { id: string } | null;
        shipmentAddress: { id: string } | null;
        invoices: { id: string }[];
        shipments: { id: string; number: string | null }[];
        documents: { id: string }[];
      };
    }[];
  };
  invoices: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        number: string;
        state: string;
        date: string | null;
        totalAmount: { amount: string };
        amountDue: { amount: string };
        orders: { id: string }[];
      };
    }[];
  };
}

const REACH = `{ viewer {
  contactMechanisms { id type value }
  amountDue { amount currency }
  invoicedByMonth(months: 24) { month amount { amount } }
  orders(first: 30) { totalCount edges { node {
    id number reference invoiceAddress { id } shipmentAddress { id }
    invoices { id } shipments { id number } documents { id }
  } } }
  invoices(first: 30) { totalCount edges { node {
    id number state date totalAmount { amount } amountDue { amount } orders { id }
  } } }
} }`;

/** Reads `Reach` in one query, checking that every order and invoice fits on the page. */
export async function reach(session: GraphQLSession): Promise<Reach> {
  const { viewer } = ok(await session.query<{ viewer: Reach }>(REACH));
  // Every record is on the page, so the checks below see all of them.
  expect(viewer.orders.edges).toHaveLength(viewer.orders.totalCount);
  expect(viewer.invoices.edges).toHaveLength(viewer.invoices.totalCount);
  return viewer;
}

export const nodes = <T>(c: { edges: { node: T }[] }): T[] => c.edges.map((e) => e.node);

const SEARCH_ORDERS = `query ($filter: OrderFilter) { viewer {
  orders(first: 100, filter: $filter) { totalCount edges { node { number } } } } }`;
const SEARCH_INVOICES = `query ($filter: InvoiceFilter) { viewer {
  invoices(first: 100, filter: $filter) { totalCount edges { node { number } } } } }`;
type Numbers<K extends string> = {
  viewer: Record<K, { totalCount: number; edges: { node: { number: string } }[] }>;
};

/** The numbers an order or invoice list gives for `filter`, all on one page. */
export async function searchNumbers(
  session: GraphQLSession,
  list: 'orders' | 'invoices',
  filter: Record<string, unknown>,
): Promise<string[]> {
  const query = list === 'orders' ? SEARCH_ORDERS : SEARCH_INVOICES;
  const { viewer } = ok(await session.query<Numbers<typeof list>>(query, { filter }));
  const numbers = viewer[list].edges.map((e) => e.node.number);
  expect(viewer[list].totalCount).toBe(numbers.length);
  return numbers;
}
