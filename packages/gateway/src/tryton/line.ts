import type { Domain } from '@portal/tryton-client';
import type { Line, Product } from '../models.js';
import { currencyCode, id, nested, optionalMoney, related, text } from './values.js';

/**
 * The product of a line, read on the line itself: `product.product` is catalogue data with
 * no customer scope, so the portal only ever reads a product through a line it may see.
 */
export const LINE_PRODUCT_FIELDS = ['product', 'product.name', 'product.code'];

/** The lines that carry `productId`. */
export function lineProductDomain(productId: number): Domain {
  return [['product', '=', productId]];
}

export function toProduct(row: Record<string, unknown>): Product | null {
  const productId = id(row.product);
  if (!productId) return null;
  const product = related<{ name?: string; code?: string }>(row, 'product');
  return { id: productId, name: product?.name ?? '', code: text(product?.code) };
}

/** The currency of the order or invoice (`parent`) a line read alone belongs to. */
export function parentCurrency(row: Record<string, unknown>, parent: string): string {
  return currencyCode(related<Record<string, unknown>>(row, parent) ?? {});
}

export function toLine(row: Record<string, unknown>, currency: string): Line {
  const product = toProduct(row);
  const unit = related<{ symbol?: string }>(row, 'unit');
  // A tax's description is its translatable name ("the name used in reports"), read in the
  // request's language; its `name` (and `rec_name`) is the accountant's, in one language only.
  const taxes = (row['taxes.'] as { description?: string }[] | undefined) ?? [];
  return {
    id: row.id as number,
    product,
    description: text(row.description) ?? product?.name ?? '',
    quantity: typeof row.quantity === 'number' ? row.quantity : 0,
    unit: text(unit?.symbol),
    unitPrice: optionalMoney(row.unit_price, currency),
    amount: optionalMoney(row.amount, currency),
    taxes: taxes.map((t) => t.description ?? '').filter(Boolean),
  };
}

/**
 * Sale and invoice lines have the same fields in Tryton, under another model and parent
 * (`sale`, `invoice`): one mapping, which each line mapper names.
 */
export function lineMapping(
  model: string,
  parent: 'sale' | 'invoice',
  parentScope: (parties: number[]) => Domain,
) {
  const fields = [
    'type',
    ...LINE_PRODUCT_FIELDS,
    'description',
    'quantity',
    'unit.symbol',
    'unit_price',
    'amount',
    'taxes.description',
  ];
  /** A line of the parent's `currency`; null for Tryton's titles, comments and subtotals. */
  const toParentLine = (row: Record<string, unknown>, currency: string): Line | null =>
    row.type === 'line' ? toLine(row, currency) : null;
  return {
    model,
    /** The lines of the parents the customer may see. */
    scope: (parties: number[]): Domain => nested(parent, parentScope(parties)),
    fields,
    /** The fields of a line read on its own (`node`), with its parent's currency. */
    nodeFields: [...fields, `${parent}.currency.code`],
    toLine: toParentLine,
    toLineAlone: (row: Record<string, unknown>): Line | null =>
      toParentLine(row, parentCurrency(row, parent)),
  };
}
