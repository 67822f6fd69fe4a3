import DataLoader from 'dataloader';
import type { Document, Invoice, Order } from '../models.js';
import { type Connection, connection, type PageRequest } from '../pagination.js';
import {
  ATTACHMENT_DATA_FIELDS,
  ATTACHMENT_FIELDS,
  ATTACHMENT_MODEL,
  ATTACHMENT_ORDER,
  contentTypeOf,
  toAttachmentDocument,
} from '../tryton/attachment.mapper.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { INVOICE_MODEL, INVOICE_ORDER, invoiceDomain } from '../tryton/invoice.mapper.js';
import { todayIso, trytonDate } from './dates.js';
import { invoiceFileName } from './file-names.js';

const INVOICE_DOC_FIELDS = ['number', 'invoice_date', 'state'];

function invoiceDocument(
  row: { id: number; number?: unknown; invoice_date?: unknown },
  language: 'fr' | 'en',
): Document {
  const number = typeof row.number === 'string' ? row.number : String(row.id);
  const date = row.invoice_date as { toDate?: () => Date } | null;
  return {
    key: `invoice-${row.id}`,
    name: invoiceFileName(number, language),
    kind: 'INVOICE_PDF',
    date: date?.toDate ? date.toDate() : null,
    size: null,
    contentType: 'application/pdf',
    relatedTo: `Invoice ${number}`,
  };
}

/** Everything the customer can download: invoice PDFs and attachments. */
export class DocumentsService {
  constructor(private readonly tryton: CustomerTryton) {}

  private invoiceDomain() {
    return invoiceDomain({ states: ['POSTED', 'PAID'] }, trytonDate, todayIso());
  }

  /**
   * Both sources sorted newest first and merged: the page needs at most `offset + limit`
   * rows from each, in one call each (plus two counts).
   */
  async list(page: PageRequest): Promise<Connection<Document>> {
    const window = page.offset + page.limit;
    const [invoices, attachments, invoiceCount, attachmentCount] = await Promise.all([
      window === 0
        ? Promise.resolve([])
        : this.tryton.searchRead<{ id: number; number: unknown; invoice_date: unknown }>(
            INVOICE_MODEL,
            this.invoiceDomain(),
            INVOICE_DOC_FIELDS,
            { limit: window, order: INVOICE_ORDER },
          ),
      window === 0
        ? Promise.resolve([])
        : this.tryton.searchRead(ATTACHMENT_MODEL, [], ATTACHMENT_FIELDS, {
            limit: window,
            order: ATTACHMENT_ORDER,
          }),
      this.tryton.searchCount(INVOICE_MODEL, this.invoiceDomain()),
      this.tryton.searchCount(ATTACHMENT_MODEL, []),
    ]);
    const merged = [
      ...invoices.map((row) => invoiceDocument(row, this.tryton.language)),
      ...attachments.map(toAttachmentDocument),
    ].sort(
      (a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || b.key.localeCompare(a.key),
    );
    return connection(
      merged.slice(page.offset, page.offset + page.limit),
      page,
      invoiceCount + attachmentCount,
    );
  }

  /**
   * Attachments by resource (`sale.sale,12`), batched per request: a page of 50 orders asking
   * for their documents is one Tryton search, not fifty.
   */
  private readonly attachmentsOf = new DataLoader<string, Document[]>(async (resources) => {
    const rows = await this.tryton.searchRead(
      ATTACHMENT_MODEL,
      [['resource', 'in', [...resources]]],
      ATTACHMENT_FIELDS,
      { order: ATTACHMENT_ORDER },
    );
    const byResource = new Map<string, Document[]>(resources.map((r) => [r, []]));
    for (const row of rows) byResource.get(String(row.resource))?.push(toAttachmentDocument(row));
    return resources.map((r) => byResource.get(r) ?? []);
  });

  /** The attachments of one order or invoice. */
  async forRecord(
    model: 'sale.sale' | 'account.invoice',
    record: Order | Invoice,
  ): Promise<Document[]> {
    return await this.attachmentsOf.load(`${model},${record.id}`);
  }

  async byKey(key: string): Promise<Document | null> {
    const [kind, raw] = key.split('-');
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    if (kind === 'invoice') {
      const [row] = await this.tryton.searchRead<{
        id: number;
        number: unknown;
        invoice_date: unknown;
      }>(INVOICE_MODEL, [...this.invoiceDomain(), ['id', '=', id]], INVOICE_DOC_FIELDS, {
        limit: 1,
      });
      return row ? invoiceDocument(row, this.tryton.language) : null;
    }
    if (kind === 'attachment') {
      const [row] = await this.tryton.searchRead(
        ATTACHMENT_MODEL,
        [['id', '=', id]],
        ATTACHMENT_FIELDS,
        { limit: 1 },
      );
      return row ? toAttachmentDocument(row) : null;
    }
    return null;
  }

  /** An attachment's bytes, if the customer may see it. */
  async attachmentContent(
    id: number,
  ): Promise<{ name: string; contentType: string; content: Uint8Array } | null> {
    const [row] = await this.tryton.searchRead(
      ATTACHMENT_MODEL,
      [['id', '=', id]],
      ATTACHMENT_DATA_FIELDS,
      { limit: 1 },
    );
    if (!row || !(row.data instanceof Uint8Array)) return null;
    const name = typeof row.name === 'string' ? row.name : 'document';
    return { name, contentType: contentTypeOf(name), content: row.data };
  }
}
