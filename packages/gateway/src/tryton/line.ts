import type { Line } from '../models.js';
import { id, optionalMoney, related, text } from './values.js';

/** Sale and invoice lines have the same fields in Tryton (see their mappers). */
export function toLine(row: Record<string, unknown>, currency: string): Line {
  const productId = id(row.product);
  const product = related<{ name?: string; code?: string }>(row, 'product');
  const unit = related<{ symbol?: string }>(row, 'unit');
  const taxes = (row['taxes.'] as { rec_name?: string }[] | undefined) ?? [];
  return {
    id: row.id as number,
    product: productId
      ? { id: productId, name: product?.name ?? '', code: text(product?.code) }
      : null,
    description: text(row.description) ?? product?.name ?? '',
    quantity: typeof row.quantity === 'number' ? row.quantity : 0,
    unit: text(unit?.symbol),
    unitPrice: optionalMoney(row.unit_price, currency),
    amount: optionalMoney(row.amount, currency),
    taxes: taxes.map((t) => t.rec_name ?? '').filter(Boolean),
  };
}
