import {
  type Context,
  Decimal,
  type TrytonClient,
  TrytonDate,
  TrytonTimeDelta,
  UserWarningError,
} from '@portal/tryton-client';
import { companyBankAccount, nameBankJournal } from './bank.js';
import {
  COMPANY,
  CUSTOMERS,
  type CustomerSpec,
  DEMO_PASSWORD,
  MEMBERS,
  PRODUCTS,
} from './catalogue.js';
import { SAMPLE_PDF } from './sample-pdf.js';
import { type SalePlan, salePlans } from './scenario.js';
import { type SeriesNames, seriesNames } from './series.js';
import { companyStripe } from './stripe.js';

type Ids = number[];

/** What the seed created, for the tests and the demo command. */
export interface SeedResult {
  companyId: number;
  parties: Record<CustomerSpec['key'], number>;
}

function one(ids: Ids, what: string): number {
  const [id] = ids;
  if (id === undefined) throw new Error(`demo seed: ${what} not found`);
  return id;
}

function addMonths(today: TrytonDate, monthsAgo: number, day: number): TrytonDate {
  const date = new Date(Date.UTC(today.year, today.month - 1 - monthsAgo, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const wanted = monthsAgo === 0 ? Math.min(day, today.day) : Math.min(day, lastDay);
  date.setUTCDate(wanted);
  return TrytonDate.fromISO(date.toISOString().slice(0, 10));
}

/**
 * Builds the demo company and its customers in a fresh portal database, as the admin user
 * (created by trytond-admin). Tryton's buttons take many ids in one call, so sales are
 * created, quoted, confirmed and processed in batches.
 */
export async function seedDemo(
  client: TrytonClient,
  options: { today: TrytonDate; gatewayLogin: string; gatewayPassword: string },
): Promise<SeedResult> {
  const { today } = options;
  const base: Context = {};
  const m = (name: string) => client.model(name);

  // Currency, country, company; the admin works in that company from now on.
  const eur = one(
    await m('currency.currency').create(
      [{ name: 'Euro', code: 'EUR', symbol: '€', rounding: Decimal.from('0.01'), digits: 2 }],
      { context: base },
    ),
    'currency',
  );
  const france = one(
    await m('country.country').create([{ name: 'France', code: 'FR' }], { context: base }),
    'country',
  );
  const fr = one(await m('ir.lang').search([['code', '=', 'fr']], { context: base }), 'fr');
  const en = one(await m('ir.lang').search([['code', '=', 'en']], { context: base }), 'en');
  const companyParty = one(
    await m('party.party').create(
      [
        {
          name: COMPANY.name,
          lang: fr,
          addresses: [
            [
              'create',
              [
                {
                  street: COMPANY.street,
                  postal_code: COMPANY.postalCode,
                  city: COMPANY.city,
                  country: france,
                },
              ],
            ],
          ],
          contact_mechanisms: [['create', [{ type: 'email', value: COMPANY.email }]]],
        },
      ],
      { context: base },
    ),
    'company party',
  );
  const company = one(
    await m('company.company').create([{ party: companyParty, currency: eur }], {
      context: base,
    }),
    'company',
  );
  const adminId = client.session?.userId;
  if (adminId === undefined) throw new Error('demo seed: not logged in');
  await m('res.user').write(
    [adminId],
    { companies: [['add', [company]]], company },
    {
      context: base,
    },
  );
  const ctx: Context = { company, language: 'fr' };

  const accounts = await chartOfAccounts(client, company, ctx);
  const names = seriesNames(await client.serverVersion());
  await fiscalYears(client, company, today, ctx, names);
  await numbering(client, ctx);

  const paymentTerm = one(
    await m('account.invoice.payment_term').create(
      [
        {
          name: '30 jours net',
          lines: [
            ['create', [{ type: 'remainder', relativedeltas: [['create', [{ days: 30 }]]] }]],
          ],
        },
      ],
      { context: ctx },
    ),
    'payment term',
  );
  const cashJournal = one(
    await m('account.journal').search([['type', '=', 'cash']], { context: ctx }),
    'cash journal',
  );
  await nameBankJournal(client, cashJournal, ctx);
  await companyBankAccount(client, companyParty, eur, ctx);
  await companyStripe(client, eur, ctx);
  const paymentMethod = one(
    await m('account.invoice.payment.method').create(
      [
        {
          name: 'Virement bancaire',
          company,
          journal: cashJournal,
          credit_account: accounts.bank,
          debit_account: accounts.bank,
        },
      ],
      { context: ctx },
    ),
    'payment method',
  );

  const products = await catalogue(client, accounts, ctx);
  const parties = await customers(client, { france, fr, en }, ctx, names);

  // The portal shows invoices as PDF: render them as PDF before posting (posting caches them).
  const invoiceReport = await m('ir.action.report').search(
    [['report_name', '=', 'account.invoice']],
    {
      context: ctx,
    },
  );
  await m('ir.action.report').write(invoiceReport, { extension: 'pdf' }, { context: ctx });

  const plans = salePlans();
  const saleIds = await createSales(
    client,
    plans,
    { parties, products, paymentTerm, company, eur },
    ctx,
  );
  await runWorkflow(client, plans, saleIds, { paymentMethod, today }, ctx, names);
  await quotationValidity(client, plans, saleIds, today, ctx, names);
  await discontinue(client, products, ctx);
  await attachments(client, plans, saleIds, parties, ctx);
  await complaints(client, plans, saleIds, parties, ctx, names);
  await gatewayUser(client, company, options.gatewayLogin, options.gatewayPassword, ctx);
  return { companyId: company, parties };
}

/** Quotations valid 30 days from their quotation date (7.2 and later): one is past it. */
async function quotationValidity(
  client: TrytonClient,
  plans: SalePlan[],
  ids: number[],
  today: TrytonDate,
  ctx: Context,
  names: SeriesNames,
): Promise<void> {
  if (!names.quotationValidity) return;
  for (const [i, plan] of plans.entries()) {
    if (plan.quotedDaysAgo === undefined) continue;
    const quoted = new Date(`${today.toISOString()}T00:00:00Z`);
    quoted.setUTCDate(quoted.getUTCDate() - plan.quotedDaysAgo);
    await client.model('sale.sale').write(
      [ids[i] as number],
      {
        quotation_date: TrytonDate.fromISO(quoted.toISOString().slice(0, 10)),
        quotation_validity: new TrytonTimeDelta(30 * 24 * 3600),
      },
      { context: ctx },
    );
  }
}

/** Products no longer sold, once the past orders that have them are made. */
async function discontinue(
  client: TrytonClient,
  products: Map<string, { id: number }>,
  ctx: Context,
): Promise<void> {
  const codes = PRODUCTS.filter((p) => p.discontinued).map((p) => p.code);
  const ids = codes.map((code) => products.get(code)?.id).filter((id) => id !== undefined);
  const rows = await client
    .model<{ id: number; template: number }>('product.product')
    .read(ids, ['template'], { context: ctx });
  await client.model('product.template').write(
    rows.map((r) => r.template),
    { salable: false },
    { context: ctx },
  );
}

interface Accounts {
  receivable: number;
  payable: number;
  revenue: number;
  expense: number;
  bank: number;
  vat20: number;
}

async function accountByCode(client: TrytonClient, code: string, ctx: Context): Promise<number> {
  return one(
    await client.model('account.account').search([['code', '=', code]], { limit: 1, context: ctx }),
    `account ${code}`,
  );
}

/**
 * The English descriptions of the demo's taxes, by their French ones (account_fr gives only
 * French texts). The portal shows a tax's description, Tryton's translatable field (a tax's
 * `name` is not translatable).
 */
export const TAX_DESCRIPTIONS_EN: Record<string, string> = {
  'T.V.A. Taux Normal': 'VAT standard rate',
};

/**
 * Gives a tax its English description as a Tryton translation, so an English page shows it.
 * The database's own language is English: the English text is written as the field's value
 * (context language 'en'), which marks the French translation fuzzy, then the French text
 * again as its French translation.
 */
async function englishTaxDescription(
  client: TrytonClient,
  tax: number,
  ctx: Context,
): Promise<void> {
  const taxes = client.model('account.tax');
  const [french] = (await taxes.read([tax], ['description'], { context: ctx })) as {
    description: string;
  }[];
  const english = french && TAX_DESCRIPTIONS_EN[french.description];
  if (!french || !english) {
    throw new Error(`demo seed: no English description for the tax "${french?.description}"`);
  }
  await taxes.write([tax], { description: english }, { context: { ...ctx, language: 'en' } });
  await taxes.write([tax], { description: french.description }, { context: ctx });
}

/** The French chart of accounts (module account_fr), through the create_chart wizard. */
async function chartOfAccounts(
  client: TrytonClient,
  company: number,
  ctx: Context,
): Promise<Accounts> {
  const template = one(
    await client.model('account.account.template').search(
      [
        ['parent', '=', null],
        ['name', '=', 'Plan comptable (France)'],
      ],
      { context: ctx },
    ),
    'French chart template',
  );
  const wizard = 'wizard.account.create_chart';
  const [session] = (await client.call(`${wizard}.create`, [], { context: ctx })) as [number];
  await client.call(`${wizard}.execute`, [session, {}, 'start'], { context: ctx });
  await client.call(
    `${wizard}.execute`,
    [session, { account: { company, account_template: template } }, 'create_account'],
    { context: ctx },
  );
  const accounts: Accounts = {
    receivable: await accountByCode(client, '4111', ctx),
    payable: await accountByCode(client, '4011', ctx),
    revenue: await accountByCode(client, '7071', ctx),
    expense: await accountByCode(client, '6071', ctx),
    bank: await accountByCode(client, '5121', ctx),
    vat20: one(
      await client
        .model('account.tax')
        .search([['name', '=', 'T.V.A. Vente de biens Taux Normal']], { context: ctx }),
      'VAT 20 %',
    ),
  };
  await englishTaxDescription(client, accounts.vat20, ctx);
  await client.call(
    `${wizard}.execute`,
    [
      session,
      {
        properties: {
          company,
          account_receivable: accounts.receivable,
          account_payable: accounts.payable,
          category_account_revenue: accounts.revenue,
          category_account_expense: accounts.expense,
        },
      },
      'create_properties',
    ],
    { context: ctx },
  );
  await client.call(`${wizard}.delete`, [session], { context: ctx });
  return accounts;
}

async function sequenceType(client: TrytonClient, name: string, ctx: Context): Promise<number> {
  return one(
    await client
      .model('ir.sequence.type')
      .search([['name', '=', name]], { context: { ...ctx, language: 'en' } }),
    `sequence type ${name}`,
  );
}

/** Last year, this year and next year, with their periods and invoice numbering. */
async function fiscalYears(
  client: TrytonClient,
  company: number,
  today: TrytonDate,
  ctx: Context,
  names: SeriesNames,
): Promise<void> {
  const moveType = await sequenceType(client, 'Account Move', ctx);
  const invoiceType = await sequenceType(client, 'Invoice', ctx);
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const [moves] = await client
      .model(names.moveSequenceModel)
      .create([{ name: `Écritures ${year}`, sequence_type: moveType, company }], { context: ctx });
    const [invoices, credits] = await client.model('ir.sequence.strict').create(
      [
        {
          name: `Factures ${year}`,
          sequence_type: invoiceType,
          company,
          prefix: `FA${year}-`,
          padding: 5,
        },
        {
          name: `Avoirs ${year}`,
          sequence_type: invoiceType,
          company,
          prefix: `AV${year}-`,
          padding: 5,
        },
      ],
      { context: ctx },
    );
    const years = await client.model('account.fiscalyear').create(
      [
        {
          name: String(year),
          company,
          start_date: TrytonDate.fromISO(`${year}-01-01`),
          end_date: TrytonDate.fromISO(`${year}-12-31`),
          [names.fiscalYearMoveSequence]: moves,
          invoice_sequences: [
            [
              'create',
              [
                {
                  company,
                  out_invoice_sequence: invoices,
                  out_credit_note_sequence: credits,
                  in_invoice_sequence: invoices,
                  in_credit_note_sequence: credits,
                },
              ],
            ],
          ],
        },
      ],
      { context: ctx },
    );
    await client.model('account.fiscalyear').button('create_period', years, { context: ctx });
  }
}

/** Readable order and shipment numbers instead of Tryton's bare counters. */
async function numbering(client: TrytonClient, ctx: Context): Promise<void> {
  for (const [type, prefix] of [
    ['Sale', 'CV-'],
    ['Customer Shipment', 'BL-'],
  ] as const) {
    const typeId = await sequenceType(client, type, ctx);
    const sequences = await client
      .model('ir.sequence')
      .search([['sequence_type', '=', typeId]], { context: ctx });
    await client.model('ir.sequence').write(sequences, { prefix, padding: 5 }, { context: ctx });
  }
}

async function catalogue(
  client: TrytonClient,
  accounts: Accounts,
  ctx: Context,
): Promise<Map<string, { id: number; uom: number; price: string; name: string }>> {
  const uom = async (symbol: string) =>
    one(
      await client.model('product.uom').search([['symbol', '=', symbol]], { context: ctx }),
      symbol,
    );
  const uoms = { kg: await uom('kg'), u: await uom('u') };
  const category = one(
    await client.model('product.category').create(
      [
        {
          name: 'Épicerie fine',
          accounting: true,
          account_revenue: accounts.revenue,
          account_expense: accounts.expense,
          customer_taxes: [['add', [accounts.vat20]]],
        },
      ],
      { context: ctx },
    ),
    'product category',
  );
  const templates = await client.model('product.template').create(
    PRODUCTS.map((p) => ({
      name: p.name,
      type: 'goods',
      default_uom: uoms[p.uom],
      sale_uom: uoms[p.uom],
      salable: true,
      list_price: Decimal.from(p.price),
      account_category: category,
      products: [
        [
          'create',
          [{ suffix_code: p.code, cost_price: Decimal.from(p.price).mul(Decimal.from('0.55')) }],
        ],
      ],
    })),
    { context: ctx },
  );
  const rows = await client
    .model<{ id: number; template: number }>('product.product')
    .searchRead([['template', 'in', templates]], ['id', 'template'], { context: ctx });
  const byCode = new Map<string, { id: number; uom: number; price: string; name: string }>();
  PRODUCTS.forEach((p, index) => {
    const row = rows.find((r) => r.template === templates[index]);
    if (!row) throw new Error(`demo seed: product ${p.code} not created`);
    byCode.set(p.code, { id: row.id, uom: uoms[p.uom], price: p.price, name: p.name });
  });
  return byCode;
}

async function customers(
  client: TrytonClient,
  refs: { france: number; fr: number; en: number },
  ctx: Context,
  names: SeriesNames,
): Promise<SeedResult['parties']> {
  const ids = await client.model('party.party').create(
    CUSTOMERS.map((c) => ({
      name: c.party,
      lang: c.language === 'fr' ? refs.fr : refs.en,
      addresses: [
        [
          'create',
          [{ street: c.street, postal_code: c.postalCode, city: c.city, country: refs.france }],
        ],
      ],
      contact_mechanisms: [
        [
          'create',
          [
            ...(c.email ? [{ type: 'email', value: c.email }] : []),
            { type: 'phone', value: c.phone },
          ],
        ],
      ],
    })),
    { context: ctx },
  );
  const parties = Object.fromEntries(
    CUSTOMERS.map((c, i) => [c.key, ids[i]]),
  ) as SeedResult['parties'];
  // A second delivery address for Marie, so the portal shows more than one.
  await client.model('party.address').create(
    [
      {
        party: parties.marie,
        [names.addressBuildingName]: 'Entrepôt',
        street: '27 rue de Gerland',
        postal_code: '69007',
        city: 'Lyon',
        country: refs.france,
      },
    ],
    { context: ctx },
  );
  await client.model('web.user').create(
    [
      ...CUSTOMERS.filter((c) => c.email).map((c) => ({
        email: c.email,
        password: DEMO_PASSWORD,
        party: parties[c.key],
        email_valid: true,
        portal_role: 'administrator',
      })),
      ...MEMBERS.map((m) => ({
        email: m.email,
        password: DEMO_PASSWORD,
        party: parties[m.customer],
        email_valid: true,
        portal_role: m.role,
      })),
    ],
    { context: ctx },
  );
  return parties;
}

interface SaleRefs {
  parties: SeedResult['parties'];
  products: Map<string, { id: number; uom: number; price: string; name: string }>;
  paymentTerm: number;
  company: number;
  eur: number;
}

async function createSales(
  client: TrytonClient,
  plans: SalePlan[],
  refs: SaleRefs,
  ctx: Context,
): Promise<number[]> {
  const today = TrytonDate.fromISO(new Date().toISOString().slice(0, 10));
  const addresses = new Map<number, number>();
  for (const party of new Set(plans.map((p) => refs.parties[p.customer]))) {
    const [address] = await client
      .model('party.address')
      .search([['party', '=', party]], { order: [['id', 'ASC']], limit: 1, context: ctx });
    if (address === undefined) throw new Error('demo seed: customer without address');
    addresses.set(party, address);
  }
  const vat = await client
    .model('account.tax')
    .search([['name', '=', 'T.V.A. Vente de biens Taux Normal']], { context: ctx });
  const values = plans.map((plan) => {
    const party = refs.parties[plan.customer];
    const address = addresses.get(party);
    return {
      party,
      company: refs.company,
      currency: refs.eur,
      payment_term: refs.paymentTerm,
      invoice_address: address,
      shipment_address: address,
      reference: plan.reference,
      sale_date: addMonths(today, plan.monthsAgo, plan.day),
      lines: [
        [
          'create',
          plan.lines.map(([code, quantity]) => {
            const product = refs.products.get(code);
            if (!product) throw new Error(`demo seed: unknown product ${code}`);
            return {
              type: 'line',
              product: product.id,
              description: product.name,
              quantity,
              unit: product.uom,
              unit_price: Decimal.from(product.price),
              taxes: [['add', vat]],
            };
          }),
        ],
      ],
    };
  });
  // One call for hundreds of sales: Tryton creates them in one transaction.
  return await client.model('sale.sale').create(values, { context: ctx });
}

function pick(plans: SalePlan[], ids: number[], outcomes: SalePlan['outcome'][]): number[] {
  return ids.filter((_, i) => outcomes.includes((plans[i] as SalePlan).outcome));
}

/** Tryton asks to confirm some actions (a due date in the past); the demo always agrees. */
async function withWarningsSkipped(
  client: TrytonClient,
  action: () => Promise<unknown>,
  ctx: Context,
) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof UserWarningError) || attempt > 500) throw error;
      await client
        .model('res.user.warning')
        .create([{ user: client.session?.userId, name: error.name, always: false }], {
          context: ctx,
        });
    }
  }
}

async function runWorkflow(
  client: TrytonClient,
  plans: SalePlan[],
  ids: number[],
  refs: { paymentMethod: number; today: TrytonDate },
  ctx: Context,
  names: SeriesNames,
): Promise<void> {
  const sales = client.model('sale.sale');
  // A cancelled order was a quotation first: the customer saw it, with its number.
  await sales.button(
    'quote',
    pick(plans, ids, ['quotation', 'confirmed', 'invoiced', 'partlyPaid', 'done', 'cancelled']),
    { context: ctx },
  );
  await sales.button('cancel', pick(plans, ids, ['cancelled']), { context: ctx });

  await sales.button('confirm', pick(plans, ids, ['invoiced', 'partlyPaid', 'done']), {
    context: ctx,
  });
  // Without a queue worker Tryton processes a sale as soon as it is confirmed; a sale that is
  // confirmed and not processed yet (what customers see while the queue catches up) is set
  // directly.
  await sales.write(pick(plans, ids, ['confirmed']), { state: 'confirmed' }, { context: ctx });
  const toProcess = pick(plans, ids, ['invoiced', 'partlyPaid', 'done']);
  await sales.button('process', toProcess, { context: ctx });

  // Invoices are dated like their sale, then posted (rendering their PDF).
  const rows = await sales.read(toProcess, ['invoices', 'shipments', 'sale_date'], {
    context: ctx,
  });
  const invoiceModel = client.model('account.invoice');
  for (const row of rows as { id: number; invoices: number[]; sale_date: TrytonDate }[]) {
    await invoiceModel.write(row.invoices, { invoice_date: row.sale_date }, { context: ctx });
  }
  const invoicesOf = (outcomes: SalePlan['outcome'][]) =>
    (rows as { id: number; invoices: number[] }[])
      .filter((r) => outcomes.includes((plans[ids.indexOf(r.id)] as SalePlan).outcome))
      .flatMap((r) => r.invoices);
  const allInvoices = invoicesOf(['invoiced', 'partlyPaid', 'done']);
  // Posting is the slowest step: moves, numbering, and Tryton 7.x renders each customer
  // invoice's report as it posts it. In batches of 25, so that each call stays well under the
  // seed client's timeout on a busy machine (100 at once took over 300 s at a load of 12).
  for (let i = 0; i < allInvoices.length; i += 25) {
    const batch = allInvoices.slice(i, i + 25);
    await withWarningsSkipped(
      client,
      () => invoiceModel.button('post', batch, { context: ctx }),
      ctx,
    );
  }

  for (const invoice of invoicesOf(['done'])) await pay(client, invoice, null, refs, ctx);
  for (const invoice of invoicesOf(['partlyPaid'])) await pay(client, invoice, '0.4', refs, ctx);

  // Delivered: the shipments of done sales go through picking to done.
  const shipments = (rows as { id: number; shipments: number[] }[])
    .filter((r) => (plans[ids.indexOf(r.id)] as SalePlan).outcome === 'done')
    .flatMap((r) => r.shipments);
  for (const button of names.shipmentToDone) {
    await client.model('stock.shipment.out').button(button, shipments, { context: ctx });
  }
  await sales.button('process', pick(plans, ids, ['done']), { context: ctx });
}

/** Pays an invoice in full (`share` null) or the given share of it, with the pay wizard. */
async function pay(
  client: TrytonClient,
  invoice: number,
  share: string | null,
  refs: { paymentMethod: number; today: TrytonDate },
  ctx: Context,
): Promise<void> {
  const wizard = 'wizard.account.invoice.pay';
  const context = {
    ...ctx,
    active_model: 'account.invoice',
    active_id: invoice,
    active_ids: [invoice],
  };
  const [session] = (await client.call(`${wizard}.create`, [], { context })) as [number];
  const start = (await client.call(`${wizard}.execute`, [session, {}, 'start'], { context })) as {
    view: { defaults: Record<string, unknown> };
  };
  const defaults = Object.fromEntries(
    Object.entries(start.view.defaults).filter(([key]) => !key.endsWith('.')),
  );
  const [row] = (await client
    .model('account.invoice')
    .read([invoice], ['invoice_date', 'amount_to_pay'], { context })) as {
    invoice_date: TrytonDate;
    amount_to_pay: Decimal;
  }[];
  if (!row) throw new Error('demo seed: invoice vanished');
  const amount = share ? row.amount_to_pay.mul(Decimal.from(share)) : row.amount_to_pay;
  const data = {
    ...defaults,
    payment_method: refs.paymentMethod,
    amount: Decimal.from(amount.toFixed(2)),
    date: row.invoice_date,
    description: 'Virement reçu',
  };
  const next = (await client.call(`${wizard}.execute`, [session, { start: data }, 'choice'], {
    context,
  })) as { view?: { defaults: Record<string, unknown> } } | null;
  if (next?.view) {
    const ask = Object.fromEntries(
      Object.entries(next.view.defaults).filter(([key]) => !key.endsWith('.')),
    );
    await client.call(
      `${wizard}.execute`,
      [session, { start: data, ask: { ...ask, type: 'partial' } }, 'pay'],
      { context },
    );
  }
  await client.call(`${wizard}.delete`, [session], { context });
}

async function attachments(
  client: TrytonClient,
  plans: SalePlan[],
  ids: number[],
  parties: SeedResult['parties'],
  ctx: Context,
): Promise<void> {
  const saleOf = (reference: string) => ids[plans.findIndex((p) => p.reference === reference)];
  const [invoice] = await client
    .model('sale.sale')
    .read([saleOf('DUP-2607-G') as number], ['invoices'], { context: ctx });
  const invoiceId = (invoice as { invoices: number[] } | undefined)?.invoices[0];
  const text = (s: string) => new TextEncoder().encode(s);
  await client.model('ir.attachment').create(
    [
      {
        name: 'Bon de livraison signé.pdf',
        resource: `sale.sale,${saleOf('DUP-2607-G')}`,
        type: 'data',
        data: SAMPLE_PDF,
      },
      {
        name: 'Relevé de livraison.txt',
        resource: `account.invoice,${invoiceId}`,
        type: 'data',
        data: text('Livraison effectuée le matin, 2 colis, réception par Mme Dupont.\n'),
      },
      {
        name: 'Conditions générales de vente 2026.pdf',
        resource: `party.party,${parties.marie}`,
        type: 'data',
        data: SAMPLE_PDF,
      },
      {
        name: 'Devis signé.pdf',
        resource: `sale.sale,${saleOf('MAR-D1')}`,
        type: 'data',
        data: SAMPLE_PDF,
      },
      {
        name: 'Brouillon interne.txt',
        resource: `sale.sale,${saleOf('BROUILLON-1')}`,
        type: 'data',
        data: text('Ne doit jamais apparaître dans le portail.\n'),
      },
    ],
    { context: ctx },
  );
}

/**
 * The kinds of problem customers may report (about an order, or about lines) and, on a
 * delivered order of Marie, a complaint about one line that the company answered.
 */
async function complaints(
  client: TrytonClient,
  plans: SalePlan[],
  ids: number[],
  parties: SeedResult['parties'],
  ctx: Context,
  names: SeriesNames,
): Promise<void> {
  const model = async (name: string) =>
    one(
      await client.model('ir.model').search([[names.modelNameField, '=', name]], { context: ctx }),
      name,
    );
  const [sale, line, invoice] = [
    await model('sale.sale'),
    await model('sale.line'),
    await model('account.invoice'),
  ];
  const types = await client.model('sale.complaint.type').create(
    [
      { name: 'Livraison en retard', origin: sale },
      { name: 'Colis incomplet', origin: sale },
      { name: 'Marchandise abîmée', origin: line },
      { name: 'Produit non conforme', origin: line },
      // Not about an order: the portal does not offer it.
      { name: 'Erreur de facturation', origin: invoice },
    ],
    { context: ctx },
  );
  const orderId = ids[plans.findIndex((p) => p.reference === 'DUP-2607-G')] as number;
  const lines = await client
    .model<{ id: number; 'product.': { code: string } | null }>('sale.line')
    .searchRead(
      [
        ['sale', '=', orderId],
        ['type', '=', 'line'],
      ],
      ['product.code'],
      {
        context: ctx,
      },
    );
  const salt = lines.find((l) => l['product.']?.code === 'SEL-GUE');
  if (!salt) throw new Error('demo seed: no SEL-GUE line on DUP-2607-G');
  const [complaint] = await client.model('sale.complaint').create(
    [
      {
        customer: parties.marie,
        type: types[2],
        origin: `sale.line,${salt.id}`,
        description:
          'Un des deux sacs de sel de Guérande est arrivé percé, le sel s’est répandu dans le carton.',
        portal_answer:
          'Nous sommes désolés. Un sac de remplacement partira avec votre prochaine commande, sans frais.',
      },
    ],
    { context: ctx },
  );
  const complaintIds = [complaint as number];
  // `wait` warns of similar complaints (none here); the staff then accept it.
  await withWarningsSkipped(
    client,
    () => client.model('sale.complaint').button('wait', complaintIds, { context: ctx }),
    ctx,
  );
  await client.model('sale.complaint').button('approve', complaintIds, { context: ctx });
}

/** The gateway's technical user: in the "Portal gateway" group only, never an admin. */
export async function gatewayUser(
  client: TrytonClient,
  company: number,
  login: string,
  password: string,
  ctx: Context,
): Promise<void> {
  // ir.model.data is not readable over RPC since 7.x: the group by its (untranslated) name.
  const [group] = await client
    .model('res.group')
    .search([['name', '=', 'Portal gateway']], { context: { ...ctx, language: 'en' } });
  if (!group) throw new Error('demo seed: the portal_api module is not active');
  await client.model('res.user').create(
    [
      {
        login,
        name: 'Portal gateway',
        password,
        groups: [['add', [group]]],
        companies: [['add', [company]]],
        company,
      },
    ],
    { context: ctx },
  );
}
