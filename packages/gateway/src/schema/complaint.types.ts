import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { Complaint, ComplaintType } from '../models.js';
import { AuthorType, Node } from './common.types.js';
import { OrderType } from './order.types.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

export enum ComplaintStateEnum {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  RESOLVED = 'RESOLVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ComplaintStateEnum, {
  name: 'ComplaintState',
  description: 'Where a complaint stands in the company’s handling.',
  valuesConfig: {
    SUBMITTED: { description: 'Filed, awaiting the company’s review.' },
    ACCEPTED: { description: 'The company accepted it and is acting on it.' },
    REJECTED: { description: 'The company refused it (see the answer).' },
    RESOLVED: { description: 'Acted on: a return, a credit note… (see the answer).' },
    CANCELLED: { description: 'Withdrawn.' },
  },
});

export enum ComplaintTargetEnum {
  ORDER = 'ORDER',
  LINES = 'LINES',
}
registerEnumType(ComplaintTargetEnum, {
  name: 'ComplaintTarget',
  description: 'What a kind of problem is about: the whole order, or some of its lines.',
});

@ObjectType('ComplaintType', { description: 'A kind of problem the company handles.' })
export class ComplaintTypeType {
  @Field(() => ID, { description: 'Pass it as `typeId` of fileComplaint.' })
  id!: string;

  @Field({ description: 'Its name, e.g. "Damaged goods".' })
  name!: string;

  @Field(() => ComplaintTargetEnum, {
    description: 'ORDER: file it without lines; LINES: with the lines concerned.',
  })
  target!: ComplaintTargetEnum;
}

export function complaintTypeNode(type: ComplaintType): ComplaintTypeType {
  return { ...type, id: String(type.id), target: type.target as ComplaintTargetEnum };
}

@ObjectType('Complaint', {
  implements: Node,
  description: 'A problem reported on an order or some of its lines, and the company’s answer.',
})
export class ComplaintObjectType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The company’s number for it.' })
  number!: string | null;

  @Field(() => ComplaintStateEnum, { description: 'Where it stands.' })
  state!: ComplaintStateEnum;

  @Field({ description: 'The kind of problem.' })
  typeName!: string;

  @Field({ description: 'What the customer wrote.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The company’s answer to the customer; null until they write one.',
  })
  answer!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was filed.' })
  date!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was filed.' })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Its last change.' })
  updatedAt!: Date | null;

  @Field(() => AuthorType, {
    nullable: true,
    description: 'The member who filed it on the portal.',
  })
  filedBy!: AuthorType | null;
}

export type ComplaintNode = ComplaintObjectType & {
  __typename: 'Complaint';
  lineId: number | null;
  rowId: number;
};

export function complaintNode(complaint: Complaint): ComplaintNode {
  return {
    ...complaint,
    id: toGlobalId('Complaint', complaint.id),
    rowId: complaint.id,
    state: complaint.state as ComplaintStateEnum,
    __typename: 'Complaint',
  };
}

@InputType('ComplaintFileInput', {
  description:
    'A file of a complaint, its bytes in base64 in the input (no multipart upload): 10 MB at most, PDF, PNG, JPEG, GIF, WebP or plain UTF-8 text, recognised by its content, with a name that agrees.',
})
export class ComplaintFileInput {
  @Field({ description: 'File name, e.g. "photo.jpg"; 200 characters at most.' })
  name!: string;

  @Field({ description: 'The content, base64 (RFC 4648).' })
  contentBase64!: string;
}

@InputType('FileComplaintInput', { description: 'A problem with an order.' })
export class FileComplaintInput {
  @Field(() => ID, { description: 'The order (confirmed, processing or done).' })
  orderId!: string;

  @Field({
    description:
      "The order's `version` as shown to the customer: CONFLICT (with the current one) when the order changed since, and nothing is filed.",
  })
  version!: string;

  @Field({
    description:
      'Chosen by the client, one per submission (a UUID): the same key with the same input gives the first answer again without filing twice; with another input, IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey!: string;

  @Field(() => ID, {
    description: 'A kind of problem of `complaintTypes`, whose target agrees with `lineIds`.',
  })
  typeId!: string;

  @Field({ description: 'What went wrong; 5000 characters at most.' })
  description!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The order lines concerned (one complaint each); none: the whole order.',
  })
  lineIds?: string[] | null;

  @Field(() => [ComplaintFileInput], {
    nullable: true,
    description: 'Up to 5 files: photos, a delivery note…',
  })
  files?: ComplaintFileInput[] | null;
}

@ObjectType('FileComplaintPayload', { description: 'The complaints filed.' })
export class FileComplaintPayloadType {
  @Field(() => OrderType, { description: 'The order, read again.' })
  order!: OrderType;

  @Field(() => [ComplaintObjectType], {
    description: 'The complaints filed: one on the order, or one per line.',
  })
  complaints!: ComplaintObjectType[];

  @Field({ description: 'True when the idempotency key had been used with this input.' })
  replayed!: boolean;
}
