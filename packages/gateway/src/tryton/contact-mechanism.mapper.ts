import type { Domain, ReadRow, TrytonDateTime } from '@portal/tryton-client';
import type { ContactMechanism } from '../models.js';
import { AUTHOR_FIELDS, type AuthorColumns, author } from './author.mapper.js';
import { type Fields, modelName } from './rows.js';
import { text } from './values.js';
import { versionOf } from './version.js';

/** What the portal reads of a `party.contact_mechanism`. */
export interface ContactMechanismRow extends AuthorColumns<'changedBy'> {
  id: number;
  type: string;
  value: string | null;
  name: string | null;
  write_date: TrytonDateTime | null;
  create_date: TrytonDateTime;
}

/** `party.contact_mechanism`: e-mails, phones... of the customer. */
export const CONTACT_MECHANISM_MODEL = modelName<ContactMechanismRow>('party.contact_mechanism');

export const CONTACT_MECHANISM_FIELDS = [
  'type',
  'value',
  'name',
  'write_date',
  'create_date',
  AUTHOR_FIELDS.changedBy,
] as const satisfies Fields<ContactMechanismRow>;

export function contactMechanismScope(parties: number[]): Domain {
  return [['party', 'in', parties]];
}

export function toContactMechanism(
  row: ReadRow<ContactMechanismRow, typeof CONTACT_MECHANISM_FIELDS>,
): ContactMechanism {
  return {
    id: row.id,
    type: String(row.type ?? ''),
    value: String(row.value ?? ''),
    name: text(row.name),
    version: versionOf(row),
    changedBy: author(row, 'changedBy'),
  };
}
