import type { Domain } from '@portal/tryton-client';
import { badInput } from '../errors.js';

/**
 * The longest `search` a list filter takes. Numbers and references are short; a long
 * pattern only costs Tryton's database (SQLite refuses LIKE patterns past 50,000 bytes,
 * "LIKE or GLOB pattern too complex", and Tryton then logs the failing call).
 */
export const MAX_SEARCH_LENGTH = 100;

/**
 * `%text%` with `\`, `%` and `_` escaped: Tryton 7.x builds `ilike` as python-sql's
 * `ILike(..., escape='\\')` (trytond/model/fields/field.py), so the customer's text matches
 * literally; unescaped, a `%` or `_` would be a wildcard and "%" would match every record.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The records one of whose `fields` contains `search` (case-insensitive, literal), or null
 * for no search. Longer than MAX_SEARCH_LENGTH: BAD_USER_INPUT, before any Tryton call.
 */
export function containsDomain(fields: string[], search: string | null | undefined): Domain | null {
  const text = search?.trim();
  if (!text) return null;
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badInput(`\`search\` takes ${MAX_SEARCH_LENGTH} characters at most.`, 'filter.search');
  }
  const pattern = containsPattern(text);
  return ['OR', ...fields.map((field) => [field, 'ilike', pattern])] as Domain;
}
