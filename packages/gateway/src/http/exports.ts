import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { CustomerServices } from '../context.js';
import { badInput, GatewayError } from '../errors.js';
import { fromGlobalId } from '../ids.js';
import {
  type ExportLimits,
  ExportsService,
  invoicesCsv,
  ordersCsv,
} from '../services/exports.service.js';
import { charge, DOWNLOAD_COST, type DownloadQuota } from './downloads.js';
import { sendError } from './respond.js';

/**
 * What an export takes from the caller's bucket (docs/quotas.md): a flat price before any
 * Tryton call (so probing is not free), then what the same data costs through GraphQL: a
 * row of a list 1, an invoice PDF what its own download costs.
 */
export const EXPORT_BASE_COST = 10;

const KINDS = {
  'invoices.zip': { type: 'application/zip', fr: 'Factures', en: 'Invoices' },
  'invoices.csv': { type: 'text/csv; charset=utf-8', fr: 'Factures', en: 'Invoices' },
  'orders.csv': { type: 'text/csv; charset=utf-8', fr: 'Commandes', en: 'Orders' },
} as const;
type Kind = keyof typeof KINDS;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');
const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');
const list = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

/** The list filters, as the GraphQL inputs take them, in the query string. */
const common = {
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  search: z.string().max(100).optional(),
};
const invoiceParams = z
  .object({
    ...common,
    states: list(['POSTED', 'PAID', 'CANCELLED']).optional(),
    unpaid: flag.optional(),
    overdue: flag.optional(),
    ids: z
      .string()
      .transform((v) => v.split(',').filter(Boolean))
      .pipe(z.array(z.string().max(100)).min(1).max(1000))
      .optional(),
  })
  .strict();
const orderParams = z
  .object({
    ...common,
    states: list([
      'REQUESTED',
      'QUOTATION',
      'CONFIRMED',
      'PROCESSING',
      'DONE',
      'CANCELLED',
    ]).optional(),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, url: URL): T {
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
  throw badInput(`Invalid export parameter${field ? ` ${field}` : ''}: ${issue?.message}`, field);
}

/** Invoice ids of this portal; anything else is left out, as another customer's ids are. */
function invoiceIds(ids: string[]): number[] {
  const numbers: number[] = [];
  for (const id of ids) {
    try {
      const { type, key } = fromGlobalId(id);
      const n = Number(key);
      if (type === 'Invoice' && Number.isSafeInteger(n) && n > 0) numbers.push(n);
    } catch {
      // A malformed id names no invoice.
    }
  }
  return numbers;
}

/** Answers EXPORT_TOO_LARGE with its count and limit (for the web app's message); rethrows the rest. */
function tooLarge(error: unknown, res: ServerResponse): null {
  if (error instanceof GatewayError && error.code === 'EXPORT_TOO_LARGE') {
    sendError(res, 400, error);
    return null;
  }
  throw error;
}

function fileName(kind: Kind, language: 'fr' | 'en', today: string): string {
  const [base, extension] = kind.split('.');
  return `${KINDS[kind][language]} ${today}.${extension ?? base}`;
}

function start(
  res: ServerResponse,
  kind: Kind,
  language: 'fr' | 'en',
  headers: Record<string, string>,
) {
  const name = fileName(kind, language, new Date().toISOString().slice(0, 10));
  res.writeHead(200, {
    ...headers,
    'content-type': KINDS[kind].type,
    'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
}

/**
 * GET /downloads/exports/invoices.zip, invoices.csv and orders.csv: the customer's own
 * invoices (picked by `ids`, or a filter's whole result) or orders, as a CSV summary or a
 * streamed ZIP of PDFs with the summary. The filters are the lists' own (`states`,
 * `dateFrom`, `dateTo`, `search`, `unpaid`, `overdue`). Ids of other customers are left out
 * as unknown ones are; a ZIP with no invoice left is 404. Larger than the limits:
 * EXPORT_TOO_LARGE (400). Bad parameters: BAD_USER_INPUT (400). Errors are thrown to the
 * server's handler, which answers them in the downloads' JSON shape.
 */
export async function handleExport(
  url: URL,
  services: CustomerServices,
  language: 'fr' | 'en',
  res: ServerResponse,
  quota: DownloadQuota,
  limits: ExportLimits,
): Promise<void> {
  const kind = url.pathname.slice('/downloads/exports/'.length);
  if (!(kind in KINDS)) {
    return sendError(res, 404, new GatewayError('NOT_FOUND', 'No such export.'));
  }
  const exports = new ExportsService(services.invoices, services.orders, language, limits);
  if (kind === 'orders.csv') {
    const { states, ...rest } = parse(orderParams, url);
    const base = await charge(quota, EXPORT_BASE_COST, res);
    if (!base) return;
    const orders = await exports
      .selectOrders({ ...rest, states: states ?? null })
      .catch((error: unknown) => tooLarge(error, res));
    if (!orders) return;
    const headers = await charge(quota, orders.length, res);
    if (!headers) return;
    start(res, 'orders.csv', language, headers);
    return void res.end(ordersCsv(orders, language));
  }
  const { ids, states, ...filter } = parse(invoiceParams, url);
  const zip = kind === 'invoices.zip';
  const base = await charge(quota, EXPORT_BASE_COST, res);
  if (!base) return;
  const selection = ids ? { ids: invoiceIds(ids) } : { filter: { ...filter, states } };
  const invoices = await exports
    .selectInvoices(selection, zip ? limits.maxInvoices : limits.maxRows)
    .catch((error: unknown) => tooLarge(error, res));
  if (!invoices) return;
  if (zip && invoices.length === 0) {
    return sendError(res, 404, new GatewayError('NOT_FOUND', 'No invoice to export.'), base);
  }
  const cost = invoices.length * (zip ? DOWNLOAD_COST.invoice : 1);
  const headers = await charge(quota, cost, res);
  if (!headers) return;
  start(res, kind as Kind, language, headers);
  if (!zip) return void res.end(invoicesCsv(invoices, language));
  // Headers are sent: a failure from here on can only break the download (pipeline
  // destroys the response), so the client never keeps a short ZIP that looks whole. A
  // client that went away is no failure of ours.
  await pipeline(exports.invoicesZip(invoices), res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}
