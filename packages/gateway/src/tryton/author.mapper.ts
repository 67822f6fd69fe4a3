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

/** The author of `row` in `field`: null when nobody of the portal wrote it (the staff did). */
export function author(
  row: Record<string, unknown>,
  field: keyof typeof AUTHOR_FIELDS,
): Author | null {
  return authorOf(row[AUTHOR_FIELDS[field]]);
}

/** An author's e-mail as a module method answers it: null for none (the staff, or nobody). */
export function authorOf(email: unknown): Author | null {
  const value = text(email);
  return value ? { email: value } : null;
}
