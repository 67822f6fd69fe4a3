import type { ServerResponse } from 'node:http';
import type { CustomerServices } from '../context.js';
import { GatewayError } from '../errors.js';
import { fromGlobalId, recordId } from '../ids.js';

function safeName(name: string): string {
  return name.replace(/[^\w .()-]+/g, '_').slice(0, 150) || 'document';
}

function send(
  res: ServerResponse,
  content: Uint8Array,
  type: string,
  name: string,
  inline: boolean,
) {
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(content.byteLength),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${safeName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Document not found.' } }));
}

async function sendInvoice(
  res: ServerResponse,
  services: CustomerServices,
  id: number,
  inline: boolean,
) {
  const pdf = await services.invoices.pdf(id);
  if (!pdf) return notFound(res);
  const type = pdf.format === 'pdf' ? 'application/pdf' : 'application/octet-stream';
  send(res, pdf.content, type, `Facture ${pdf.invoice.number}.${pdf.format}`, inline);
}

/**
 * GET /downloads/invoices/<Invoice id>.pdf and /downloads/documents/<Document id>: the
 * customer's own files only (the same services, hence the same scoping, as GraphQL). Another
 * customer's id, a forged one or a missing one: 404 alike.
 */
export async function handleDownload(
  path: string,
  inline: boolean,
  services: CustomerServices,
  res: ServerResponse,
): Promise<void> {
  try {
    const invoice = /^\/downloads\/invoices\/([A-Za-z0-9_-]+)\.pdf$/.exec(path);
    if (invoice)
      return await sendInvoice(res, services, recordId(invoice[1] as string, 'Invoice'), inline);
    const document = /^\/downloads\/documents\/([A-Za-z0-9_-]+)$/.exec(path);
    if (document) {
      const { type, key } = fromGlobalId(document[1] as string);
      const [kind, raw] = key.split('-');
      const id = Number(raw);
      if (type !== 'Document' || !Number.isSafeInteger(id) || id <= 0) return notFound(res);
      if (kind === 'invoice') return await sendInvoice(res, services, id, inline);
      if (kind !== 'attachment') return notFound(res);
      const file = await services.documents.attachmentContent(id);
      if (!file) return notFound(res);
      return send(res, file.content, file.contentType, file.name, inline);
    }
    return notFound(res);
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'BAD_USER_INPUT') return notFound(res);
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return notFound(res);
    throw error;
  }
}
