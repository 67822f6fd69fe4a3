import type { Domain } from '@portal/tryton-client';
import type { ContactMechanism } from '../models.js';
import { AUTHOR_FIELDS, author } from './author.mapper.js';
import { text } from './values.js';
import { versionOf } from './version.js';

/** `party.contact_mechanism`: e-mails, phones... of the customer. */
export const CONTACT_MECHANISM_MODEL = 'party.contact_mechanism';

export const CONTACT_MECHANISM_FIELDS = [
  'type',
  'value',
  'name',
  'write_date',
  'create_date',
  AUTHOR_FIELDS.changedBy,
];

export function contactMechanismScope(parties: number[]): Domain {
  return [['party', 'in', parties]];
}

export function toContactMechanism(row: Record<string, unknown>): ContactMechanism {
  return {
    id: row.id as number,
    type: String(row.type ?? ''),
    value: String(row.value ?? ''),
    name: text(row.name),
    version: versionOf(row),
    changedBy: author(row, 'changedBy'),
  };
}
