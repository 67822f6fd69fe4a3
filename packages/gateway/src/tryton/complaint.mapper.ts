import type { Domain, TrytonDateTime, Order as TrytonOrder } from '@portal/tryton-client';
import type { Complaint, ComplaintType, Document } from '../models.js';
import { toAttachmentDocument } from './attachment.mapper.js';
import { AUTHOR_FIELDS, author } from './author.mapper.js';
import { isoDate, jsDate, text } from './values.js';

/**
 * `sale.complaint` (Tryton's sale_complaint module, extended by portal_api): the problems a
 * customer reported on an order or its lines, and the company's answer.
 */
export const COMPLAINT_MODEL = 'sale.complaint';

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
];

/** Complaints about the customer's parties. */
export function complaintScope(parties: number[]): Domain {
  return [['customer', 'in', parties]];
}

/** The complaints about an order: on the order itself or on one of its lines. */
export function orderComplaintsDomain(orderId: number, lineIds: number[]): Domain {
  return [
    'OR',
    ['origin', '=', `sale.sale,${orderId}`],
    ['origin', 'in', lineIds.map((line) => `sale.line,${line}`)],
  ];
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

export function toComplaint(row: Record<string, unknown>): Complaint {
  const [model = '', raw] = String(row.origin ?? '').split(',');
  const origin = Number(raw);
  const type = row['type.'] as { name?: unknown } | null | undefined;
  return {
    id: row.id as number,
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
export function complaintFiles(rows: Record<string, unknown>[]): Map<number, Document[]> {
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
