import type { RecordLoaders } from '../loaders/record.loader.js';
import type { Address, Invoice, Line, Order, Shipment } from '../models.js';
import { type Connection, connection, type ListSort, type PageRequest } from '../pagination.js';
import { ADDRESS_MODEL, addressFields, toAddress } from '../tryton/address.mapper.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { INVOICE_FIELDS, INVOICE_MODEL, toInvoice } from '../tryton/invoice.mapper.js';
import {
  numberDomain,
  type OrderFilterInput,
  SALE_FIELDS,
  SALE_MODEL,
  type SaleRead,
  saleDomain,
  saleKeyset,
  toOrder,
} from '../tryton/sale.mapper.js';
import {
  SALE_LINE_FIELDS,
  SALE_LINE_MODEL,
  SALE_LINE_NODE_FIELDS,
  toSaleLine,
  toSaleLineAlone,
} from '../tryton/sale-line.mapper.js';
import { SHIPMENT_FIELDS, SHIPMENT_MODEL, toShipment } from '../tryton/shipment.mapper.js';
import { todayIso, trytonDate } from './dates.js';

/** The customer's orders: lists, lookups and what hangs off an order. */
export class OrdersService {
  constructor(
    private readonly tryton: CustomerTryton,
    private readonly loaders: RecordLoaders,
  ) {}

  async list(
    filter: OrderFilterInput | null | undefined,
    page: PageRequest,
    sort?: ListSort | null,
  ): Promise<Connection<Order>> {
    const domain = saleDomain(filter, trytonDate);
    const keyset = saleKeyset(sort);
    const rows = await this.tryton.page(SALE_MODEL, domain, keyset, SALE_FIELDS, page);
    this.loaders.prime(SALE_MODEL, SALE_FIELDS, rows.rows);
    return connection(rows, toOrder);
  }

  async byNumber(number: string): Promise<Order | null> {
    const rows = await this.tryton.searchRead(SALE_MODEL, numberDomain(number), SALE_FIELDS, {
      limit: 1,
    });
    return this.toOrders(rows)[0] ?? null;
  }

  /** By id, through a search: an id the customer may not see is simply not found. */
  async byId(id: number): Promise<Order | null> {
    const rows = await this.tryton.searchRead(SALE_MODEL, [['id', '=', id]], SALE_FIELDS, {
      limit: 1,
    });
    return this.toOrders(rows)[0] ?? null;
  }

  /** Orders by id, for the links of invoices (batched). */
  async byIds(ids: number[]): Promise<Order[]> {
    return this.toOrders(await this.loaders.load(SALE_MODEL, SALE_FIELDS, ids));
  }

  async lines(order: Order): Promise<Line[]> {
    const rows = await this.loaders.load(SALE_LINE_MODEL, SALE_LINE_FIELDS, order.lineIds);
    return rows.map((row) => toSaleLine(row, order.currency)).filter((l): l is Line => l !== null);
  }

  /** One line by id (`node`): only a line of an order the customer may see. */
  async line(id: number): Promise<Line | null> {
    const [row] = await this.loaders.load(SALE_LINE_MODEL, SALE_LINE_NODE_FIELDS, [id]);
    return row ? toSaleLineAlone(row) : null;
  }

  async invoices(order: Order): Promise<Invoice[]> {
    const today = todayIso();
    const rows = await this.loaders.load(INVOICE_MODEL, INVOICE_FIELDS, order.invoiceIds);
    return rows.map((row) => toInvoice(row, today)).filter((i): i is Invoice => i !== null);
  }

  async shipments(order: Order): Promise<Shipment[]> {
    const rows = await this.loaders.load(SHIPMENT_MODEL, SHIPMENT_FIELDS, order.shipmentIds);
    return rows.map(toShipment);
  }

  /** One shipment by id (`node`): only a delivery to the customer. */
  async shipment(id: number): Promise<Shipment | null> {
    const [row] = await this.loaders.load(SHIPMENT_MODEL, SHIPMENT_FIELDS, [id]);
    return row ? toShipment(row) : null;
  }

  /** An order's address, archived or not: the order keeps the address it was made with. */
  async address(id: number | null): Promise<Address | null> {
    if (id === null) return null;
    const fields = addressFields(this.tryton.version);
    const [row] = await this.loaders.load(ADDRESS_MODEL, fields, [id], { archived: true });
    return row ? toAddress(row) : null;
  }

  /**
   * How many of the order's invoices the customer sees: its ids name drafts too, and the
   * invoices of another customer (a sale billed to another party), never counted. One search
   * of ids for a page of orders.
   */
  async invoiceCount(order: Order): Promise<number> {
    return await this.loaders.count(INVOICE_MODEL, order.invoiceIds);
  }

  /** How many of the order's deliveries the customer sees (one may go to another party). */
  async shipmentCount(order: Order): Promise<number> {
    return await this.loaders.count(SHIPMENT_MODEL, order.shipmentIds);
  }

  private toOrders(rows: SaleRead[]): Order[] {
    return rows.map(toOrder).filter((o): o is Order => o !== null);
  }
}
