import { databaseTemplate, type RunningTryton, startTryton } from '@portal/devstack';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal, TrytonClient, UserError, UserWarningError } from '../src/index.js';

/** The schema of the sales read here: each relation under its name plus a dot. */
interface SaleRow {
  id: number;
  number: string | null;
  state: string;
  total_amount: Decimal;
  'party.': { id: number; rec_name: string };
  'lines.': { id: number; type: string; 'product.': { id: number; rec_name: string } | null }[];
}

/** Sales, buttons and wizards on Debian's real trytond 6.0, with a company set up here. */
describe('model API on real sales', () => {
  let tryton: RunningTryton;
  let client: TrytonClient;
  let customer: number;
  let address: number;
  let product: number;

  beforeAll(async () => {
    tryton = await startTryton({ template: await databaseTemplate() });
    client = new TrytonClient({ url: tryton.url, database: tryton.database });
    await client.login('admin', tryton.adminPassword);
    const [euro] = await client
      .model('currency.currency')
      .create([
        { name: 'Euro', code: 'EUR', symbol: '€', rounding: Decimal.from('0.01'), digits: 2 },
      ]);
    const [companyParty] = await client.model('party.party').create([{ name: 'Portail SA' }]);
    const [company] = await client
      .model('company.company')
      .create([{ party: companyParty, currency: euro }]);
    const [admin] = await client.model('res.user').search([['login', '=', 'admin']]);
    await client
      .model('res.user')
      .write([admin as number], { companies: [['add', [company]]], company });
    // Logging in again reloads the preferences: the company goes into every context.
    await client.login('admin', tryton.adminPassword);
    [customer] = (await client
      .model('party.party')
      .create([
        { name: 'Client Dupont', addresses: [['create', [{ street: '1 rue de la Paix' }]]] },
      ])) as [number];
    [address] = (await client.model('party.address').search([['party', '=', customer]])) as [
      number,
    ];
    const [template] = await client.model('product.template').create([
      {
        name: 'Conseil',
        type: 'service',
        default_uom: 1,
        salable: true,
        sale_uom: 1,
        list_price: Decimal.from('120'),
        products: [['create', [{ code: 'CONS' }]]],
      },
    ]);
    [product] = (await client.model('product.product').search([['template', '=', template]])) as [
      number,
    ];
  });
  afterAll(async () => {
    await client?.close();
    await tryton?.stop();
  });

  async function createSales(
    count: number,
    reference: string,
    values: Record<string, unknown> = {},
  ): Promise<number[]> {
    return await client.model('sale.sale').create(
      Array.from({ length: count }, (_, i) => ({
        ...values,
        party: customer,
        invoice_address: address,
        shipment_address: address,
        reference: `${reference}-${i}`,
        lines: [
          [
            'create',
            [
              {
                product,
                quantity: i + 1,
                unit: 1,
                unit_price: Decimal.from('120.50'),
                description: 'Conseil',
              },
              { type: 'comment', description: 'Livraison le matin' },
            ],
          ],
        ],
      })),
    );
  }

  it('pages searchRead with offset and limit, in the order asked', async () => {
    const ids = await createSales(5, 'page');
    const sales = client.model<{ id: number; reference: string }>('sale.sale');
    const domain = [['reference', 'like', 'page-%']];
    const order: [string, 'ASC' | 'DESC'][] = [['reference', 'DESC']];
    const first = await sales.searchRead(domain, ['reference'], { order, limit: 2 });
    const second = await sales.searchRead(domain, ['reference'], { order, limit: 2, offset: 2 });
    const last = await sales.searchRead(domain, ['reference'], { order, limit: 2, offset: 4 });
    expect([...first, ...second, ...last].map((r) => r.reference)).toEqual([
      'page-4',
      'page-3',
      'page-2',
      'page-1',
      'page-0',
    ]);
    expect(last.map((r) => r.id)).toEqual([ids[0]]);
  });

  it('reads two-level dotted fields with exact money', async () => {
    const [sale] = (await createSales(2, 'dotted')).slice(1);
    const fields = [
      'state',
      'total_amount',
      'party.rec_name',
      'lines.type',
      'lines.product.rec_name',
    ] as const;
    const [row] = await client.model<SaleRow>('sale.sale').read([sale as number], fields);
    // The shape inferred from `fields` is the one on the wire: no `party` or `lines` ids.
    expectTypeOf(row).toEqualTypeOf<
      | {
          id: number;
          state: string;
          total_amount: Decimal;
          'party.': { id: number; rec_name: string };
          'lines.': {
            id: number;
            type: string;
            'product.': { id: number; rec_name: string } | null;
          }[];
        }
      | undefined
    >();
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'id',
      'lines.',
      'party.',
      'state',
      'total_amount',
    ]);
    expect(row?.['lines.'].map((line) => Object.keys(line).sort())).toEqual([
      ['id', 'product.', 'type'],
      ['id', 'product.', 'type'],
    ]);
    expect(row?.['party.']).toEqual({ id: customer, rec_name: 'Client Dupont' });
    const lines = [...(row?.['lines.'] ?? [])].sort((a, b) => a.id - b.id);
    expect(lines.map((l) => l.type)).toEqual(['line', 'comment']);
    expect(lines[0]?.['product.']).toEqual({ id: product, rec_name: 'Conseil' });
    expect(lines[1]?.['product.']).toBeNull();
    // 2 × 120.50, no taxes: a Decimal, never a float.
    expect(row?.total_amount).toBeInstanceOf(Decimal);
    expect(row?.total_amount.toString()).toBe('241.00');
  });

  it('describes fields with fieldsGet', async () => {
    const fields = (await client
      .model('sale.sale')
      .fieldsGet(['state', 'lines', 'total_amount'])) as Record<
      string,
      { type: string; relation?: string; selection?: [string, string][] }
    >;
    expect(Object.keys(fields).sort()).toEqual(['lines', 'state', 'total_amount']);
    expect(fields.lines).toMatchObject({ type: 'one2many', relation: 'sale.line' });
    expect(fields.total_amount?.type).toBe('numeric');
    expect(fields.state?.selection?.map(([value]) => value)).toContain('quotation');
  });

  it('runs buttons (quote, confirm), then refuses to delete the sale with a UserError', async () => {
    // Manual invoicing and shipping: confirming needs no accounts or stock. Since 7.0 the sale
    // stays `processing` (its lines are not invoiced yet); 6.0 ended it `done`.
    const [sale] = (await createSales(1, 'button', {
      invoice_method: 'manual',
      shipment_method: 'manual',
    })) as [number];
    const sales = client.model<SaleRow>('sale.sale');
    expect(await sales.button('quote', [sale])).toBeNull();
    const [quoted] = await sales.read([sale], ['state', 'number']);
    expect(quoted?.state).toBe('quotation');
    expect(quoted?.number).toMatch(/^\d+$/);
    await sales.button('confirm', [sale]);
    expect((await sales.read([sale], ['state']))[0]?.state).toBe('processing');
    // Tryton cancels draft and quoted sales before deleting them; a confirmed one cannot be.
    const error = await sales.delete([sale]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `To delete sale "${quoted?.number} [button-0]" you must cancel it.`,
    );
    expect((error as UserError).description).toBe('');
    expect((error as UserError).domain).toBeNull();
    expect(await sales.searchCount([['id', '=', sale]])).toBe(1);
  });

  it('drives a wizard through create, execute and delete (party.replace)', async () => {
    const parties = client.model<{ id: number; active: unknown; replaced_by: number | null }>(
      'party.party',
    );
    const [source, destination] = (await parties.create([
      { name: 'Durand', addresses: [['create', [{ city: 'Lyon' }]]] },
      { name: 'Durand' },
    ])) as [number, number];
    const wizard = client.wizard('party.replace');
    const { session, start, end } = await wizard.create();
    expect([start, end]).toEqual(['ask', 'end']);
    const context = { active_model: 'party.party', active_id: source, active_ids: [source] };
    const view = (await wizard.execute(session, {}, start, { context })) as {
      view: { fields_view: { model: string } };
    };
    expect(view.view.fields_view.model).toBe('party.replace.ask');
    await wizard.execute(session, { ask: { source, destination } }, 'replace', { context });
    await wizard.delete(session);
    const rows = await parties.read([source], ['active', 'replaced_by'], {
      context: { active_test: false },
    });
    // SQLite answers booleans as 0/1.
    expect(rows.map((r) => [Boolean(r.active), r.replaced_by])).toEqual([[false, destination]]);
    const moved = await client
      .model('party.address')
      .search([['party', '=', destination]], { context: { active_test: false } });
    expect(moved).toHaveLength(1);
  });

  it('raises a UserWarningError that the caller skips by name, then retries', async () => {
    const [source, destination] = (await client
      .model('party.party')
      .create([{ name: 'Martin' }, { name: 'Martine' }])) as [number, number];
    const wizard = client.wizard('party.replace');
    const { session } = await wizard.create();
    const data = { ask: { source, destination } };
    const warning = await wizard.execute(session, data, 'replace').catch((e: unknown) => e);
    expect(warning).toBeInstanceOf(UserWarningError);
    const { name, message } = warning as UserWarningError;
    expect(name).toBe(`party.replace name ${source} ${destination}`);
    expect(message).toBe('Parties have different names: "Martin" vs "Martine".');
    // What a client does when the user confirms: record the skip, call again.
    await client
      .model('res.user.warning')
      .create([{ user: client.session?.userId, name, always: false }]);
    await wizard.execute(session, data, 'replace');
    await wizard.delete(session);
    expect(await client.model('party.party').search([['id', '=', source]])).toEqual([]);
  });
});
