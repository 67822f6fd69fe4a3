import type { ServerResponse } from 'node:http';
import type { CustomerServices } from '../context.js';
import { GatewayError, quotaExceeded } from '../errors.js';
import { fromGlobalId, recordId } from '../ids.js';
import type { BucketLimits, LeakyBucket } from '../quotas/leaky-bucket.js';
import { rateLimitHeaders } from '../quotas/rate-limit.js';

/**
 * What a download takes from the caller's bucket, the same bucket as their GraphQL
 * operations (docs/quotas.md). Rendering an invoice PDF is the dearest thing the portal asks
 * of Tryton; an attachment is one read of stored bytes.
 */
export const DOWNLOAD_COST = { invoice: 50, attachment: 10 } as const;

/** The caller's bucket, as the cost plugin finds it for GraphQL. */
export interface DownloadQuota {
  bucket: LeakyBucket;
  key: string;
  limits: BucketLimits;
}

type Target = { kind: keyof typeof DOWNLOAD_COST; id: number };

function safeName(name: string): string {
  return name.replace(/[^\w .()-]+/g, '_').slice(0, 150) || 'document';
}

function send(
  res: ServerResponse,
  content: Uint8Array,
  type: string,
  name: string,
  inline: boolean,
  headers: Record<string, string>,
) {
  res.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(content.byteLength),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${safeName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
}

/**
 * The downloads' and exports' error answer: `{ error: { code, message, retryAfter?, count?,
 * limit?, role?, needed? } }` (count and limit: EXPORT_TOO_LARGE; role and needed: FORBIDDEN,
 * as GraphQL's `extensions` carry them).
 */
export function sendError(
  res: ServerResponse,
  status: number,
  error: GatewayError,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  const { code, retryAfter, count, limit, role, needed } = error.extensions as {
    code: string;
    retryAfter?: number;
    count?: number;
    limit?: number;
    role?: string;
    needed?: string[];
  };
  res.end(
    JSON.stringify({
      error: { code, message: error.message, retryAfter, count, limit, role, needed },
    }),
  );
}

/**
 * Takes `cost` from the caller's bucket: the RateLimit headers to send with the answer, or
 * null once it has answered 429 THROTTLED (reason QUOTA) with Retry-After. Downloads, exports
 * and the Stripe checkout relay charge through it.
 */
export async function charge(
  quota: DownloadQuota,
  cost: number,
  res: ServerResponse,
): Promise<Record<string, string> | null> {
  const taken = await quota.bucket.take(quota.key, cost, quota.limits);
  const headers = rateLimitHeaders(taken.available, quota.limits);
  if (taken.allowed) return headers;
  sendError(res, 429, quotaExceeded(taken.retryAfter), {
    ...headers,
    'retry-after': String(taken.retryAfter),
  });
  return null;
}

function notFound(res: ServerResponse, headers: Record<string, string> = {}) {
  sendError(res, 404, new GatewayError('NOT_FOUND', 'Document not found.'), headers);
}

/** The file a path names, or null; a malformed id throws BAD_USER_INPUT. */
function targetOf(path: string): Target | null {
  const invoice = /^\/downloads\/invoices\/([A-Za-z0-9_-]+)\.pdf$/.exec(path);
  if (invoice) return { kind: 'invoice', id: recordId(invoice[1] as string, 'Invoice') };
  const document = /^\/downloads\/documents\/([A-Za-z0-9_-]+)$/.exec(path);
  if (!document) return null;
  const { type, key } = fromGlobalId(document[1] as string);
  const [kind, raw] = key.split('-');
  const id = Number(raw);
  if (type !== 'Document' || !Number.isSafeInteger(id) || id <= 0) return null;
  return kind === 'invoice' || kind === 'attachment' ? { kind, id } : null;
}

async function sendTarget(
  res: ServerResponse,
  services: CustomerServices,
  target: Target,
  inline: boolean,
  headers: Record<string, string>,
) {
  if (target.kind === 'invoice') {
    const pdf = await services.invoices.pdf(target.id);
    if (!pdf) return notFound(res, headers);
    const type = pdf.format === 'pdf' ? 'application/pdf' : 'application/octet-stream';
    return send(res, pdf.content, type, pdf.name, inline, headers);
  }
  const file = await services.documents.attachmentContent(target.id);
  if (!file) return notFound(res, headers);
  send(res, file.content, file.contentType, file.name, inline, headers);
}

/**
 * GET /downloads/invoices/<Invoice id>.pdf and /downloads/documents/<Document id>: the
 * customer's own files only (the same services, hence the same scoping, as GraphQL). Another
 * customer's id, a forged one or a missing one: 404 alike. A well-formed request pays
 * DOWNLOAD_COST before any Tryton call (a missing file too: probing is not free); an empty
 * bucket answers 429 THROTTLED with Retry-After, and every charged answer has the RateLimit
 * headers.
 */
export async function handleDownload(
  path: string,
  inline: boolean,
  services: CustomerServices,
  res: ServerResponse,
  quota: DownloadQuota,
): Promise<void> {
  try {
    const target = targetOf(path);
    if (!target) return notFound(res);
    const headers = await charge(quota, DOWNLOAD_COST[target.kind], res);
    if (!headers) return;
    await sendTarget(res, services, target, inline, headers);
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'BAD_USER_INPUT') return notFound(res);
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return notFound(res);
    throw error;
  }
}
