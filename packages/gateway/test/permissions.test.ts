import { TrytonClient } from '@portal/tryton-client';
import {
  type GraphQLArgument,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GuardedField, guardedFields } from '../src/auth/permission-fields.js';
import type { Role } from '../src/auth/permissions.js';
import { toGlobalId } from '../src/ids.js';
import { portalSchema } from '../src/schema/build.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const VIEWER_EMAIL = 'lecteur.dupont@example.fr';
/** An id no record has: a write allowed by the role reaches Tryton and answers NOT_FOUND. */
const MISSING = 999_999_999;
/** How a field of each type is reached from the viewer. */
const PATHS: Record<string, { wrap: (inner: string) => string }> = {
  Query: { wrap: (inner) => `{ ${inner} }` },
  Mutation: { wrap: (inner) => `mutation { ${inner} }` },
  Customer: { wrap: (inner) => `{ viewer { ${inner} } }` },
  Order: {
    wrap: (inner) => `{ viewer { orders(first: 1) { edges { node { ${inner} } } } } }`,
  },
  Invoice: {
    wrap: (inner) => `{ viewer { invoices(first: 1) { edges { node { ${inner} } } } } }`,
  },
  // The demo's order with an answered complaint (on a line, with no file).
  Complaint: {
    wrap: (inner) =>
      `{ viewer { orders(first: 1, filter: { search: "DUP-2607-G" }) { edges { node { complaints { ${inner} } } } } } }`,
  },
};
/** The record type an id argument names, by the argument's name. */
const ID_TYPES: Record<string, Parameters<typeof toGlobalId>[0]> = {
  orderId: 'Order',
  invoiceId: 'Invoice',
  addressId: 'Address',
  contactId: 'ContactMechanism',
  memberId: 'Member',
  id: 'ApiToken',
};

/** A literal of `type` for a required argument: valid in form, about nothing that exists. */
function literal(type: GraphQLInputType, name: string): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return `[${literal(inner.ofType, name)}]`;
  if (isEnumType(inner)) return inner.getValues()[0]?.name ?? '';
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields())
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => `${f.name}: ${literal(f.type, f.name)}`);
    return `{ ${fields.join(', ')} }`;
  }
  if (isScalarType(inner)) {
    if (inner.name === 'ID') return JSON.stringify(toGlobalId(ID_TYPES[name] ?? 'Order', MISSING));
    if (inner.name === 'Int' || inner.name === 'Float') return '1';
    if (inner.name === 'Boolean') return 'false';
    return JSON.stringify(name === 'idempotencyKey' ? `matrix-${Math.random()}` : 'x');
  }
  throw new Error(`no literal for ${String(type)}`);
}

function args(list: readonly GraphQLArgument[]): string {
  const required = list.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length
    ? `(${required.map((a) => `${a.name}: ${literal(a.type, a.name)}`).join(', ')})`
    : '';
}

/** One operation that resolves exactly `guarded` (and the path to it). */
function operation(guarded: GuardedField): string {
  const path = PATHS[guarded.type.name];
  if (!path) throw new Error(`${guarded.path}: add a path to ${guarded.type.name} in PATHS`);
  const named = getNamedType(guarded.field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  // node(id:) is checked per type in its resolver: here, the viewer's own Customer.
  const fieldArgs =
    guarded.path === 'Query.node'
      ? `(id: "${toGlobalId('Customer', 0)}")`
      : args(guarded.field.args);
  return path.wrap(`${guarded.field.name}${fieldArgs}${selection}`);
}

type Who = Role | 'anonymous';

/**
 * Who may use what (issue 16), written down apart from the declarations: the matrix compares
 * the gateway's answers (and Tryton's, for writes) with this table. A field missing here
 * fails the test: a new field is added with the roles that may use it.
 */
const EVERYONE: Who[] = ['administrator', 'buyer', 'accountant', 'viewer', 'anonymous'];
const MEMBERS: Who[] = ['administrator', 'buyer', 'accountant', 'viewer'];
const READ_ORDERS: Who[] = ['administrator', 'buyer', 'viewer'];
const WRITE_ORDERS: Who[] = ['administrator', 'buyer'];
const READ_INVOICES: Who[] = ['administrator', 'accountant', 'viewer'];
const PAY: Who[] = ['administrator', 'accountant'];
const ADMINS: Who[] = ['administrator'];
const SPEC: Record<string, Who[]> = {
  'Query.viewer': EVERYONE,
  'Query.node': MEMBERS,
  'Customer.id': MEMBERS,
  'Customer.name': MEMBERS,
  'Customer.email': MEMBERS,
  'Customer.emailValidated': MEMBERS,
  'Customer.language': MEMBERS,
  'Customer.role': MEMBERS,
  'Customer.scopes': MEMBERS,
  'Customer.addresses': MEMBERS,
  'Customer.defaultDeliveryAddress': MEMBERS,
  'Customer.defaultInvoiceAddress': MEMBERS,
  'Customer.contactMechanisms': MEMBERS,
  'Customer.apiTokens': MEMBERS,
  // Configuration, the same for every customer: no data of theirs.
  'Customer.exportLimits': MEMBERS,
  'Customer.orders': READ_ORDERS,
  'Customer.order': READ_ORDERS,
  'Customer.invoices': READ_INVOICES,
  'Customer.invoice': READ_INVOICES,
  'Customer.invoicedByMonth': READ_INVOICES,
  'Customer.amountDue': READ_INVOICES,
  'Customer.documents': READ_INVOICES,
  'Customer.members': ADMINS,
  'Order.lines': READ_ORDERS,
  'Order.shipments': READ_ORDERS,
  // Reached through an order: a role must read both.
  'Order.invoices': ['administrator', 'viewer'],
  'Order.documents': ['administrator', 'viewer'],
  'Invoice.lines': READ_INVOICES,
  'Invoice.orders': ['administrator', 'viewer'],
  'Invoice.documents': READ_INVOICES,
  // A count tells as much as its list: the same roles.
  'Order.lineCount': READ_ORDERS,
  'Order.shipmentCount': READ_ORDERS,
  'Order.invoiceCount': ['administrator', 'viewer'],
  'Order.documentCount': ['administrator', 'viewer'],
  'Invoice.lineCount': READ_INVOICES,
  'Invoice.orderCount': ['administrator', 'viewer'],
  'Invoice.documentCount': READ_INVOICES,
  'Complaint.line': READ_ORDERS,
  // Reached through an order: a role must read both.
  'Complaint.files': ['administrator', 'viewer'],
  'Query.complaintTypes': READ_ORDERS,
  'Mutation.fileComplaint': WRITE_ORDERS,
  'Mutation.login': EVERYONE,
  'Mutation.logout': EVERYONE,
  'Mutation.requestPasswordReset': EVERYONE,
  'Mutation.resetPassword': EVERYONE,
  'Mutation.validateEmail': EVERYONE,
  'Mutation.acceptInvitation': EVERYONE,
  'Mutation.changePassword': MEMBERS,
  'Mutation.requestEmailChange': MEMBERS,
  'Mutation.createApiToken': MEMBERS,
  'Mutation.revokeApiToken': MEMBERS,
  'Mutation.acceptQuotation': WRITE_ORDERS,
  'Mutation.declineQuotation': WRITE_ORDERS,
  'Mutation.reorder': WRITE_ORDERS,
  'Mutation.payInvoice': PAY,
  'Mutation.createAddress': ADMINS,
  'Mutation.updateAddress': ADMINS,
  'Mutation.archiveAddress': ADMINS,
  'Mutation.setDefaultAddress': ADMINS,
  'Mutation.createContact': ADMINS,
  'Mutation.updateContact': ADMINS,
  'Mutation.removeContact': ADMINS,
  'Mutation.inviteMember': ADMINS,
  'Mutation.changeMemberRole': ADMINS,
  'Mutation.removeMember': ADMINS,
};

/**
 * Every role (and anonymous) against every field of Query, Mutation and Customer and every
 * link to an area, read from the built schema, against the real Tryton: each answers as SPEC
 * says (allowed, FORBIDDEN, or UNAUTHENTICATED when anonymous), a FORBIDDEN field asked
 * nothing of Tryton, and an allowed write reached Tryton's own role check (it answers
 * NOT_FOUND or a validation error, never FORBIDDEN). A new field without a declared
 * permission, or missing from SPEC, fails here; src/auth/permissions.test.ts checks the
 * declarations without Tryton.
 */
describe('permission matrix', () => {
  let stack: TestStack;
  const sessions = {} as Record<Who, GraphQLSession>;
  let fields: GuardedField[];

  beforeAll(async () => {
    // Credential checks cached: a refused field costs no Tryton call at all.
    stack = await startStack({ CACHE_TTL_SECONDS: '60' });
    fields = guardedFields(await portalSchema());
    const { marie } = stack.tryton.customers;
    const { buyer, accountant } = stack.tryton.members;
    const admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
    await admin.model('web.user').create([
      {
        email: VIEWER_EMAIL,
        password: marie.password,
        party: marie.partyId,
        portal_role: 'viewer',
        email_valid: true,
      },
    ]);
    await admin.close();
    const logins: [Who, string][] = [
      ['administrator', marie.email],
      ['buyer', buyer.email],
      ['accountant', accountant.email],
      ['viewer', VIEWER_EMAIL],
    ];
    for (const [who, email] of logins) {
      sessions[who] = stack.session();
      expect((await sessions[who].login(email, marie.password)).errors).toBeUndefined();
    }
    sessions.anonymous = stack.session();
    // Each credential checked once and cached: from now on a request asks Tryton only for data.
    for (const session of Object.values(sessions)) await session.query('{ viewer { email } }');
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('every guarded field declares a permission, and is in the table', () => {
    expect(fields.filter((f) => !f.permission).map((f) => f.path)).toEqual([]);
    expect(fields.map((f) => f.path).filter((path) => !SPEC[path])).toEqual([]);
  });

  for (const who of ['administrator', 'buyer', 'accountant', 'viewer', 'anonymous'] as Who[]) {
    it(`${who}: allowed or FORBIDDEN, as SPEC says`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      // logout last: it ends the session the other fields use.
      const ordered = [...fields].sort(
        (a, b) => Number(a.path === 'Mutation.logout') - Number(b.path === 'Mutation.logout'),
      );
      for (const guarded of ordered) {
        const allowed = SPEC[guarded.path];
        const want = !allowed
          ? 'missing from SPEC'
          : allowed.includes(who)
            ? 'allowed'
            : who === 'anonymous'
              ? 'UNAUTHENTICATED'
              : 'FORBIDDEN';
        const before = stack.calls.length;
        const result = await sessions[who].query(operation(guarded));
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        const got = codes.includes('FORBIDDEN')
          ? 'FORBIDDEN'
          : codes.includes('UNAUTHENTICATED') || result.status === 401
            ? 'UNAUTHENTICATED'
            : 'allowed';
        // Anonymous reads of viewer's fields find no viewer (null): nothing to refuse.
        const anonymousNull =
          who === 'anonymous' && guarded.type.name !== 'Query' && guarded.type.name !== 'Mutation';
        // An allowed field of a record must have been resolved: present in the answer.
        const reached =
          ['Query', 'Mutation'].includes(guarded.type.name) ||
          JSON.stringify(result.data ?? {}).includes(`"${guarded.field.name}"`);
        const seen =
          anonymousNull && got === 'allowed'
            ? 'UNAUTHENTICATED'
            : got === 'allowed' && !reached
              ? 'not reached'
              : got;
        outcomes.push(`${guarded.path}: ${seen}`);
        expected.push(`${guarded.path}: ${want}`);
        // The refused field is the first one resolved: nothing was asked of Tryton.
        if (got === 'FORBIDDEN' && ['Query', 'Mutation', 'Customer'].includes(guarded.type.name)) {
          expect(stack.calls.length - before, `${guarded.path} asked Tryton`).toBe(0);
        }
      }
      expect(outcomes).toEqual(expected);
    }, 120_000);
  }
});
