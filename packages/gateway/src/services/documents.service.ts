import type { Domain } from '@portal/tryton-client';
import DataLoader from 'dataloader';
import { badInput } from '../errors.js';
import type { RecordLoaders } from '../loaders/record.loader.js';
import type { Document, Invoice, Order, RelatedRecord } from '../models.js';
import { type Connection, type PageRequest, readCursor, writeCursor } from '../pagination.js';
import {
  ATTACHMENT_DATA_FIELDS,
  ATTACHMENT_FIELDS,
  ATTACHMENT_KEYSET,
  ATTACHMENT_MODEL,
  ATTACHMENT_ORDER,
  type AttachmentRead,
  attachmentContent,
  attachmentResource,
  attachmentResourceOf,
  NOT_COMPLAINT_FILES,
  resourceDomain,
  toAttachmentDocument,
} from '../tryton/attachment.mapper.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import {
  INVOICE_DOCUMENT_FIELDS,
  INVOICE_KEYSET,
  INVOICE_MODEL,
  INVOICE_NUMBER_FIELDS,
  type InvoiceDocumentRead,
  invoiceDocumentValues,
  invoiceDomain,
} from '../tryton/invoice.mapper.js';
import {
  decodePosition,
  encodePosition,
  type Keyset,
  type Position,
  positionOf,
  sortableKey,
} from '../tryton/keyset.js';
import { SALE_MODEL, SALE_NUMBER_FIELDS } from '../tryton/sale.mapper.js';
import { recordNumber } from '../tryton/values.js';
import { todayIso, trytonDate } from './dates.js';
import { invoiceFileName } from './file-names.js';

type SourceName = 'i' | 'a';

/** One of the lists the documents merge. */
interface Source {
  name: SourceName;
  model: typeof INVOICE_MODEL | typeof ATTACHMENT_MODEL;
  domain: Domain;
  keyset: Keyset;
}

/** A row of one of the sources, with its source. */
type Item =
  | { source: Source & { name: 'i' }; row: InvoiceDocumentRead }
  | { source: Source & { name: 'a' }; row: AttachmentRead };

/** The merged order: newest first, an invoice before an attachment of the same instant, then the higher id. */
function compareForward(a: Item, b: Item): number {
  const time = (item: Item) => sortableKey(positionOf(item.source.keyset, item.row).key);
  return (
    time(b) - time(a) ||
    (a.source.name === b.source.name ? 0 : a.source.name === 'i' ? -1 : 1) ||
    b.row.id - a.row.id
  );
}

const encodeOptional = (position: Position | null) => (position ? encodePosition(position) : null);

/** A documents cursor: the source of its edge and each source's position at or before it. */
function documentCursor(
  raw: unknown,
  argument: string,
): { at: SourceName; i: Position | null; a: Position | null } {
  const { at, i, a } = (raw ?? {}) as { at?: unknown; i?: unknown; a?: unknown };
  if (at !== 'i' && at !== 'a') throw badInput('Malformed cursor.', argument);
  const position = (value: unknown) => (value === null ? null : decodePosition(value, argument));
  const cursor = { at: at as SourceName, i: position(i ?? null), a: position(a ?? null) };
  if (cursor[at] === null) throw badInput('Malformed cursor.', argument);
  return cursor;
}

function invoiceDocument(row: InvoiceDocumentRead, language: 'fr' | 'en'): Document {
  const { number, date } = invoiceDocumentValues(row);
  return {
    key: `invoice-${row.id}`,
    name: invoiceFileName(number, language),
    kind: 'INVOICE_PDF',
    date,
    size: null,
    contentType: 'application/pdf',
    relatedTo: `Invoice ${number}`,
    related: { kind: 'INVOICE', id: row.id, number },
  };
}

/** Everything the customer can download: invoice PDFs and attachments. */
export class DocumentsService {
  constructor(
    private readonly tryton: CustomerTryton,
    private readonly loaders: RecordLoaders,
  ) {}

  private invoiceDomain() {
    return invoiceDomain({ states: ['POSTED', 'PAID'] }, trytonDate, todayIso());
  }

  /**
   * Invoice PDFs and attachments, each source paged on its own keyset and merged newest first
   * (an invoice before an attachment of the same instant, then the higher id). A cursor holds,
   * for each source, the position of its last row at or before the edge, so the next page is
   * one keyset read per source whatever its depth (plus the two counts, one per filter).
   */
  async list(page: PageRequest): Promise<Connection<Document>> {
    const invoiceDomain = this.invoiceDomain();
    const invoices = {
      name: 'i',
      model: INVOICE_MODEL,
      domain: invoiceDomain,
      keyset: INVOICE_KEYSET,
    } as const;
    const attachments = {
      name: 'a',
      model: ATTACHMENT_MODEL,
      domain: NOT_COMPLAINT_FILES,
      keyset: ATTACHMENT_KEYSET,
    } as const;
    const sources: Source[] = [invoices, attachments];
    const list = this.tryton.listFingerprint(
      'documents',
      sources.map((s) => [s.model, s.domain, s.keyset]),
    );
    const forward = page.direction === 'forward';
    const argument = forward ? 'after' : 'before';
    const cursor =
      page.cursor === null
        ? null
        : documentCursor(readCursor(page.cursor, list, argument), argument);
    const needRows = page.limit > 0 || cursor !== null;
    /** The keyset read of one source, or none. */
    const bounds = (source: Source) => {
      if (!needRows) return null;
      const position = cursor?.[source.name] ?? null;
      // Backward from an edge of the other source: its own last row at or before the
      // edge is still before it; none means nothing of this source precedes the edge.
      const inclusive = !forward && cursor !== null && cursor.at !== source.name;
      if (!forward && cursor !== null && position === null) return null;
      return {
        direction: page.direction,
        bound: position && { position, inclusive },
        limit: page.limit + 1,
      };
    };
    const invoiceBounds = bounds(invoices);
    const attachmentBounds = bounds(attachments);
    const [invoiceRows, attachmentRows, counts]: [
      InvoiceDocumentRead[],
      AttachmentRead[],
      number[],
    ] = await Promise.all([
      invoiceBounds
        ? this.tryton.keysetRows(
            INVOICE_MODEL,
            invoiceDomain,
            INVOICE_KEYSET,
            INVOICE_DOCUMENT_FIELDS,
            invoiceBounds,
          )
        : [],
      attachmentBounds
        ? this.tryton.keysetRows(
            ATTACHMENT_MODEL,
            NOT_COMPLAINT_FILES,
            ATTACHMENT_KEYSET,
            ATTACHMENT_FIELDS,
            attachmentBounds,
          )
        : [],
      Promise.all(sources.map((s) => this.tryton.searchCount(s.model, s.domain))),
    ]);
    const totalCount = counts.reduce((a, b) => a + b, 0);
    // Each source arrives in the direction's order: merge them in it, nearest first.
    const stream: Item[] = [
      ...invoiceRows.map((row) => ({ source: invoices, row })),
      ...attachmentRows.map((row) => ({ source: attachments, row })),
    ].sort((a, b) => (forward ? 1 : -1) * compareForward(a, b));
    const taken = stream.slice(0, page.limit);
    const more = needRows ? stream.length > page.limit : totalCount > 0;
    if (!forward) taken.reverse();
    // Each source's position before the page's first edge: forward, the cursor's; backward,
    // the nearest row of the source left out of the page, or none if it has no more.
    const state: Record<SourceName, Position | null> = { i: null, a: null };
    for (const source of sources) {
      if (forward) state[source.name] = cursor?.[source.name] ?? null;
      else {
        const left = stream.slice(page.limit).find((item) => item.source === source);
        state[source.name] = left ? positionOf(source.keyset, left.row) : null;
      }
    }
    const edges = taken.map(({ source, row }) => {
      state[source.name] = positionOf(source.keyset, row);
      const at = { at: source.name, i: encodeOptional(state.i), a: encodeOptional(state.a) };
      const node =
        source.name === 'i'
          ? invoiceDocument(row as InvoiceDocumentRead, this.tryton.language)
          : toAttachmentDocument(row as AttachmentRead);
      return { cursor: writeCursor(list, at), node };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: forward ? more : cursor !== null,
        hasPreviousPage: forward ? cursor !== null : more,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /**
   * Attachments by resource (`sale.sale,12`), batched per request: a page of 50 orders asking
   * for their documents is one Tryton search, not fifty.
   */
  private readonly attachmentsOf = new DataLoader<string, Document[]>(async (resources) => {
    const rows = await this.tryton.searchRead(
      ATTACHMENT_MODEL,
      resourceDomain(resources),
      ATTACHMENT_FIELDS,
      { order: ATTACHMENT_ORDER },
    );
    const byResource = new Map<string, Document[]>(resources.map((r) => [r, []]));
    for (const row of rows)
      byResource.get(attachmentResourceOf(row))?.push(toAttachmentDocument(row));
    return resources.map((r) => byResource.get(r) ?? []);
  });

  /** The attachments of one order or invoice. */
  async forRecord(kind: 'ORDER' | 'INVOICE', record: Order | Invoice): Promise<Document[]> {
    return await this.attachmentsOf.load(attachmentResource(kind, record.id));
  }

  /**
   * The number of the order or invoice a document belongs to (batched per request, within
   * the customer's scope: a record the customer may not see has none); null for the account.
   */
  async relatedNumber(related: RelatedRecord): Promise<string | null> {
    if (related.number !== undefined) return related.number;
    if (related.kind === 'ACCOUNT') return null;
    const [row] =
      related.kind === 'ORDER'
        ? await this.loaders.load(SALE_MODEL, SALE_NUMBER_FIELDS, [related.id])
        : await this.loaders.load(INVOICE_MODEL, INVOICE_NUMBER_FIELDS, [related.id]);
    return row ? recordNumber(row) : null;
  }

  async byKey(key: string): Promise<Document | null> {
    const [kind, raw] = key.split('-');
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    if (kind === 'invoice') {
      const [row] = await this.tryton.searchRead(
        INVOICE_MODEL,
        [...this.invoiceDomain(), ['id', '=', id]],
        INVOICE_DOCUMENT_FIELDS,
        { limit: 1 },
      );
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
    return row ? attachmentContent(row) : null;
  }
}
