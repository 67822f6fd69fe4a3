import type { Decimal } from '@portal/tryton-client';
import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from './scalars.js';

export enum LanguageEnum {
  FR = 'FR',
  EN = 'EN',
}
registerEnumType(LanguageEnum, { name: 'Language', description: 'A language of the portal.' });

@InterfaceType({
  description: 'An object with a global, opaque id, fetchable with `node(id:)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}

@ObjectType('Money', { description: 'An amount of money in a currency.' })
export class MoneyType {
  @Field(() => DecimalScalar, { description: 'The exact amount, as a decimal string.' })
  amount!: Decimal;

  @Field({ description: 'ISO 4217 currency code, e.g. "EUR".' })
  currency!: string;
}

@ObjectType('PageInfo', { description: 'Where a page sits in a connection (Relay).' })
export class PageInfoType {
  @Field({ description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge: pass it as `after`.',
  })
  endCursor!: string | null;
}

/** The `first` argument of every list nested in a record. */
export const FIRST_NESTED =
  "At most this many items, in the record's order (default and maximum 500; above is an error).";
