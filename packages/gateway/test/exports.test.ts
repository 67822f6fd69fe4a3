import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { everything, type Found, ok } from './support/customer-view.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

type Invoices = {
  viewer: {
    invoices: {
      totalCount: number;
      edges: { node: { id: string; number: string; totalAmount: { amount: string } } }[];
    };
  };
};
const INVOICES = `query ($filter: InvoiceFilter) { viewer { invoices(first: 100, filter: $filter) {
  totalCount edges { node { id number totalAmount { amount } } } } } }`;

/** The entries of a ZIP: name → content. */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** The JSON error of a refused download or export. */
async function errorOf(response: Response): Promise<Record<string, unknown>> {
  return ((await response.json()) as { error: Record<string, unknown> }).error;
}

/** A CSV export's rows as records keyed by its header (the BOM and separator of `language`). */
function rows(bytes: Buffer | undefined, language: 'fr' | 'en'): Record<string, string>[] {
  // The UTF-8 byte order mark that tells Excel the encoding (fetch's text() would drop it).
  expect([...(bytes ?? Buffer.alloc(0)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes?.toString() ?? '', {
    bom: true,
    columns: true,
    delimiter: language === 'fr' ? ';' : ',',
  });
}

describe('bulk exports (ZIP of invoice PDFs, CSV of the lists)', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  let wholesaler: GraphQLSession;
  let jeans: Found;

  beforeAll(async () => {
    stack = await startStack({ EXPORT_MAX_INVOICES: '3', EXPORT_MAX_ROWS: '600' });
    const { customers } = stack.tryton;
    marie = stack.session();
    jean = stack.session();
    wholesaler = stack.session({ 'accept-language': 'en' });
    await marie.login(customers.marie.email, customers.marie.password);
    await jean.login(customers.jean.email, customers.jean.password);
    await wholesaler.login(customers.wholesaler.email, customers.wholesaler.password);
    jeans = await everything(jean);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('zips the picked invoices’ PDFs with a summary that matches the list', async () => {
    const listed = ok(await marie.query<Invoices>(INVOICES)).viewer.invoices.edges.slice(0, 2);
    expect(listed).toHaveLength(2);
    const response = await marie.get(
      `/downloads/exports/invoices.zip?ids=${listed.map((e) => e.node.id).join(',')}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Factures /);
    expect(response.headers.get('ratelimit-remaining')).not.toBeNull();
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...entries.keys()].sort()).toEqual(
      ['recapitulatif.csv', ...listed.map((e) => `Facture ${e.node.number}.pdf`)].sort(),
    );
    for (const { node } of listed) {
      expect(entries.get(`Facture ${node.number}.pdf`)?.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const summary = rows(entries.get('recapitulatif.csv'), 'fr');
    expect(summary.map((r) => [r.Numéro, r['Montant TTC']])).toEqual(
      listed.map((e) => [e.node.number, e.node.totalAmount.amount.replace('.', ',')]),
    );
  });

  it('leaves out another customer’s invoices: a forged id list yields nothing', async () => {
    expect(jeans.invoiceIds.length).toBeGreaterThan(0);
    const forged = jeans.invoiceIds.slice(0, 3).join(',');
    const zip = await marie.get(`/downloads/exports/invoices.zip?ids=${forged}`);
    expect(zip.status).toBe(404);
    expect((await errorOf(zip)).code).toBe('NOT_FOUND');
    const csv = await marie.get(`/downloads/exports/invoices.csv?ids=${forged}`);
    expect(csv.status).toBe(200);
    expect(rows(await bytes(csv), 'fr')).toEqual([]);
    // One of hers among his: only hers comes out.
    const [own] = ok(await marie.query<Invoices>(INVOICES)).viewer.invoices.edges;
    const mixed = await marie.get(
      `/downloads/exports/invoices.zip?ids=${jeans.invoiceIds[0]},${own?.node.id},not-an-id`,
    );
    expect(mixed.status).toBe(200);
    const entries = await unzip(Buffer.from(await mixed.arrayBuffer()));
    expect([...entries.keys()].sort()).toEqual(
      ['recapitulatif.csv', `Facture ${own?.node.number}.pdf`].sort(),
    );
    for (const number of jeans.invoiceNumbers) {
      expect(entries.get('recapitulatif.csv')?.toString()).not.toContain(number);
    }
  });

  it('exports a filter’s whole result, as the list shows it', async () => {
    const unpaid = ok(await marie.query<Invoices>(INVOICES, { filter: { unpaid: true } })).viewer
      .invoices;
    expect(unpaid.totalCount).toBeGreaterThan(0);
    const csv = await marie.get('/downloads/exports/invoices.csv?unpaid=1');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(rows(await bytes(csv), 'fr').map((r) => r.Numéro)).toEqual(
      unpaid.edges.map((e) => e.node.number),
    );
    // The wholesaler's 520 orders, in English (their browser's language).
    const orders = await wholesaler.get('/downloads/exports/orders.csv');
    expect(orders.status).toBe(200);
    expect(orders.headers.get('content-disposition')).toMatch(
      /filename="Orders \d{4}-\d{2}-\d{2}\.csv"/,
    );
    const records = rows(await bytes(orders), 'en');
    expect(records).toHaveLength(520);
    expect(records[0]).toHaveProperty('Number');
    expect(records[0]?.Total).toMatch(/^\d+\.\d+$/);
  });

  it('refuses exports over the limit, bad parameters, unknown exports and anonymous callers', async () => {
    const all = ok(await marie.query<Invoices>(INVOICES)).viewer.invoices;
    expect(all.totalCount).toBeGreaterThan(3);
    // The limits the schema tells (the web app disables an export above them) are the ones
    // the exports apply: the same configuration.
    const { exportLimits } = ok(
      await marie.query<{
        viewer: { exportLimits: { invoicesPerZip: number; rowsPerCsv: number } };
      }>('{ viewer { exportLimits { invoicesPerZip rowsPerCsv } } }'),
    ).viewer;
    expect(exportLimits).toEqual({ invoicesPerZip: 3, rowsPerCsv: 600 });
    const tooLarge = await marie.get('/downloads/exports/invoices.zip');
    expect(tooLarge.status).toBe(400);
    expect(await errorOf(tooLarge)).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      count: all.totalCount,
      limit: exportLimits.invoicesPerZip,
    });
    for (const query of ['states=DRAFT', 'dateFrom=yesterday', 'unpaid=maybe', 'color=red']) {
      const bad = await marie.get(`/downloads/exports/invoices.csv?${query}`);
      expect(bad.status, query).toBe(400);
      expect((await errorOf(bad)).code, query).toBe('BAD_USER_INPUT');
    }
    expect((await marie.get('/downloads/exports/payments.csv')).status).toBe(404);
    const anonymous = await stack.session().get('/downloads/exports/orders.csv');
    expect(anonymous.status).toBe(401);
  });
});

describe('bulk exports and the quota', () => {
  let stack: TestStack;
  let marie: GraphQLSession;

  beforeAll(async () => {
    // 400 points, refilled at 0.1 a second: a ZIP of three PDFs costs 10 + 3 × 50.
    stack = await startStack({ QUOTA_BUCKET_SIZE: '400', QUOTA_RESTORE_RATE: '0.1' });
    const { customers } = stack.tryton;
    marie = stack.session();
    await marie.login(customers.marie.email, customers.marie.password);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('charges each PDF of a ZIP, and refuses with 429 and Retry-After when the bucket is empty', async () => {
    // Three invoices: a query of 8 points.
    const first3 = INVOICES.replace('first: 100', 'first: 3');
    const ids = ok(await marie.query<Invoices>(first3))
      .viewer.invoices.edges.map((e) => e.node.id)
      .join(',');
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 4 && !refused; i++) {
      const response = await marie.get(`/downloads/exports/invoices.zip?ids=${ids}`);
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.arrayBuffer();
    }
    // 392 points pay for two ZIPs (2 × 160), not three.
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused && (await errorOf(refused))?.code).toBe('THROTTLED');
  });
});
