import { type Context, type TrytonClient, TrytonDate } from '@portal/tryton-client';
import { DEMO_PASSWORD } from './catalogue.js';

export interface LoadAccount {
  email: string;
  password: string;
}

/**
 * N more customers for the load harness (issue 17; docs/reliability.md), each with its own
 * party, address, web user (administrator) and `ordersEach` orders, so that N virtual
 * customers sign in as N people rather than sharing the demo's three e-mails (whose login
 * limits would throttle them). Each customer's orders are copies of the grocery's first
 * orders (same products, prices and taxes), all quoted and every other one confirmed: what
 * the portal lists and shows. They have no invoices: the demo's three accounts keep those.
 * Run as Tryton's admin on a running copy of the demo database; e-mails are
 * `load-<n>@example.test`, with the demo password.
 */
export async function seedLoadCustomers(
  client: TrytonClient,
  options: { count: number; ordersEach: number; password?: string },
): Promise<LoadAccount[]> {
  const password = options.password ?? DEMO_PASSWORD;
  const [company] = await client.model('company.company').search([], { limit: 1 });
  if (company === undefined) throw new Error('load customers: no company');
  const ctx: Context = { company, language: 'fr' };
  const parties = client.model('party.party');
  const [model] = await parties.read(
    await parties.search([['name', '=', 'Épicerie Dupont']], { limit: 1, context: ctx }),
    ['lang', 'addresses'],
    { context: ctx },
  );
  if (!model) throw new Error('load customers: the demo database has no grocery');
  const [address] = await client
    .model('party.address')
    .read((model.addresses as number[]).slice(0, 1), ['country'], { context: ctx });
  const sales = client.model('sale.sale');
  const templates = await sales.search(
    [
      ['party', '=', model.id],
      ['state', 'in', ['confirmed', 'processing', 'done']],
    ],
    { order: [['id', 'ASC']], limit: options.ordersEach, context: ctx },
  );
  if (templates.length < options.ordersEach) {
    throw new Error(`load customers: the grocery has ${templates.length} orders to copy`);
  }
  const digits = String(options.count).length;
  const accounts: LoadAccount[] = [];
  // In batches: each call stays short on a busy machine (Tryton hashes each password).
  for (let first = 1; first <= options.count; first += 20) {
    const numbers = Array.from({ length: Math.min(20, options.count - first + 1) }, (_, i) =>
      `${first + i}`.padStart(digits, '0'),
    );
    const ids = await parties.create(
      numbers.map((n) => ({
        name: `Client de charge ${n}`,
        lang: model.lang,
        addresses: [
          [
            'create',
            [
              {
                street: `${n} rue du Test`,
                postal_code: '69000',
                city: 'Lyon',
                country: address?.country,
              },
            ],
          ],
        ],
      })),
      { context: ctx },
    );
    const emails = numbers.map((n) => `load-${n}@example.test`);
    await client.model('web.user').create(
      ids.map((party, i) => ({
        email: emails[i],
        password,
        party,
        email_valid: true,
        portal_role: 'administrator',
      })),
      { context: ctx },
    );
    const addresses = await client
      .model('party.address')
      .searchRead([['party', 'in', ids]], ['party'], { context: ctx });
    const copies: number[] = [];
    for (const row of addresses as { id: number; party: number }[]) {
      copies.push(
        ...((await client.call(
          'model.sale.sale.copy',
          [templates, { party: row.party, invoice_address: row.id, shipment_address: row.id }],
          { context: ctx },
        )) as number[]),
      );
    }
    // A copy has no date (Tryton sets it at confirmation): one a day, going back from today.
    await sales.writeMany(
      copies.map((id, i) => [
        [id],
        {
          sale_date: TrytonDate.fromISO(
            new Date(Date.now() - (i % options.ordersEach) * 86_400_000).toISOString().slice(0, 10),
          ),
        },
      ]),
      { context: ctx },
    );
    await sales.button('quote', copies, { context: ctx });
    // Confirmed without processing (no shipment, no invoice): cheap, and listed alike.
    await sales.write(
      copies.filter((_, i) => i % 2 === 0),
      { state: 'confirmed' },
      { context: ctx },
    );
    accounts.push(...emails.map((email) => ({ email, password })));
  }
  return accounts;
}
