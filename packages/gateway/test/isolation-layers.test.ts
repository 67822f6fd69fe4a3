import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../src/ids.js';
import { type CrossBilledSale, crossBilledSale } from './support/cross-billing.js';
import { nodes, ok } from './support/customer-view.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

/**
 * The gateway's own layer of isolation (src/tryton/scopes.ts, ANDed into every read) holds
 * alone: the record rules of portal_api are widened to everything, as a wrong rule would, and
 * still neither customer reaches anything of the other's through any field of the API.
 * Mutations tried (scripts/mutation-check.sh): `saleScope` returning `[]`, and the invoice PDF
 * served without the invoice's `byId` check, each make this file fail; so does `complaintScope`
 * returning `[]` (a complaint of the other's found by its id). Every scope's exact domain
 * is pinned without Tryton by src/tryton/scopes.test.ts; Tryton's rules alone, by the module's
 * tests (tryton/modules/portal_api/tests).
 */

type Who = 'marie' | 'jean';
const WHO: Who[] = ['marie', 'jean'];
const OTHER: Record<Who, Who> = { marie: 'jean', jean: 'marie' };

/** A customer's records in Tryton, read as the admin: the truth the API is checked against. */
interface Truth {
  parties: number[];
  /** Every sale of theirs, drafts included; `shown` leaves drafts out. */
  sales: Set<number>;
  shownSales: Set<number>;
  saleNumbers: string[];
  invoices: Set<number>;
  shownInvoices: Set<number>;
  invoiceNumbers: string[];
  saleLines: Set<number>;
  invoiceLines: Set<number>;
  invoiceTaxes: Set<number>;
  shipments: Set<number>;
  addresses: Set<number>;
  contactMechanisms: Set<number>;
  attachments: Set<number>;
  complaints: Set<number>;
}

const SHOWN_SALE_STATES = ['quotation', 'confirmed', 'processing', 'done', 'cancelled'];
const SHOWN_INVOICE_STATES = ['posted', 'paid', 'cancelled'];

async function truth(admin: TrytonClient, parties: number[]): Promise<Truth> {
  const ids = async (model: string, domain: unknown[]) =>
    new Set(await admin.model(model).search(domain));
  const sales = (await admin
    .model('sale.sale')
    .searchRead([['party', 'in', parties]], ['number', 'state'])) as {
    id: number;
    number: string | null;
    state: string;
  }[];
  const invoices = (await admin.model('account.invoice').searchRead(
    [
      ['type', '=', 'out'],
      ['party', 'in', parties],
    ],
    ['number', 'state'],
  )) as { id: number; number: string | null; state: string }[];
  const refs = [
    ...parties.map((p) => `party.party,${p}`),
    ...sales.map((s) => `sale.sale,${s.id}`),
    ...invoices.map((i) => `account.invoice,${i.id}`),
  ];
  return {
    parties,
    sales: new Set(sales.map((s) => s.id)),
    shownSales: new Set(
      sales.filter((s) => SHOWN_SALE_STATES.includes(s.state) && s.number).map((s) => s.id),
    ),
    saleNumbers: sales.flatMap((s) => (s.number ? [s.number] : [])),
    invoices: new Set(invoices.map((i) => i.id)),
    shownInvoices: new Set(
      invoices.filter((i) => SHOWN_INVOICE_STATES.includes(i.state) && i.number).map((i) => i.id),
    ),
    invoiceNumbers: invoices.flatMap((i) => (i.number ? [i.number] : [])),
    saleLines: await ids('sale.line', [['sale.party', 'in', parties]]),
    invoiceLines: await ids('account.invoice.line', [
      ['invoice.type', '=', 'out'],
      ['invoice.party', 'in', parties],
    ]),
    invoiceTaxes: await ids('account.invoice.tax', [
      ['invoice.type', '=', 'out'],
      ['invoice.party', 'in', parties],
    ]),
    shipments: await ids('stock.shipment.out', [['customer', 'in', parties]]),
    addresses: await ids('party.address', [['party', 'in', parties]]),
    contactMechanisms: await ids('party.contact_mechanism', [['party', 'in', parties]]),
    attachments: await ids('ir.attachment', [['resource', 'in', refs]]),
    complaints: await ids('sale.complaint', [['customer', 'in', parties]]),
  };
}

/** What one customer reaches through every list and every link of the API. */
interface View {
  addresses: { id: string }[];
  contactMechanisms: { id: string; value: string }[];
  orders: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        number: string;
        reference: string | null;
        invoiceAddress: { id: string } | null;
        shipmentAddress: { id: string } | null;
        lines: { id: string }[];
        invoices: { id: string; number: string; lines: { id: string }[] }[];
        shipments: { id: string }[];
        documents: { id: string }[];
        complaints: { id: string; line: { id: string } | null }[];
      };
    }[];
  };
  invoices: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        number: string;
        pdfUrl: string;
        lines: { id: string }[];
        orders: { id: string; number: string; lines: { id: string }[] }[];
      };
    }[];
  };
  documents: { totalCount: number; edges: { node: { id: string; url: string } }[] };
}

const VIEW = `{ viewer {
  addresses { id }
  contactMechanisms { id value }
  orders(first: 100) { totalCount edges { node {
    id number reference invoiceAddress { id } shipmentAddress { id } lines { id }
    invoices { id number lines { id } } shipments { id } documents { id }
    complaints { id line { id } }
  } } }
  invoices(first: 100) { totalCount edges { node {
    id number pdfUrl lines { id } orders { id number lines { id } }
  } } }
  documents(first: 100) { totalCount edges { node { id url } } }
} }`;

/** The Tryton id in a global id of `type`. */
const key = (id: string, type: string) => {
  const parsed = fromGlobalId(id);
  expect(parsed.type).toBe(type);
  return Number(parsed.key);
};
/** The Tryton ids of a Document's global id, by source (`invoice-12`, `attachment-3`). */
const documentKey = (id: string) => {
  const [source, value] = fromGlobalId(id).key.split('-');
  return { source, id: Number(value) };
};
const outside = (ids: number[], allowed: Set<number>) => ids.filter((id) => !allowed.has(id));
const inside = (ids: number[], forbidden: Set<number>) => ids.filter((id) => forbidden.has(id));

/** A complaint of Jean's on his delivered order MAR-D1, filed by the company's staff. */
async function jeansComplaint(admin: TrytonClient): Promise<void> {
  const [sale] = (await admin
    .model('sale.sale')
    .searchRead([['reference', '=', 'MAR-D1']], ['party', 'company'])) as {
    id: number;
    party: number;
    company: number;
  }[];
  const [type] = await admin
    .model('sale.complaint.type')
    .search([['name', '=', 'Livraison en retard']]);
  if (!sale || !type) throw new Error('the demo data has no MAR-D1 or no complaint type');
  const [complaint] = await admin.model('sale.complaint').create(
    [
      {
        customer: sale.party,
        company: sale.company,
        type,
        origin: `sale.sale,${sale.id}`,
        description: 'Livré en retard (par téléphone).',
      },
    ],
    { context: { company: sale.company } },
  );
  expect(complaint).toBeTypeOf('number');
}

describe('isolation when Tryton’s record rules are too wide', () => {
  let stack: TestStack;
  let admin: TrytonClient;
  let technical: TrytonClient;
  let crossBilled: CrossBilledSale;
  const sessions = {} as Record<Who, GraphQLSession>;
  const trytonSessions = {} as Record<Who, string>;
  const truths = {} as Record<Who, Truth>;
  const views = {} as Record<Who, View>;
  /** Records of the other customer the technical user counts with each one's context. */
  const leaked = {} as Record<'before' | 'after', Record<Who, Record<string, number>>>;
  /** The rules added, one in each rule group of portal_api. */
  let widened: number[] = [];

  /** What each model shows of `other` to the technical user acting for `who`. */
  const rawCounts = async (who: Who) => {
    const { parties: other, attachments } = truths[OTHER[who]];
    const context = { portal_session: trytonSessions[who] };
    const count = (model: string, domain: unknown[]) =>
      technical.model(model).searchCount(domain, { context });
    return {
      'sale.sale': await count('sale.sale', [['party', 'in', other]]),
      'sale.line': await count('sale.line', [['sale.party', 'in', other]]),
      'account.invoice': await count('account.invoice', [['party', 'in', other]]),
      'account.invoice.line': await count('account.invoice.line', [['invoice.party', 'in', other]]),
      'account.invoice.tax': await count('account.invoice.tax', [['invoice.party', 'in', other]]),
      'stock.shipment.out': await count('stock.shipment.out', [['customer', 'in', other]]),
      'party.address': await count('party.address', [['party', 'in', other]]),
      'party.contact_mechanism': await count('party.contact_mechanism', [['party', 'in', other]]),
      'ir.attachment': await count('ir.attachment', [['id', 'in', [...attachments]]]),
      'sale.complaint': await count('sale.complaint', [['customer', 'in', other]]),
      'sale.sale (all)': await count('sale.sale', []),
    };
  };

  beforeAll(async () => {
    // No read cache: every GraphQL read below goes to Tryton, with the widened rules.
    stack = await startStack({
      CACHE_TTL_SECONDS: '0',
      QUERY_MAX_COST: '1000000000',
      // The view reads every list of every page whole (about 50 million points).
      QUOTA_BUCKET_SIZE: '10000000000',
    });
    const { tryton } = stack;
    crossBilled = await crossBilledSale(
      tryton,
      tryton.customers.jean,
      tryton.customers.marie,
      'X2',
    );
    admin = new TrytonClient({ url: tryton.url, database: tryton.database });
    await admin.login(tryton.admin.login, tryton.admin.password);
    // The gateway's technical user, with a Tryton web session of each customer of its own.
    technical = new TrytonClient({ url: tryton.url, database: tryton.database });
    await technical.login(tryton.gateway.login, tryton.gateway.password);
    // The demo data has a complaint of Marie's; one of Jean's too, so each has the other's.
    await jeansComplaint(admin);
    for (const who of WHO) {
      const { email, password } = tryton.customers[who];
      const login = (await technical.call('model.portal.gateway.login', [email, password])) as {
        status: string;
        session: string;
        user: { parties: number[] };
      };
      expect(login.status).toBe('ok');
      trytonSessions[who] = login.session;
      truths[who] = await truth(admin, login.user.parties);
    }
    leaked.before = { marie: await rawCounts('marie'), jean: await rawCounts('jean') };

    // Widen every rule group of portal_api to everything. Tryton refuses to write or delete
    // the module's own rules (XML records), but a group's rules are ORed: one more rule with an
    // empty domain in each group lets every record through, as a wrong rule would.
    // ir.model.data is not readable over RPC since 7.x: the module's rule groups by the group
    // they apply to (its untranslated name).
    const groups = await admin
      .model('ir.rule.group')
      .search([['groups.name', '=', 'Portal gateway']], { context: { language: 'en' } });
    widened = await admin
      .model('ir.rule')
      .create(groups.map((group) => ({ rule_group: group, domain: '[]' })));
    // A new request of the technical user sees the change (ir.rule clears its cache on write).
    leaked.after = { marie: await rawCounts('marie'), jean: await rawCounts('jean') };

    for (const who of WHO) {
      sessions[who] = stack.session();
      ok(await sessions[who].login(tryton.customers[who].email, tryton.customers[who].password));
      views[who] = ok(await sessions[who].query<{ viewer: View }>(VIEW)).viewer;
    }
  });
  afterAll(async () => {
    await admin?.logout().catch(() => undefined);
    await admin?.close();
    await technical?.logout().catch(() => undefined);
    await technical?.close();
    await stack?.stop();
  });

  it('has really widened the rules: Tryton alone shows each customer the other’s records', () => {
    expect(widened.length).toBeGreaterThanOrEqual(12);
    for (const who of WHO) {
      const other = truths[OTHER[who]];
      // Before: the rules kept each customer to their own (and no drafts).
      expect(leaked.before[who]).toEqual({
        'sale.sale': 0,
        'sale.line': 0,
        'account.invoice': 0,
        'account.invoice.line': 0,
        'account.invoice.tax': 0,
        'stock.shipment.out': 0,
        'party.address': 0,
        'party.contact_mechanism': 0,
        'ir.attachment': 0,
        'sale.complaint': 0,
        'sale.sale (all)': truths[who].shownSales.size,
      });
      // After: everything of the other's, so only the gateway's layer stands between them.
      expect(leaked.after[who]).toMatchObject({
        'sale.sale': other.sales.size,
        'sale.line': other.saleLines.size,
        'account.invoice': other.invoices.size,
        'account.invoice.line': other.invoiceLines.size,
        'account.invoice.tax': other.invoiceTaxes.size,
        'stock.shipment.out': other.shipments.size,
        'party.address': other.addresses.size,
        'party.contact_mechanism': other.contactMechanisms.size,
        'ir.attachment': other.attachments.size,
        'sale.complaint': other.complaints.size,
      });
      for (const [model, count] of Object.entries(leaked.after[who])) {
        expect(`${model} ${count > 0}`).toBe(`${model} true`);
      }
      expect(leaked.after[who]['sale.sale (all)']).toBeGreaterThan(
        truths[who].sales.size + other.sales.size - 1,
      );
    }
  });

  it('lists exactly their own orders, invoices, addresses and contacts, no drafts', () => {
    for (const who of WHO) {
      const [mine, theirs, view] = [truths[who], truths[OTHER[who]], views[who]];
      const orders = nodes(view.orders).map((o) => key(o.id, 'Order'));
      const invoices = nodes(view.invoices).map((i) => key(i.id, 'Invoice'));
      expect(orders.length).toBeGreaterThan(0);
      expect(invoices.length).toBeGreaterThan(0);
      expect(view.orders.totalCount).toBe(orders.length);
      expect(view.invoices.totalCount).toBe(invoices.length);
      expect(inside(orders, theirs.sales)).toEqual([]);
      expect(inside(invoices, theirs.invoices)).toEqual([]);
      expect(orders.sort()).toEqual([...mine.shownSales].sort());
      expect(invoices.sort()).toEqual([...mine.shownInvoices].sort());
      const addresses = view.addresses.map((a) => key(a.id, 'Address'));
      expect(addresses.length).toBeGreaterThan(0);
      expect(outside(addresses, mine.addresses)).toEqual([]);
      expect(inside(addresses, theirs.addresses)).toEqual([]);
      const contacts = view.contactMechanisms.map((c) => key(c.id, 'ContactMechanism'));
      expect(contacts.length).toBeGreaterThan(0);
      expect(outside(contacts, mine.contactMechanisms)).toEqual([]);
      expect(inside(contacts, theirs.contactMechanisms)).toEqual([]);
    }
    // The demo data's figures (test/isolation.test.ts), with the cross-billed sale of Jean's.
    expect(nodes(views.marie.orders)).toHaveLength(13);
    expect(nodes(views.jean.orders)).toHaveLength(5);
  });

  it('links orders and invoices to their own lines, invoices, orders and shipments only', () => {
    for (const who of WHO) {
      const [mine, theirs] = [truths[who], truths[OTHER[who]]];
      const orders = nodes(views[who].orders);
      const invoices = nodes(views[who].invoices);
      const links = {
        orderLines: [
          ...orders.flatMap((o) => o.lines),
          ...invoices.flatMap((i) => i.orders.flatMap((o) => o.lines)),
        ].map((l) => key(l.id, 'OrderLine')),
        orderInvoices: orders.flatMap((o) => o.invoices.map((i) => key(i.id, 'Invoice'))),
        invoiceLines: [
          ...invoices.flatMap((i) => i.lines),
          ...orders.flatMap((o) => o.invoices.flatMap((i) => i.lines)),
        ].map((l) => key(l.id, 'InvoiceLine')),
        shipments: orders.flatMap((o) => o.shipments.map((s) => key(s.id, 'Shipment'))),
        invoiceOrders: invoices.flatMap((i) => i.orders.map((o) => key(o.id, 'Order'))),
        addresses: orders.flatMap((o) =>
          [o.invoiceAddress, o.shipmentAddress].flatMap((a) => (a ? [key(a.id, 'Address')] : [])),
        ),
      };
      for (const [name, ids] of Object.entries(links)) {
        expect(`${name} ${ids.length > 0}`).toBe(`${name} true`);
      }
      expect(outside(links.orderLines, mine.saleLines)).toEqual([]);
      expect(inside(links.orderLines, theirs.saleLines)).toEqual([]);
      expect(outside(links.orderInvoices, mine.shownInvoices)).toEqual([]);
      expect(inside(links.orderInvoices, theirs.invoices)).toEqual([]);
      expect(outside(links.invoiceLines, mine.invoiceLines)).toEqual([]);
      expect(inside(links.invoiceLines, theirs.invoiceLines)).toEqual([]);
      expect(outside(links.shipments, mine.shipments)).toEqual([]);
      expect(inside(links.shipments, theirs.shipments)).toEqual([]);
      expect(outside(links.invoiceOrders, mine.shownSales)).toEqual([]);
      expect(inside(links.invoiceOrders, theirs.sales)).toEqual([]);
      expect(outside(links.addresses, mine.addresses)).toEqual([]);
      expect(inside(links.addresses, theirs.addresses)).toEqual([]);
    }
    // The cross-billed sale: Jean's order, Marie's invoices; each sees only their own side.
    const order = nodes(views.jean.orders).find((o) => key(o.id, 'Order') === crossBilled.saleId);
    expect(order?.reference).toBe('X2');
    expect(order?.invoices).toEqual([]);
    expect(order?.invoiceAddress).toBeNull();
    expect(order?.shipments.map((s) => key(s.id, 'Shipment'))).toEqual(crossBilled.shipmentIds);
    const billed = nodes(views.marie.invoices).filter((i) =>
      crossBilled.invoiceIds.includes(key(i.id, 'Invoice')),
    );
    expect(billed).toHaveLength(crossBilled.invoiceIds.length);
    for (const invoice of billed) expect(invoice.orders).toEqual([]);
  });

  it('shows their own complaints only, on their own orders and lines', () => {
    for (const who of WHO) {
      const [mine, theirs] = [truths[who], truths[OTHER[who]]];
      const orders = nodes(views[who].orders);
      const complaints = orders.flatMap((o) => o.complaints.map((c) => key(c.id, 'Complaint')));
      expect(complaints.length).toBeGreaterThan(0);
      expect(complaints.sort()).toEqual([...mine.complaints].sort());
      expect(inside(complaints, theirs.complaints)).toEqual([]);
      const lines = orders.flatMap((o) =>
        o.complaints.flatMap((c) => (c.line ? [key(c.line.id, 'OrderLine')] : [])),
      );
      expect(outside(lines, mine.saleLines)).toEqual([]);
    }
  });

  it('lists and pages documents of their own only', () => {
    for (const who of WHO) {
      const [mine, theirs] = [truths[who], truths[OTHER[who]]];
      const docs = nodes(views[who].documents).map((d) => documentKey(d.id));
      expect(views[who].documents.totalCount).toBe(docs.length);
      expect(docs.length).toBeGreaterThan(0);
      const attachments = docs.filter((d) => d.source === 'attachment').map((d) => d.id);
      const pdfs = docs.filter((d) => d.source === 'invoice').map((d) => d.id);
      expect(attachments.length + pdfs.length).toBe(docs.length);
      expect(outside(attachments, mine.attachments)).toEqual([]);
      expect(inside(attachments, theirs.attachments)).toEqual([]);
      expect(outside(pdfs, mine.shownInvoices)).toEqual([]);
      expect(inside(pdfs, theirs.invoices)).toEqual([]);
      const linked = nodes(views[who].orders).flatMap((o) => o.documents.map((d) => d.id));
      expect(linked.filter((id) => !nodes(views[who].documents).some((d) => d.id === id))).toEqual(
        [],
      );
    }
    expect(truths.jean.attachments.size).toBeGreaterThan(0);
  });

  it('finds nothing by the other customer’s numbers', async () => {
    for (const who of WHO) {
      const [session, theirs] = [sessions[who], truths[OTHER[who]]];
      expect(theirs.saleNumbers.length).toBeGreaterThan(0);
      expect(theirs.invoiceNumbers.length).toBeGreaterThan(0);
      for (const n of theirs.saleNumbers) {
        const r = await session.query(
          'query ($n: String!) { viewer { order(number: $n) { id } } }',
          {
            n,
          },
        );
        expect([n, ok(r)]).toEqual([n, { viewer: { order: null } }]);
      }
      for (const n of theirs.invoiceNumbers) {
        const r = await session.query(
          'query ($n: String!) { viewer { invoice(number: $n) { id } } }',
          { n },
        );
        expect([n, ok(r)]).toEqual([n, { viewer: { invoice: null } }]);
      }
      // Their own numbers still answer: the nulls above are not a broken query.
      const own = nodes(views[who].orders)[0]?.number;
      const r = await session.query<{ viewer: { order: { number: string } | null } }>(
        'query ($n: String!) { viewer { order(number: $n) { number } } }',
        { n: own },
      );
      expect(ok(r).viewer.order?.number).toBe(own);
    }
  });

  it('finds nothing by the other customer’s ids through node, nor their own drafts', async () => {
    for (const who of WHO) {
      const [mine, theirs, session] = [truths[who], truths[OTHER[who]], sessions[who]];
      const ownDrafts = [...mine.sales].filter((id) => !mine.shownSales.has(id));
      const ownDraftInvoices = [...mine.invoices].filter((id) => !mine.shownInvoices.has(id));
      const ids = [
        ...[...theirs.sales, ...ownDrafts].map((id) => toGlobalId('Order', id)),
        ...[...theirs.invoices, ...ownDraftInvoices].map((id) => toGlobalId('Invoice', id)),
        ...[...theirs.invoices].map((id) => toGlobalId('Document', `invoice-${id}`)),
        ...[...theirs.attachments].map((id) => toGlobalId('Document', `attachment-${id}`)),
        ...[...theirs.addresses].map((id) => toGlobalId('Address', id)),
        ...[...theirs.complaints].map((id) => toGlobalId('Complaint', id)),
      ];
      expect(ids.length).toBeGreaterThan(10);
      for (const id of ids) {
        const r = await session.query('query ($id: ID!) { node(id: $id) { id } }', { id });
        expect([fromGlobalId(id), ok(r)]).toEqual([fromGlobalId(id), { node: null }]);
      }
      // Their own ids still answer.
      for (const id of [nodes(views[who].orders)[0]?.id, nodes(views[who].invoices)[0]?.id]) {
        const r = await session.query('query ($id: ID!) { node(id: $id) { id } }', { id });
        expect(ok(r)).toEqual({ node: { id } });
      }
    }
  });

  it('refuses the other customer’s downloads', async () => {
    for (const who of WHO) {
      const theirs = views[OTHER[who]];
      const urls = [
        ...nodes(theirs.invoices).map((i) => i.pdfUrl),
        ...nodes(theirs.documents).map((d) => d.url),
      ];
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(`${url} ${(await sessions[who].get(url)).status}`).toBe(`${url} 404`);
      }
      const own = nodes(views[who].invoices)[0]?.pdfUrl as string;
      expect((await sessions[who].get(own)).status).toBe(200);
    }
  });
});
