import type {
  Domain,
  ReadRow,
  TrytonDate,
  TrytonDateTime,
  Order as TrytonOrder,
} from '@portal/tryton-client';
import type { Complaint, ComplaintType, Document } from '../models.js';
import { type AttachmentRead, toAttachmentDocument } from './attachment.mapper.js';
import { AUTHOR_FIELDS, type AuthorColumns, author } from './author.mapper.js';
import { type Fields, modelName } from './rows.js';
import { isoDate, jsDate, text } from './values.js';

/** What the portal reads of a `sale.complaint`. */
export interface ComplaintRow extends AuthorColumns<'filedBy'> {
  id: number;
  number: string | null;
  state: string;
  'type.': { id: number; name: string } | null;
  description: string | null;
  /** What it is about: `sale.sale,12` or `sale.line,40`. */
  origin: string | null;
  portal_answer: string | null;
  date: TrytonDate | null;
  create_date: TrytonDateTime;
  write_date: TrytonDateTime | null;
}

/**
 * `sale.complaint` (Tryton's sale_complaint module, extended by portal_api): the problems a
 * customer reported on an order or its lines, and the company's answer.
 */
export const COMPLAINT_MODEL = modelName<ComplaintRow>('sale.complaint');

export const COMPLAINT_FIELDS = [
  'number',
  'state',
  'type.name',
  'description',
  'origin',
  'portal_answer',
  'date',
  'create_date',
  'write_date',
  AUTHOR_FIELDS.filedBy,
] as const satisfies Fields<ComplaintRow>;

/** A complaint as the mapper reads it. */
export type ComplaintRead = ReadRow<ComplaintRow, typeof COMPLAINT_FIELDS>;

/** Complaints about the customer's parties. */
export function complaintScope(parties: number[]): Domain {
  return [['customer', 'in', parties]];
}

/** The complaints about orders: on an order itself or on one of its lines. */
export function orderComplaintsDomain(orders: { id: number; lineIds: number[] }[]): Domain {
  return [
    'OR',
    ['origin', 'in', orders.map((order) => `sale.sale,${order.id}`)],
    ['origin', 'in', orders.flatMap((order) => order.lineIds.map((line) => `sale.line,${line}`))],
  ];
}

/** The order a complaint is about, among `orders` (directly or through one of its lines). */
export function complaintOrderId(
  row: ComplaintRead,
  orders: { id: number; lineIds: number[] }[],
): number | null {
  const [model = '', raw] = String(row.origin ?? '').split(',');
  const id = Number(raw);
  if (model === 'sale.sale') return orders.some((order) => order.id === id) ? id : null;
  if (model !== 'sale.line') return null;
  return orders.find((order) => order.lineIds.includes(id))?.id ?? null;
}

/** Newest first. */
export const COMPLAINT_ORDER: TrytonOrder = [
  ['create_date', 'DESC'],
  ['id', 'DESC'],
];

/** The attachment resource of a complaint: its files. */
export function complaintResource(id: number): string {
  return `${COMPLAINT_MODEL},${id}`;
}

const STATES: Record<string, Complaint['state']> = {
  draft: 'SUBMITTED',
  waiting: 'SUBMITTED',
  approved: 'ACCEPTED',
  rejected: 'REJECTED',
  done: 'RESOLVED',
  cancelled: 'CANCELLED',
};

export function toComplaint(row: ComplaintRead): Complaint {
  const [model = '', raw] = String(row.origin ?? '').split(',');
  const origin = Number(raw);
  const type = row['type.'];
  return {
    id: row.id,
    number: text(row.number),
    state: STATES[String(row.state)] ?? 'SUBMITTED',
    typeName: text(type?.name) ?? '',
    description: text(row.description) ?? '',
    lineId: model === 'sale.line' && Number.isSafeInteger(origin) ? origin : null,
    answer: text(row.portal_answer),
    date: isoDate(row.date),
    createdAt: jsDate(row.create_date),
    updatedAt: jsDate(row.write_date) ?? jsDate(row.create_date),
    filedBy: author(row, 'filedBy'),
  };
}

/** Files of complaints, grouped by complaint id. */
export function complaintFiles(rows: AttachmentRead[]): Map<number, Document[]> {
  const byComplaint = new Map<number, Document[]>();
  for (const row of rows) {
    const [model, raw] = String(row.resource ?? '').split(',');
    if (model !== COMPLAINT_MODEL) continue;
    const id = Number(raw);
    byComplaint.set(id, [...(byComplaint.get(id) ?? []), toAttachmentDocument(row)]);
  }
  return byComplaint;
}

/** `portal.gateway.complaint_types` and `file_complaint` (complaint.py of the module). */
export const COMPLAINT_TYPES_METHOD = 'complaint_types';
export const FILE_COMPLAINT_METHOD = 'file_complaint';

export function toComplaintTypes(rows: unknown): ComplaintType[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: Record<string, unknown>) =>
    typeof row.id === 'number' && (row.target === 'order' || row.target === 'line')
      ? [
          {
            id: row.id,
            name: String(row.name ?? ''),
            target: row.target === 'order' ? ('ORDER' as const) : ('LINES' as const),
          },
        ]
      : [],
  );
}

export interface ComplaintFile {
  name: string;
  content: Uint8Array;
}

export interface ComplaintInput {
  /** The order's version as the customer was shown it (its write date). */
  version: TrytonDateTime;
  typeId: number;
  description: string;
  lineIds: number[];
  files: ComplaintFile[];
}

export function fileComplaintParams(
  orderId: number,
  idempotencyKey: string,
  input: ComplaintInput,
): unknown[] {
  return [
    orderId,
    idempotencyKey,
    {
      version: input.version,
      type: input.typeId,
      description: input.description,
      lines: input.lineIds,
      files: input.files.map((file) => ({ name: file.name, data: file.content })),
    },
  ];
}

/** The ids of the complaints a filing created. */
export function filedComplaintIds(result: Record<string, unknown>): number[] {
  return Array.isArray(result.complaints)
    ? result.complaints.filter((id): id is number => typeof id === 'number')
    : [];
}
