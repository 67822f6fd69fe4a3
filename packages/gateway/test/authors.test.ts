import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRef, listOrders, signedIn } from './support/demo-orders.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const AUTHORS = 'requestedBy { email } acceptedBy { email } declinedBy { email }';
const ORDER_FIELDS = `id number reference state version ${AUTHORS}`;
const ORDER = `query ($n: String!) { viewer { order(number: $n) { id state ${AUTHORS} } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { id ... on Order { ${AUTHORS} } } }`;
const ACCEPT = `mutation ($input: AcceptQuotationInput!) { acceptQuotation(input: $input) {
  order { id state acceptedBy { email } } } }`;
const REORDER = `mutation ($input: ReorderInput!) { reorder(input: $input) {
  order { number state requestedBy { email } } } }`;
const CREATE_CONTACT = `mutation ($input: CreateContactInput!) { createContact(input: $input) {
  contact { id changedBy { email } } } }`;
const CONTACTS = '{ viewer { contactMechanisms { id value changedBy { email } } } }';
const TYPES = 'query { complaintTypes { id target } }';
const FILE = `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) {
  complaints { id filedBy { email } } } }`;
const COMPLAINTS = `query ($n: String!) { viewer { order(number: $n) {
  complaints { id filedBy { email } } } } }`;

type Author = { email: string } | null;
interface OrderNode {
  id: string;
  number: string;
  reference: string | null;
  state: string;
  version: string;
  requestedBy: Author;
  acceptedBy: Author;
  declinedBy: Author;
}

/**
 * Who did it (issue 16), against the real Tryton: the module records the member of the
 * credential on what it writes, and every member of the customer, only them, reads it.
 */
describe('authors of self-service writes', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let buyer: GraphQLSession;
  let jean: GraphQLSession;
  let maries: OrderNode[];

  beforeAll(async () => {
    stack = await startStack();
    const { customers, members } = stack.tryton;
    marie = await signedIn(stack, customers.marie);
    buyer = await signedIn(stack, members.buyer);
    jean = await signedIn(stack, customers.jean);
    maries = await listOrders<OrderNode>(buyer, ORDER_FIELDS);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('an order the staff wrote has no author', () => {
    const past = byRef(maries, 'DUP-2603-K');
    expect([past.requestedBy, past.acceptedBy, past.declinedBy]).toEqual([null, null, null]);
  });

  it('the buyer accepts and re-orders: every member of the company sees who', async () => {
    const { buyer: member } = stack.tryton.members;
    const quotation = byRef(maries, 'DUP-2611-A');
    const accepted = await buyer.query<{ acceptQuotation: { order: OrderNode } }>(ACCEPT, {
      input: {
        orderId: quotation.id,
        version: quotation.version,
        idempotencyKey: randomUUID(),
        name: 'Acheteur Dupont',
        acceptTerms: true,
      },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptQuotation.order.acceptedBy).toEqual({ email: member.email });
    // The administrator reads the same author, and nobody's name the client could send.
    const seen = await marie.query<{ viewer: { order: OrderNode } }>(ORDER, {
      n: quotation.number,
    });
    expect(seen.data?.viewer.order).toMatchObject({
      acceptedBy: { email: member.email },
      declinedBy: null,
      requestedBy: null,
    });

    const reordered = await buyer.query<{ reorder: { order: OrderNode } }>(REORDER, {
      input: { orderId: byRef(maries, 'DUP-2603-K').id, idempotencyKey: randomUUID() },
    });
    expect(reordered.errors).toBeUndefined();
    expect(reordered.data?.reorder.order).toMatchObject({
      state: 'REQUESTED',
      requestedBy: { email: member.email },
    });
    const request = await marie.query<{ viewer: { order: OrderNode } }>(ORDER, {
      n: reordered.data?.reorder.order.number,
    });
    expect(request.data?.viewer.order.requestedBy).toEqual({ email: member.email });
  });

  it('a contact added on the portal names the member who added it', async () => {
    const created = await marie.query<{ createContact: { contact: { id: string } } }>(
      CREATE_CONTACT,
      {
        input: {
          idempotencyKey: randomUUID(),
          contact: { type: 'PHONE', value: '+33 4 78 00 00 42', name: 'Dépôt' },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createContact.contact.id;
    const contacts = await buyer.query<{
      viewer: { contactMechanisms: { id: string; changedBy: Author }[] };
    }>(CONTACTS);
    const contact = contacts.data?.viewer.contactMechanisms.find((c) => c.id === id);
    expect(contact?.changedBy).toEqual({ email: stack.tryton.customers.marie.email });
  });

  it('a complaint names the member who filed it', async () => {
    const { buyer: member } = stack.tryton.members;
    const types = await buyer.query<{ complaintTypes: { id: string; target: string }[] }>(TYPES);
    const typeId = types.data?.complaintTypes.find((t) => t.target === 'ORDER')?.id;
    const order = byRef(maries, 'DUP-2603-K');
    const filed = await buyer.query<{ fileComplaint: { complaints: { id: string }[] } }>(FILE, {
      input: {
        orderId: order.id,
        version: order.version,
        idempotencyKey: randomUUID(),
        typeId,
        description: 'Livrée en retard.',
      },
    });
    expect(filed.errors).toBeUndefined();
    const id = filed.data?.fileComplaint.complaints[0]?.id;
    const seen = await marie.query<{
      viewer: { order: { complaints: { id: string; filedBy: Author }[] } };
    }>(COMPLAINTS, { n: order.number });
    expect(seen.data?.viewer.order.complaints.find((c) => c.id === id)?.filedBy).toEqual({
      email: member.email,
    });
  });

  it('another customer reads no author of Marie’s records', async () => {
    const quotation = byRef(maries, 'DUP-2611-A');
    const other = await jean.query<{ node: unknown }>(NODE, { id: quotation.id });
    expect(other.errors).toBeUndefined();
    expect(other.data?.node).toBeNull();
    const emails = JSON.stringify(await listOrders<OrderNode>(jean, ORDER_FIELDS));
    expect(emails).not.toContain(stack.tryton.members.buyer.email);
    expect(emails).not.toContain(stack.tryton.customers.marie.email);
  });
});
