import { Decimal, type Domain, type TrytonDate, type TrytonDateTime } from '@portal/tryton-client';
import type { Money } from '../models.js';

/** Conversions shared by the mappers. */

export function money(value: unknown, currency: string): Money {
  return { amount: value instanceof Decimal ? value : Decimal.from('0'), currency };
}

export function optionalMoney(value: unknown, currency: string): Money | null {
  return value instanceof Decimal ? { amount: value, currency } : null;
}

export function isoDate(value: unknown): string | null {
  return value && typeof (value as TrytonDate).toISOString === 'function'
    ? (value as TrytonDate).toISOString()
    : null;
}

export function jsDate(value: unknown): Date | null {
  return value && typeof (value as TrytonDateTime).toDate === 'function'
    ? (value as TrytonDateTime).toDate()
    : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

export function id(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** The number of an order or invoice read with its `NUMBER_FIELDS`; null before it has one. */
export function recordNumber(row: { number: string | null }): string | null {
  return typeof row.number === 'string' ? row.number : null;
}

/** `currency.currency`, as the orders and invoices name theirs. */
export interface CurrencyRow {
  id: number;
  code: string;
}

/** `'currency.': {code}` of a row read with the dotted field `currency.code`. */
export function currencyCode(row: { 'currency.'?: { code?: unknown } | null }): string {
  const related = row['currency.'];
  return typeof related?.code === 'string' ? related.code : 'EUR';
}

/**
 * `domain` moved onto the record a many2one points to: `nested('sale', [['party', 'in', p]])`
 * is `[['sale.party', 'in', p]]`, the lines of the sales that `domain` selects.
 */
export function nested(field: string, domain: Domain): Domain {
  return domain.map((clause) => {
    if (!Array.isArray(clause)) return clause; // 'AND' / 'OR'
    const operator = clause[0] === 'OR' || clause[0] === 'AND';
    if (typeof clause[0] === 'string' && !operator && clause.length >= 3)
      return [`${field}.${clause[0]}`, ...clause.slice(1)];
    return nested(field, clause);
  });
}
