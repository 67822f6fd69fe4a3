import type { Author } from '../models.js';
import { text } from './values.js';

/**
 * Who did it (issue 16): the e-mail of the member the module recorded on a record it wrote
 * for the portal (portal_api's authors.py), read as one of its `..._email` fields. Only this
 * mapper knows their names.
 */
export const AUTHOR_FIELDS = {
  requestedBy: 'portal_requested_by_email',
  acceptedBy: 'portal_accepted_by_email',
  declinedBy: 'portal_declined_by_email',
  filedBy: 'portal_web_user_email',
  changedBy: 'portal_changed_by_email',
} as const;

export type AuthorKey = keyof typeof AUTHOR_FIELDS;

/**
 * The author fields of a model's schema, for the `keys` it records: an e-mail, or nothing
 * (Tryton reads an empty Char as null, or false on some backends).
 */
export type AuthorColumns<K extends AuthorKey> = {
  [P in (typeof AUTHOR_FIELDS)[K]]: string | false | null;
};

/**
 * The author of `row` in `field`: null when nobody of the portal wrote it (the staff did).
 * A row read without the field does not compile.
 */
export function author<K extends AuthorKey>(
  row: NoInfer<AuthorColumns<K>>,
  field: K,
): Author | null {
  return authorOf(row[AUTHOR_FIELDS[field]]);
}

/** An author's e-mail as a module method answers it: null for none (the staff, or nobody). */
export function authorOf(email: unknown): Author | null {
  const value = text(email);
  return value ? { email: value } : null;
}
