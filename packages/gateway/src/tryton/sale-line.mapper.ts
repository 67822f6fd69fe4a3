import { lineMapping } from './line.js';
import { saleScope } from './sale.mapper.js';

/** `sale.line`: the lines of an order, mapped as every line is (line.ts). */
const lines = lineMapping('sale.line', 'sale', saleScope);

export const SALE_LINE_MODEL = lines.model;
export const saleLineScope = lines.scope;
export const SALE_LINE_FIELDS = lines.fields;
export const SALE_LINE_NODE_FIELDS = lines.nodeFields;
export const toSaleLine = lines.toLine;
export const toSaleLineAlone = lines.toLineAlone;
