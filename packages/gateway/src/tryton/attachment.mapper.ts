import type { Domain, ReadRow, TrytonDateTime, Order as TrytonOrder } from '@portal/tryton-client';
import type { Document, RecordKind, RelatedRecord } from '../models.js';
import { type Keyset, keysetOrder } from './keyset.js';
import { type Fields, modelName } from './rows.js';
import { jsDate, text } from './values.js';

/** What the portal reads of an `ir.attachment`. */
export interface AttachmentRow {
  id: number;
  name: string;
  type: string;
  data_size: number | null;
  /** The bytes, for a download only. */
  data: Uint8Array | null;
  create_date: TrytonDateTime;
  /** The record it is attached to: `sale.sale,12`. */
  resource: string | null;
}

/** `ir.attachment`: files attached to the customer's orders, invoices and party. */
export const ATTACHMENT_MODEL = modelName<AttachmentRow>('ir.attachment');

export const ATTACHMENT_FIELDS = [
  'name',
  'type',
  'data_size',
  'create_date',
  'resource',
] as const satisfies Fields<AttachmentRow>;
export const ATTACHMENT_DATA_FIELDS = [
  'name',
  'type',
  'data',
] as const satisfies Fields<AttachmentRow>;

/** An attachment as the documents list it. */
export type AttachmentRead = ReadRow<AttachmentRow, typeof ATTACHMENT_FIELDS>;

/** An attachment's bytes, if the row holds them, with its name and content type. */
export function attachmentContent(
  row: ReadRow<AttachmentRow, typeof ATTACHMENT_DATA_FIELDS>,
): { name: string; contentType: string; content: Uint8Array } | null {
  if (!(row.data instanceof Uint8Array)) return null;
  const name = typeof row.name === 'string' ? row.name : 'document';
  return { name, contentType: contentTypeOf(name), content: row.data };
}

/** The attachments of the records `resources` name (`sale.sale,12`). */
export function resourceDomain(resources: readonly string[]): Domain {
  return [['resource', 'in', [...resources]]];
}

/** The record an attachment is attached to (`sale.sale,12`), as Tryton writes it. */
export function attachmentResourceOf(row: AttachmentRead): string {
  return String(row.resource);
}

/** Newest first, the id breaking ties. */
export const ATTACHMENT_KEYSET: Keyset = { field: 'create_date', direction: 'DESC' };
export const ATTACHMENT_ORDER: TrytonOrder = keysetOrder(ATTACHMENT_KEYSET, 'forward');

/** Stored files only (links are not downloads), on the customer's own records and complaints. */
export function attachmentScope(parties: number[]): Domain {
  return [
    ['type', '=', 'data'],
    [
      'OR',
      ['resource.id', 'in', parties, 'party.party'],
      [
        ['resource.party', 'in', parties, 'sale.sale'],
        ['resource.state', '!=', 'draft', 'sale.sale'],
      ],
      [
        ['resource.party', 'in', parties, 'account.invoice'],
        ['resource.state', 'in', ['posted', 'paid', 'cancelled'], 'account.invoice'],
      ],
      ['resource.customer', 'in', parties, 'sale.complaint'],
    ],
  ];
}

/** The files the customer sent with complaints: shown with each complaint, not in Documents. */
export const NOT_COMPLAINT_FILES: Domain = [['resource', 'not like', 'sale.complaint,%']];

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

export function contentTypeOf(name: string): string {
  const extension = name.toLowerCase().split('.').at(-1) ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

const RESOURCE_LABELS: Record<string, string> = {
  'sale.sale': 'Order',
  'account.invoice': 'Invoice',
  'party.party': 'Account',
};

const RESOURCE_KINDS: Record<string, RecordKind> = {
  'sale.sale': 'ORDER',
  'account.invoice': 'INVOICE',
  'party.party': 'ACCOUNT',
};

/** The attachment resource (`model,id`) of a record, for the attachments of one record. */
export function attachmentResource(kind: 'ORDER' | 'INVOICE', id: number): string {
  return `${kind === 'ORDER' ? 'sale.sale' : 'account.invoice'},${id}`;
}

/** The record an attachment's `resource` (`sale.sale,12`) names, or null for another model. */
function relatedRecord(resource: unknown): RelatedRecord | null {
  const [model = '', raw] = String(resource ?? '').split(',');
  const kind = RESOURCE_KINDS[model];
  const id = Number(raw);
  return kind && Number.isSafeInteger(id) && id > 0 ? { kind, id } : null;
}

export function toAttachmentDocument(row: AttachmentRead): Document {
  const name = text(row.name) ?? 'document';
  const resource = String(row.resource ?? '').split(',')[0] ?? '';
  return {
    key: `attachment-${row.id}`,
    name,
    kind: 'ATTACHMENT',
    date: jsDate(row.create_date),
    size: typeof row.data_size === 'number' ? row.data_size : null,
    contentType: contentTypeOf(name),
    relatedTo: RESOURCE_LABELS[resource] ?? null,
    related: relatedRecord(row.resource),
  };
}
