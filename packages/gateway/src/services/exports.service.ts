import type { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { GatewayError } from '../errors.js';
import type { Invoice, Money, Order } from '../models.js';
import type { InvoiceFilterInput } from '../tryton/invoice.mapper.js';
import type { OrderFilterInput } from '../tryton/sale.mapper.js';
import type { InvoicesService } from './invoices.service.js';
import type { OrdersService } from './orders.service.js';

/** How much one export may hold (config EXPORT_MAX_INVOICES, EXPORT_MAX_ROWS). */
export interface ExportLimits {
  /** Invoices in one ZIP of PDFs: each is a PDF rendered by Tryton. */
  maxInvoices: number;
  /** Rows of one CSV export of a list. */
  maxRows: number;
}

/** Invoices picked one by one (ids), or a filter's whole result. */
export type InvoiceSelection = { ids: number[] } | { filter: InvoiceFilterInput | null };

/** An export larger than the limit: narrow the filter or pick fewer (HTTP 413). */
export const exportTooLarge = (count: number, limit: number) =>
  new GatewayError(
    'EXPORT_TOO_LARGE',
    `This export holds ${count} items; at most ${limit} fit in one. Narrow the filter or pick fewer.`,
    { count, limit },
  );

export type Language = 'fr' | 'en';

const HEADERS: Record<Language, { invoices: string[]; orders: string[] }> = {
  fr: {
    invoices: [
      'Numéro',
      'Référence',
      'Date',
      'Échéance',
      'État',
      'Montant HT',
      'TVA',
      'Montant TTC',
      'Reste à payer',
      'Devise',
    ],
    orders: ['Numéro', 'Référence', 'Date', 'État', 'Montant HT', 'TVA', 'Montant TTC', 'Devise'],
  },
  en: {
    invoices: [
      'Number',
      'Reference',
      'Date',
      'Due date',
      'State',
      'Untaxed amount',
      'Tax',
      'Total',
      'Amount due',
      'Currency',
    ],
    orders: ['Number', 'Reference', 'Date', 'State', 'Untaxed amount', 'Tax', 'Total', 'Currency'],
  },
};

/**
 * A cell as text that a spreadsheet will not run: a value starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is a formula to Excel and LibreOffice (OWASP "CSV injection"),
 * so it gets a leading apostrophe. Amounts are written by `amount`, never through here.
 */
export function safeCell(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Spreadsheets open a CSV with the separators of their locale: French ones expect `;` between
 * cells and a decimal comma, English ones `,` and a decimal point.
 */
function csv(language: Language, header: string[], rows: string[][]): string {
  // The byte order mark tells Excel the file is UTF-8 (accents in names and headers).
  return `\uFEFF${stringify([header, ...rows], {
    delimiter: language === 'fr' ? ';' : ',',
    record_delimiter: 'windows',
  })}`;
}

function amount(money: Money, language: Language): string {
  const text = money.amount.toString();
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** The CSV summary of invoices, in the customer's language. */
export function invoicesCsv(invoices: Invoice[], l: Language): string {
  return csv(
    l,
    HEADERS[l].invoices,
    invoices.map((i) => [
      safeCell(i.number),
      safeCell(i.reference),
      i.date ?? '',
      i.dueDate ?? '',
      i.state,
      amount(i.untaxedAmount, l),
      amount(i.taxAmount, l),
      amount(i.totalAmount, l),
      amount(i.amountDue, l),
      i.currency,
    ]),
  );
}

/** The CSV of an orders list, in the customer's language. */
export function ordersCsv(orders: Order[], l: Language): string {
  return csv(
    l,
    HEADERS[l].orders,
    orders.map((o) => [
      safeCell(o.number),
      safeCell(o.reference),
      o.date ?? '',
      o.state,
      amount(o.untaxedAmount, l),
      amount(o.taxAmount, l),
      amount(o.totalAmount, l),
      o.currency,
    ]),
  );
}

/** Bulk exports of the customer's own lists: CSV summaries and a ZIP of invoice PDFs. */
export class ExportsService {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly orders: OrdersService,
    private readonly language: Language,
    private readonly limits: ExportLimits,
  ) {}

  /**
   * The invoices of a selection, in the list's order (newest first) for a filter, in the
   * given order for ids. Ids of other customers, unknown or malformed ones are left out, as
   * if they did not exist. EXPORT_TOO_LARGE above `limit`.
   */
  async selectInvoices(selection: InvoiceSelection, limit: number): Promise<Invoice[]> {
    if ('ids' in selection) {
      const ids = [...new Set(selection.ids)];
      if (ids.length > limit) throw exportTooLarge(ids.length, limit);
      return this.invoices.byIds(ids);
    }
    const page = await this.invoices.list(selection.filter, {
      direction: 'forward',
      limit,
      cursor: null,
    });
    if (page.totalCount > limit) throw exportTooLarge(page.totalCount, limit);
    return page.edges.map((edge) => edge.node);
  }

  async selectOrders(filter: OrderFilterInput | null): Promise<Order[]> {
    const limit = this.limits.maxRows;
    const page = await this.orders.list(filter, { direction: 'forward', limit, cursor: null });
    if (page.totalCount > limit) throw exportTooLarge(page.totalCount, limit);
    return page.edges.map((edge) => edge.node);
  }

  /**
   * A ZIP of the invoices' PDFs and a CSV summary, streamed: each PDF is asked of Tryton
   * when the previous one is written, so memory holds one PDF at a time, whatever the count.
   * PDFs are stored, not deflated (they are compressed already). A failure after the first
   * byte destroys the stream, so the client sees a broken download, never a short ZIP that
   * looks whole.
   */
  invoicesZip(invoices: Invoice[]): Readable {
    const zip = new yazl.ZipFile();
    const out = zip.outputStream as PassThrough;
    const summary = this.language === 'fr' ? 'recapitulatif.csv' : 'summary.csv';
    const names = new Set<string>();
    (async () => {
      zip.addBuffer(Buffer.from(invoicesCsv(invoices, this.language)), summary);
      for (const invoice of invoices) {
        // A slow reader holds the next PDF back; a reader gone stops the export.
        if (out.writableNeedDrain) await drained(out);
        if (out.destroyed) return;
        const pdf = await this.invoices.pdf(invoice.id);
        if (!pdf) continue;
        // Two invoices never share a number; a name is made unique all the same.
        const name = names.has(pdf.name) ? `${invoice.id}-${pdf.name}` : pdf.name;
        names.add(name);
        zip.addBuffer(Buffer.from(pdf.content), name, { compress: false });
      }
      zip.end();
    })().catch((error: unknown) => {
      out.destroy(error instanceof Error ? error : new Error('export failed'));
    });
    return out;
  }
}

/** Resolves when `stream` can take more, or is closed. */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
