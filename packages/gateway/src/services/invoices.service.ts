import { Decimal } from '@portal/tryton-client';
import type { RecordLoaders } from '../loaders/record.loader.js';
import type { Invoice, InvoiceTax, Line, MonthlyAmount } from '../models.js';
import { type Connection, connection, type ListSort, type PageRequest } from '../pagination.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import {
  INVOICE_DUE_FIELDS,
  INVOICE_FIELDS,
  INVOICE_MODEL,
  INVOICE_MONTH_FIELDS,
  type InvoiceFilterInput,
  type InvoiceRead,
  invoiceDomain,
  invoiceDue,
  invoiceKeyset,
  invoiceMonth,
  invoiceNumberDomain,
  toInvoice,
} from '../tryton/invoice.mapper.js';
import {
  INVOICE_LINE_FIELDS,
  INVOICE_LINE_MODEL,
  INVOICE_LINE_NODE_FIELDS,
  toInvoiceLine,
  toInvoiceLineAlone,
} from '../tryton/invoice-line.mapper.js';
import {
  INVOICE_TAX_FIELDS,
  INVOICE_TAX_MODEL,
  toInvoiceTax,
} from '../tryton/invoice-tax.mapper.js';
import { SALE_MODEL } from '../tryton/sale.mapper.js';
import { todayIso, trytonDate } from './dates.js';
import { invoiceFileName } from './file-names.js';

/** The invoice report of the portal module's database (account_invoice). */
const INVOICE_REPORT = 'account.invoice';

/** The customer's invoices, their PDFs and the figures of the dashboard. */
export class InvoicesService {
  constructor(
    private readonly tryton: CustomerTryton,
    private readonly loaders: RecordLoaders,
    /** Decides "today" for overdue invoices; injected by tests that cross midnight. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(
    filter: InvoiceFilterInput | null | undefined,
    page: PageRequest,
    sort?: ListSort | null,
  ): Promise<Connection<Invoice>> {
    const today = todayIso(this.now());
    const domain = invoiceDomain(filter, trytonDate, today);
    // Bound to the filter, not the domain, which holds today's date when `overdue` is asked.
    const listKey = { ...filter };
    const rows = await this.tryton.page(
      INVOICE_MODEL,
      domain,
      invoiceKeyset(sort),
      INVOICE_FIELDS,
      page,
      listKey,
    );
    this.loaders.prime(INVOICE_MODEL, INVOICE_FIELDS, rows.rows);
    return connection(rows, (row) => toInvoice(row, today));
  }

  async byNumber(number: string): Promise<Invoice | null> {
    const rows = await this.tryton.searchRead(
      INVOICE_MODEL,
      invoiceNumberDomain(number),
      INVOICE_FIELDS,
      { limit: 1 },
    );
    return this.toInvoices(rows, todayIso(this.now()))[0] ?? null;
  }

  /** This customer's invoices among `ids`, in the order of `ids` (batched, cached). */
  async byIds(ids: number[]): Promise<Invoice[]> {
    const rows = await this.loaders.load(INVOICE_MODEL, INVOICE_FIELDS, ids);
    return this.toInvoices(rows, todayIso(this.now()));
  }

  async byId(id: number): Promise<Invoice | null> {
    const rows = await this.tryton.searchRead(INVOICE_MODEL, [['id', '=', id]], INVOICE_FIELDS, {
      limit: 1,
    });
    return this.toInvoices(rows, todayIso(this.now()))[0] ?? null;
  }

  async lines(invoice: Invoice): Promise<Line[]> {
    const rows = await this.loaders.load(INVOICE_LINE_MODEL, INVOICE_LINE_FIELDS, invoice.lineIds);
    return rows
      .map((row) => toInvoiceLine(row, invoice.currency))
      .filter((l): l is Line => l !== null);
  }

  /** One line by id (`node`): only a line of an invoice the customer may see. */
  async line(id: number): Promise<Line | null> {
    const [row] = await this.loaders.load(INVOICE_LINE_MODEL, INVOICE_LINE_NODE_FIELDS, [id]);
    return row ? toInvoiceLineAlone(row) : null;
  }

  async taxes(invoice: Invoice): Promise<InvoiceTax[]> {
    const rows = await this.loaders.load(INVOICE_TAX_MODEL, INVOICE_TAX_FIELDS, invoice.taxIds);
    return rows.map((row) => toInvoiceTax(row, invoice.currency));
  }

  /** What is left to pay on posted invoices. */
  async amountDue(): Promise<{ amount: Decimal; currency: string }> {
    const rows = await this.tryton.searchRead(
      INVOICE_MODEL,
      invoiceDomain({ unpaid: true }, trytonDate, todayIso(this.now())),
      INVOICE_DUE_FIELDS,
    );
    let total = Decimal.from('0');
    let currency = 'EUR';
    for (const row of rows) {
      const due = invoiceDue(row);
      if (!due) continue;
      total = total.add(due.amount);
      currency = due.currency;
    }
    return { amount: total, currency };
  }

  /** Amounts invoiced (total, taxes included) per month, oldest first, months with none at 0. */
  async invoicedByMonth(months: number, now: Date = this.now()): Promise<MonthlyAmount[]> {
    const keys: string[] = [];
    for (let back = months - 1; back >= 0; back--) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      keys.push(d.toISOString().slice(0, 7));
    }
    const first = keys[0] ?? todayIso(now).slice(0, 7);
    const rows = await this.tryton.searchRead(
      INVOICE_MODEL,
      invoiceDomain(
        { states: ['POSTED', 'PAID'], dateFrom: `${first}-01` },
        trytonDate,
        todayIso(now),
      ),
      INVOICE_MONTH_FIELDS,
    );
    const sums = new Map(keys.map((k) => [k, Decimal.from('0')]));
    let currency = 'EUR';
    for (const row of rows) {
      const invoiced = invoiceMonth(row);
      const month = invoiced?.month;
      if (!invoiced || !month || !sums.has(month)) continue;
      sums.set(month, (sums.get(month) as Decimal).add(invoiced.total.amount));
      currency = invoiced.total.currency;
    }
    return keys.map((month) => ({
      month,
      amount: { amount: sums.get(month) as Decimal, currency },
    }));
  }

  /** The invoice PDF, rendered (or taken from Tryton's cache) for this customer only. */
  async pdf(
    id: number,
  ): Promise<{ invoice: Invoice; content: Uint8Array; format: string; name: string } | null> {
    const invoice = await this.byId(id);
    if (!invoice) return null;
    const report = await this.tryton.report(INVOICE_REPORT, [id]);
    const name = invoiceFileName(invoice.number, this.tryton.language, report.format);
    return { invoice, content: report.content, format: report.format, name };
  }

  /**
   * How many of the orders this invoice bills the customer sees: a sale billed to this
   * customer may be another party's, never counted. One search of ids for a page of invoices.
   */
  async orderCount(invoice: Invoice): Promise<number> {
    return await this.loaders.count(SALE_MODEL, invoice.orderIds);
  }

  private toInvoices(rows: InvoiceRead[], today: string): Invoice[] {
    return rows.map((row) => toInvoice(row, today)).filter((i): i is Invoice => i !== null);
  }
}
