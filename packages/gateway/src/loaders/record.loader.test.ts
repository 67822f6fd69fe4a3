import type { Domain, TrytonClient } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { ReadCache } from '../cache/read-cache.js';
import { MemoryStore } from '../cache/store.js';
import { CACHE_AREAS, type CacheTtls } from '../config.js';
import { InvoicesService } from '../services/invoices.service.js';
import { OrdersService } from '../services/orders.service.js';
import { CustomerTryton } from '../tryton/customer-tryton.js';
import { INVOICE_FIELDS, INVOICE_MODEL } from '../tryton/invoice.mapper.js';
import { SALE_FIELDS, SALE_MODEL } from '../tryton/sale.mapper.js';
import { RecordLoaders } from './record.loader.js';

const ttls = Object.fromEntries(CACHE_AREAS.map((area) => [area, 60])) as CacheTtls;
const quiet = { hit: () => {}, miss: () => {}, avoided: () => {} };
const customer = { webUserId: 3, parties: [7] };

const ROWS: Record<string, Record<string, unknown>[]> = {
  [INVOICE_MODEL]: [
    { id: 11, number: 'FAC-11', state: 'posted', 'currency.': { code: 'EUR' } },
    { id: 12, number: 'FAC-12', state: 'paid', 'currency.': { code: 'EUR' } },
  ],
  [SALE_MODEL]: [{ id: 21, number: 'CMD-21', state: 'processing', 'currency.': { code: 'EUR' } }],
};

/** The ids of an `id in [...]` clause: how `records` reads by id. */
function idsIn(domain: Domain): number[] | null {
  for (const clause of domain) {
    if (Array.isArray(clause) && clause[0] === 'id' && clause[1] === 'in')
      return clause[2] as number[];
  }
  return null;
}

/** A Tryton that answers from ROWS and writes down each call (unit test: no server). */
function fakeTryton(calls: string[]): TrytonClient {
  return {
    call: async (method: string) => {
      calls.push(method);
      return calls.length;
    },
    model: (model: string) => ({
      searchRead: async (domain: Domain) => {
        calls.push(`${model}.search_read`);
        const ids = idsIn(domain);
        return (ROWS[model] ?? []).filter((row) => !ids || ids.includes(row.id as number));
      },
      searchCount: async () => {
        calls.push(`${model}.search_count`);
        return (ROWS[model] ?? []).length;
      },
    }),
  } as unknown as TrytonClient;
}

/** One request: its own CustomerTryton and loaders over the shared cache, as wiring.ts wires them. */
function request(cache: ReadCache, calls: string[]) {
  const tryton = new CustomerTryton(
    fakeTryton(calls),
    { kind: 'session', key: 's' },
    'fr',
    customer,
    cache,
  );
  const loaders = new RecordLoaders(tryton);
  return {
    loaders,
    invoices: new InvoicesService(tryton, loaders),
    orders: new OrdersService(tryton, loaders),
  };
}

describe('RecordLoaders with the read cache', () => {
  // The cause of a flaky warm dashboard (cache.test.ts): a listed record used to reach only
  // this request's loaders, so a later request that read it by id (an order's invoices)
  // before its own list had primed the loaders went to Tryton. Which resolver comes first
  // depends on how fast each answer arrives; both orders are played here.
  it('a listed invoice is a cached record: a later request reads it by id from the cache, before or after its list', async () => {
    const cache = new ReadCache(new MemoryStore(), ttls, quiet);
    const calls: string[] = [];
    const cold = request(cache, calls);
    await cold.invoices.list({ unpaid: true }, { direction: 'forward', limit: 5, cursor: null });
    // Served by the primed loader: no call of its own.
    calls.length = 0;
    await cold.loaders.load(INVOICE_MODEL, INVOICE_FIELDS, [11, 12]);
    expect(calls).toEqual([]);

    const linkFirst = request(cache, calls);
    const rows = await linkFirst.loaders.load(INVOICE_MODEL, INVOICE_FIELDS, [12, 11]);
    expect(rows.map((row) => row.id)).toEqual([12, 11]);
    await linkFirst.invoices.list(
      { unpaid: true },
      { direction: 'forward', limit: 5, cursor: null },
    );
    expect(calls).toEqual([]);
  });

  it('a listed order is a cached record too', async () => {
    const cache = new ReadCache(new MemoryStore(), ttls, quiet);
    const calls: string[] = [];
    await request(cache, calls).orders.list(null, { direction: 'forward', limit: 5, cursor: null });
    calls.length = 0;
    const [row] = await request(cache, calls).loaders.load(SALE_MODEL, SALE_FIELDS, [21]);
    expect(row?.number).toBe('CMD-21');
    expect(calls).toEqual([]);
  });

  it('keeps records apart per customer scope and field list', async () => {
    const cache = new ReadCache(new MemoryStore(), ttls, quiet);
    const calls: string[] = [];
    await request(cache, calls).invoices.list(null, {
      direction: 'forward',
      limit: 5,
      cursor: null,
    });
    calls.length = 0;
    await request(cache, calls).loaders.load(INVOICE_MODEL, ['number'], [11]);
    const other = new CustomerTryton(
      fakeTryton(calls),
      { kind: 'session', key: 't' },
      'fr',
      { webUserId: 4, parties: [8] },
      cache,
    );
    await new RecordLoaders(other).load(INVOICE_MODEL, INVOICE_FIELDS, [11]);
    expect(calls).toEqual([`${INVOICE_MODEL}.search_read`, `${INVOICE_MODEL}.search_read`]);
  });
});

describe('CustomerTryton.gatewayCall with the read cache', () => {
  it("is cached under its area's generation: a write that forgets the area forgets it", async () => {
    const cache = new ReadCache(new MemoryStore(), ttls, quiet);
    const calls: string[] = [];
    const tryton = () =>
      new CustomerTryton(fakeTryton(calls), { kind: 'session', key: 's' }, 'fr', customer, cache);
    const method = 'company_bank_account';
    await tryton().gatewayCall(method, 'invoices');
    await tryton().gatewayCall(method, 'invoices');
    expect(calls).toEqual([`model.portal.gateway.${method}`]);
    // A write forgets the customer's invoices: the next request asks Tryton again.
    await tryton().forget(['invoices']);
    await tryton().gatewayCall(method, 'invoices');
    expect(calls).toHaveLength(2);
    // Another area's write does not.
    await tryton().forget(['orders']);
    await tryton().gatewayCall(method, 'invoices');
    expect(calls).toHaveLength(2);
    // Never cached: each call asks Tryton.
    await tryton().gatewayCall('invoice_online_payments', null, [11]);
    await tryton().gatewayCall('invoice_online_payments', null, [11]);
    expect(calls).toHaveLength(4);
  });
});
