import type { DemoCustomer, DemoTryton } from '@portal/demo-data';
import { TrytonClient } from '@portal/tryton-client';

/** What `crossBilledSale` made, in Tryton ids. */
export interface CrossBilledSale {
  saleId: number;
  invoiceIds: number[];
  shipmentIds: number[];
  /** The invoice address of the sale: an address of the party billed, not of the buyer. */
  invoiceAddressId: number;
}

/**
 * A sale of `buyer` billed to `payer` (Tryton's invoice party, e.g. a head office paying for
 * a branch): the demo data's only records of one customer that point at another's. The sale's
 * invoices and invoice address are the payer's, the invoice's sales are the buyer's, so the
 * fields that follow these links (Order.invoices, Order.invoiceAddress, Invoice.orders) can
 * show whether they leak. Made as the admin in the stack's own copy of the database.
 */
export async function crossBilledSale(
  tryton: DemoTryton,
  buyer: DemoCustomer,
  payer: DemoCustomer,
  reference: string,
): Promise<CrossBilledSale> {
  // Posting renders the invoice report (LibreOffice): well over 30 s on a busy machine.
  const client = new TrytonClient({
    url: tryton.url,
    database: tryton.database,
    timeoutMs: 180_000,
  });
  await client.login(tryton.admin.login, tryton.admin.password);
  try {
    const sales = client.model('sale.sale');
    const [template] = await sales.search(
      [
        ['party', '=', buyer.partyId],
        ['state', '=', 'done'],
      ],
      { limit: 1 },
    );
    const [address] = await client
      .model('party.address')
      .search([['party', '=', payer.partyId]], { order: [['id', 'ASC']], limit: 1 });
    if (template === undefined || address === undefined) {
      throw new Error('cross-billed sale: no sale of the buyer or no address of the payer');
    }
    // `copy` resets the number, the date and the states, and copies the lines.
    const [saleId] = (await client.call('model.sale.sale.copy', [
      [template],
      { invoice_party: payer.partyId, invoice_address: address, reference },
    ])) as number[];
    if (saleId === undefined) throw new Error('cross-billed sale: copy failed');
    for (const button of ['quote', 'confirm', 'process']) await sales.button(button, [saleId]);
    const [sale] = (await sales.read([saleId], ['invoices', 'shipments'])) as {
      invoices: number[];
      shipments: number[];
    }[];
    if (!sale?.invoices.length || !sale.shipments.length) {
      throw new Error('cross-billed sale: processing made no invoice or no shipment');
    }
    const invoices = client.model('account.invoice');
    await invoices.button('post', sale.invoices);
    // The link under test: the payer's invoices bill the buyer's sale.
    const rows = (await invoices.read(sale.invoices, ['party', 'sales'])) as {
      party: number;
      sales: number[];
    }[];
    if (!rows.every((r) => r.party === payer.partyId && r.sales.includes(saleId))) {
      throw new Error("cross-billed sale: the invoices are not the payer's, billing the sale");
    }
    return {
      saleId,
      invoiceIds: sale.invoices,
      shipmentIds: sale.shipments,
      invoiceAddressId: address,
    };
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}
