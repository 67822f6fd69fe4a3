import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { Document, RecordKind, RelatedRecord } from '../models.js';
import { Node } from './common.types.js';
import { ConnectionType } from './connection.types.js';
import { DateTimeScalar } from './scalars.js';

export enum DocumentKindEnum {
  INVOICE_PDF = 'INVOICE_PDF',
  ATTACHMENT = 'ATTACHMENT',
}
registerEnumType(DocumentKindEnum, { name: 'DocumentKind', description: 'What a document is.' });

export enum RecordKindEnum {
  ORDER = 'ORDER',
  INVOICE = 'INVOICE',
  ACCOUNT = 'ACCOUNT',
}
registerEnumType(RecordKindEnum, {
  name: 'RecordKind',
  description: 'What a document belongs to: an order, an invoice, or the customer account.',
});

@ObjectType('DocumentRecord', {
  description: 'The order, invoice or account a document belongs to.',
})
export class DocumentRecordType {
  @Field(() => RecordKindEnum, { description: 'Order, invoice or account.' })
  kind!: RecordKindEnum;

  /** Resolved by DocumentRecordResolver (the number is read only when asked for). */
  record!: RelatedRecord;
}

@ObjectType('Document', { implements: Node, description: 'A file the customer can download.' })
export class DocumentType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'File name.' })
  name!: string;

  @Field(() => DocumentKindEnum, { description: 'Invoice PDF or attachment.' })
  kind!: DocumentKindEnum;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was issued or attached.' })
  date!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Size in bytes, when known before download.' })
  size!: number | null;

  @Field({ description: 'MIME type.' })
  contentType!: string;

  @Field({
    description: 'Where to download it (same origin, with the session cookie or a bearer token).',
  })
  url!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What it belongs to, as an English word.',
    deprecationReason: 'Use `related`: its kind, to name in any language, and its number.',
  })
  relatedTo!: string | null;

  @Field(() => DocumentRecordType, {
    nullable: true,
    description: 'The order, invoice or account it belongs to.',
  })
  related!: DocumentRecordType | null;
}

export function documentUrl(document: Pick<Document, 'key'>): string {
  const [kind, id] = document.key.split('-');
  return kind === 'invoice'
    ? `/downloads/invoices/${toGlobalId('Invoice', id ?? '')}.pdf`
    : `/downloads/documents/${toGlobalId('Document', document.key)}`;
}

export function documentNode(document: Document): DocumentType & { __typename: 'Document' } {
  return {
    ...document,
    id: toGlobalId('Document', document.key),
    kind: document.kind as DocumentKindEnum,
    url: documentUrl(document),
    related: document.related && {
      kind: document.related.kind as RecordKind as RecordKindEnum,
      record: document.related,
    },
    __typename: 'Document',
  };
}

export const DocumentConnectionType = ConnectionType(DocumentType, {
  name: 'Document',
  one: 'a document',
  many: 'documents',
});
