import type { Decimal, Domain, ReadRow } from '@portal/tryton-client';
import type { Line, Product } from '../models.js';
import { type Fields, modelName } from './rows.js';
import { type CurrencyRow, currencyCode, id, nested, optionalMoney, text } from './values.js';

/** `product.product` as a line names it. */
export interface ProductRow {
  id: number;
  name: string;
  code: string | null;
}

/** What the portal reads of a sale or invoice line (the same fields in both models). */
export interface LineRow {
  id: number;
  /** `line`, or Tryton's `title`, `comment` and `subtotal`, which the portal does not show. */
  type: string;
  product: number | null;
  'product.': ProductRow | null;
  description: string | null;
  quantity: number;
  'unit.': { id: number; symbol: string } | null;
  unit_price: Decimal | null;
  amount: Decimal | null;
  'taxes.': { id: number; description: string }[];
}

/** A line's kind, as its order or invoice reads it (`lines.type`). */
export type LineKind = Pick<LineRow, 'id' | 'type'>;

/** The lines the portal shows, among an order's or invoice's `'lines.'`: the product lines. */
export function productLineIds(lines: readonly LineKind[] | undefined): number[] {
  return (lines ?? []).filter((line) => line.type === 'line').map((line) => line.id);
}

/** A line's schema with its parent (`sale` or `invoice`), for a line read on its own. */
export type ParentLineRow<P extends string> = LineRow & {
  [K in `${P}.`]: { id: number; 'currency.': CurrencyRow };
};

/**
 * The product of a line, read on the line itself: `product.product` is catalogue data with
 * no customer scope, so the portal only ever reads a product through a line it may see.
 */
export const LINE_PRODUCT_FIELDS = [
  'product',
  'product.name',
  'product.code',
] as const satisfies Fields<LineRow>;

/** The lines that carry `productId`. */
export function lineProductDomain(productId: number): Domain {
  return [['product', '=', productId]];
}

export function toProduct(row: ReadRow<LineRow, typeof LINE_PRODUCT_FIELDS>): Product | null {
  const productId = id(row.product);
  if (!productId) return null;
  const product = row['product.'];
  return { id: productId, name: product?.name ?? '', code: text(product?.code) };
}

const LINE_FIELDS = [
  'type',
  ...LINE_PRODUCT_FIELDS,
  'description',
  'quantity',
  'unit.symbol',
  'unit_price',
  'amount',
  'taxes.description',
] as const satisfies Fields<LineRow>;

/** A line as its parent lists it. */
export type LineRead = ReadRow<LineRow, typeof LINE_FIELDS>;

export function toLine(row: LineRead, currency: string): Line {
  const product = toProduct(row);
  // A tax's description is its translatable name ("the name used in reports"), read in the
  // request's language; its `name` (and `rec_name`) is the accountant's, in one language only.
  const taxes = row['taxes.'] ?? [];
  return {
    id: row.id,
    product,
    description: text(row.description) ?? product?.name ?? '',
    quantity: typeof row.quantity === 'number' ? row.quantity : 0,
    unit: text(row['unit.']?.symbol),
    unitPrice: optionalMoney(row.unit_price, currency),
    amount: optionalMoney(row.amount, currency),
    taxes: taxes.map((t) => t.description ?? '').filter(Boolean),
  };
}

/** A line read on its own (`node`), with the currency of its parent `P`. */
export type LineAloneRead<P extends string> = LineRead & {
  [K in `${P}.`]: { 'currency.': { code: string } };
};

/** A line of the parent's `currency`; null for Tryton's titles, comments and subtotals. */
function toParentLine(row: LineRead, currency: string): Line | null {
  return row.type === 'line' ? toLine(row, currency) : null;
}

/**
 * Sale and invoice lines have the same fields in Tryton, under another model and parent
 * (`sale`, `invoice`): one mapping, which each line mapper names.
 */
export function lineMapping<P extends 'sale' | 'invoice'>(
  name: string,
  parent: P,
  parentScope: (parties: number[]) => Domain,
) {
  const model = modelName<ParentLineRow<P>>(name);
  const nodeFields = [...LINE_FIELDS, `${parent}.currency.code` as const] as const;
  return {
    model,
    /** The lines of the parents the customer may see. */
    scope: (parties: number[]): Domain => nested(parent, parentScope(parties)),
    fields: LINE_FIELDS,
    /** The fields of a line read on its own (`node`), with its parent's currency. */
    nodeFields,
    toLine: toParentLine,
    /** A line read on its own, in the currency of the order or invoice it belongs to. */
    toLineAlone: (row: LineAloneRead<P>): Line | null =>
      toParentLine(row, currencyCode(row[`${parent}.`] ?? {})),
  };
}
