import type { TrytonDateTime } from '@portal/tryton-client';

/**
 * The parameters of the portal_api module's writes on sales (sale.py of the module) and the
 * lines its re-order leaves out, in the portal's words.
 */

export interface AcceptInput {
  name: string;
  poReference: string | null;
  acceptTerms: boolean;
}

export function acceptParams(
  orderId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
  input: AcceptInput,
  ip: string,
): unknown[] {
  const values = { name: input.name, po_reference: input.poReference, terms: input.acceptTerms };
  return [orderId, version, idempotencyKey, values, ip];
}

export function declineParams(
  orderId: number,
  version: TrytonDateTime,
  idempotencyKey: string,
  reason: string | null,
  ip: string,
): unknown[] {
  return [orderId, version, idempotencyKey, { reason }, ip];
}

export function reorderParams(orderId: number, idempotencyKey: string): unknown[] {
  return [orderId, idempotencyKey];
}

/** A line of the past order that the re-order left out: its product is no longer sold. */
export interface LeftOutLine {
  productId: number | null;
  name: string;
  quantity: number;
}

export function toLeftOut(rows: unknown): LeftOutLine[] {
  if (!Array.isArray(rows)) return [];
  return rows.map((row: Record<string, unknown>) => ({
    productId: typeof row.product === 'number' ? row.product : null,
    name: typeof row.name === 'string' ? row.name : '',
    quantity: typeof row.quantity === 'number' ? row.quantity : 0,
  }));
}

/** The id of the order a write answered with (the new one for a re-order). */
export function writtenOrderId(result: Record<string, unknown>): number {
  return typeof result.sale === 'number' ? result.sale : 0;
}
