import type { Domain, Order as TrytonOrder } from '@portal/tryton-client';
import type { Document, RecordKind, RelatedRecord } from '../models.js';
import { type Keyset, keysetOrder } from './keyset.js';
import { jsDate, text } from './values.js';

/** `ir.attachment`: files attached to the customer's orders, invoices and party. */
export const ATTACHMENT_MODEL = 'ir.attachment';

export const ATTACHMENT_FIELDS = ['name', 'type', 'data_size', 'create_date', 'resource'];
export const ATTACHMENT_DATA_FIELDS = ['name', 'type', 'data'];

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

export function toAttachmentDocument(row: Record<string, unknown>): Document {
  const name = text(row.name) ?? 'document';
  const resource = String(row.resource ?? '').split(',')[0] ?? '';
  return {
    key: `attachment-${row.id as number}`,
    name,
    kind: 'ATTACHMENT',
    date: jsDate(row.create_date),
    size: typeof row.data_size === 'number' ? row.data_size : null,
    contentType: contentTypeOf(name),
    relatedTo: RESOURCE_LABELS[resource] ?? null,
    related: relatedRecord(row.resource),
  };
}
