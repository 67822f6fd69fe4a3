import type { Decimal, Domain, ReadRow, TrytonDate, TrytonDateTime } from '@portal/tryton-client';
import type { Order, OrderInvoiceState, OrderShipmentState, OrderState } from '../models.js';
import { DEFAULT_SORT, type ListSort, type SortField } from '../pagination.js';
import { AUTHOR_FIELDS, type AuthorColumns, author } from './author.mapper.js';
import type { Keyset } from './keyset.js';
import { type LineKind, productLineIds } from './line.js';
import { type Fields, modelName } from './rows.js';
import { containsDomain } from './search.js';
import { type CurrencyRow, currencyCode, id, ids, isoDate, money, text } from './values.js';
import { versionOf } from './version.js';

/** What the portal reads of a `sale.sale` (its schema: fields.ts of tryton-client). */
export interface SaleRow extends AuthorColumns<'requestedBy' | 'acceptedBy' | 'declinedBy'> {
  id: number;
  number: string | null;
  reference: string | null;
  description: string | null;
  state: string;
  sale_date: TrytonDate | null;
  untaxed_amount: Decimal;
  tax_amount: Decimal;
  total_amount: Decimal;
  invoice_state: string;
  shipment_state: string;
  invoice_address: number | null;
  shipment_address: number | null;
  'lines.': LineKind[];
  invoices: number[];
  shipments: number[];
  'currency.': CurrencyRow;
  write_date: TrytonDateTime | null;
  create_date: TrytonDateTime;
  /** A Boolean reads as 1 on SQLite and true on PostgreSQL. */
  portal_requested: boolean | number | null;
}

/** `sale.sale`: the customer's orders. */
export const SALE_MODEL = modelName<SaleRow>('sale.sale');

export const SALE_FIELDS = [
  'number',
  'reference',
  'description',
  'state',
  'sale_date',
  'untaxed_amount',
  'tax_amount',
  'total_amount',
  'invoice_state',
  'shipment_state',
  'invoice_address',
  'shipment_address',
  // Each line's kind: the portal lists (and counts) the product lines only.
  'lines.type',
  'invoices',
  'shipments',
  'currency.code',
  'write_date',
  'create_date',
  'portal_requested',
  AUTHOR_FIELDS.requestedBy,
  AUTHOR_FIELDS.acceptedBy,
  AUTHOR_FIELDS.declinedBy,
] as const satisfies Fields<SaleRow>;

/** An order as the mapper reads it. */
export type SaleRead = ReadRow<SaleRow, typeof SALE_FIELDS>;

/** What names an order (the "belongs to" of a document: `recordNumber`). */
export const SALE_NUMBER_FIELDS = ['number'] as const satisfies Fields<SaleRow>;

const STATES: Record<string, OrderState> = {
  quotation: 'QUOTATION',
  confirmed: 'CONFIRMED',
  processing: 'PROCESSING',
  done: 'DONE',
  cancelled: 'CANCELLED',
};
const TRYTON_STATES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(STATES).map(([k, v]) => [v, k])),
  // A draft the customer asked for (a re-order); the scope keeps the staff's drafts out.
  REQUESTED: 'draft',
};

/**
 * 6.0 names, plus 7.x's finer states: invoices still to come (`pending`) apart from invoices
 * issued and not yet (fully) paid, which the customer has to act on.
 */
const INVOICE_STATES: Record<string, OrderInvoiceState> = {
  none: 'NONE',
  waiting: 'WAITING',
  pending: 'WAITING',
  'awaiting payment': 'AWAITING_PAYMENT',
  'partially paid': 'AWAITING_PAYMENT',
  paid: 'PAID',
  exception: 'EXCEPTION',
};
const SHIPMENT_STATES: Record<string, OrderShipmentState> = {
  none: 'NONE',
  waiting: 'WAITING',
  'partially shipped': 'WAITING',
  sent: 'SENT',
  exception: 'EXCEPTION',
};

/**
 * Newest first; the id breaks ties so pages never overlap. Quotations not yet dated (Tryton
 * dates a sale when it is confirmed) come last.
 */
export const SALE_KEYSET: Keyset = { field: 'sale_date', direction: 'DESC' };

/**
 * The keys of the other sorts: the number as Tryton sorts it (length, then text), and the
 * total Tryton stores when a sale is confirmed or cancelled (`total_amount` is computed and
 * cannot be sorted on): quotations, not yet confirmed, come after the others.
 */
const SALE_SORT_KEYS: Record<SortField, Omit<Keyset, 'direction'>> = {
  DATE: { field: 'sale_date' },
  NUMBER: { field: 'number', text: 'length-first' },
  AMOUNT: { field: 'total_amount_cache' },
};

/** The keyset of an order list's sort (the id breaks ties, in the same direction). */
export function saleKeyset(sort: ListSort | null | undefined): Keyset {
  const { field, direction } = sort ?? DEFAULT_SORT;
  return { ...SALE_SORT_KEYS[field], direction };
}

/**
 * Every order read is limited to the customer's parties and to non-draft states. A sale
 * cancelled while still a draft has no number: the customer never saw it, so it stays hidden.
 */
export function saleScope(parties: number[]): Domain {
  return [
    ['party', 'in', parties],
    [
      'OR',
      [
        ['state', 'in', Object.keys(STATES)],
        ['number', '!=', null],
      ],
      // The re-orders the customer requested on the portal, awaiting the company's review.
      [
        ['state', '=', 'draft'],
        ['portal_requested', '=', true],
      ],
    ],
  ];
}

export interface OrderFilterInput {
  states?: OrderState[] | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  search?: string | null;
}

/** The filter's conditions; the customer's scope is added to every read (scopes.ts). */
export function saleDomain(
  filter: OrderFilterInput | null | undefined,
  toDate: (iso: string) => unknown,
): Domain {
  const domain: Domain = [];
  if (filter?.states?.length) {
    domain.push(['state', 'in', filter.states.map((s) => TRYTON_STATES[s])]);
  }
  if (filter?.dateFrom) domain.push(['sale_date', '>=', toDate(filter.dateFrom)]);
  if (filter?.dateTo) domain.push(['sale_date', '<=', toDate(filter.dateTo)]);
  const search = containsDomain(['number', 'reference'], filter?.search);
  if (search) domain.push(search);
  return domain;
}

export function numberDomain(number: string): Domain {
  return [['number', '=', number]];
}

export function toOrder(row: SaleRead): Order | null {
  const state =
    // A Boolean reads as 1 on SQLite and true on PostgreSQL.
    row.state === 'draft' && row.portal_requested ? 'REQUESTED' : STATES[String(row.state)];
  if (!state) return null;
  const currency = currencyCode(row);
  return {
    id: row.id,
    number: text(row.number) ?? '',
    reference: text(row.reference),
    description: text(row.description),
    state,
    date: isoDate(row.sale_date),
    untaxedAmount: money(row.untaxed_amount, currency),
    taxAmount: money(row.tax_amount, currency),
    totalAmount: money(row.total_amount, currency),
    invoiceState: INVOICE_STATES[String(row.invoice_state)] ?? 'NONE',
    shipmentState: SHIPMENT_STATES[String(row.shipment_state)] ?? 'NONE',
    invoiceAddressId: id(row.invoice_address),
    shipmentAddressId: id(row.shipment_address),
    lineIds: productLineIds(row['lines.']),
    invoiceIds: ids(row.invoices),
    shipmentIds: ids(row.shipments),
    currency,
    version: versionOf(row),
    requestedBy: author(row, 'requestedBy'),
    acceptedBy: author(row, 'acceptedBy'),
    declinedBy: author(row, 'declinedBy'),
  };
}
