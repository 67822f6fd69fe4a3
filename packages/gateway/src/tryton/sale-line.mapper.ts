import type { Domain } from '@portal/tryton-client';
import type { Line } from '../models.js';
import { LINE_PRODUCT_FIELDS, parentCurrency, toLine } from './line.js';
import { saleScope } from './sale.mapper.js';
import { nested } from './values.js';

/** `sale.line`: the lines of an order. */
export const SALE_LINE_MODEL = 'sale.line';

/** Lines of the orders the customer may see. */
export function saleLineScope(parties: number[]): Domain {
  return nested('sale', saleScope(parties));
}

export const SALE_LINE_FIELDS = [
  'type',
  ...LINE_PRODUCT_FIELDS,
  'description',
  'quantity',
  'unit.symbol',
  'unit_price',
  'amount',
  'taxes.description',
];

export function toSaleLine(row: Record<string, unknown>, currency: string): Line | null {
  return row.type === 'line' ? toLine(row, currency) : null;
}

/** The fields of a line read on its own (`node`), with the currency of its order. */
export const SALE_LINE_NODE_FIELDS = [...SALE_LINE_FIELDS, 'sale.currency.code'];

export function toSaleLineAlone(row: Record<string, unknown>): Line | null {
  return toSaleLine(row, parentCurrency(row, 'sale'));
}
