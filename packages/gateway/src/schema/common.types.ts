import type { Decimal } from '@portal/tryton-client';
import { Arg, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_NESTED_LIST } from '../pagination.js';
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

@ObjectType('Author', {
  description:
    'The member of the company account who made a self-service write (who requested, accepted or declined an order, filed a complaint, changed an address, paid an invoice online, changed a member’s role). Null on a record the company’s staff wrote.',
})
export class AuthorType {
  @Field({ description: 'The member’s sign-in e-mail.' })
  email!: string;
}

@ObjectType('PageInfo', { description: 'Where a page sits in a connection (Relay).' })
export class PageInfoType {
  @Field({ description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first edge: pass it as `before`.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge: pass it as `after`.',
  })
  endCursor!: string | null;
}

/** The `first` argument of every list nested in a record (pagination.ts `nested`). */
export const FIRST_NESTED = `At most this many items, in the record's order (default and maximum ${MAX_NESTED_LIST}; above is an error).`;

/**
 * The description of the count beside a nested list (`lineCount` beside `lines`): what tells
 * a client whether `first` cut the list.
 */
export const COUNT_OF = (list: string) =>
  `How many items \`${list}\` holds in all, whatever its \`first\`: more than it returned means the list was cut. Only what this customer may read is counted.`;

/** `first` of a list nested in a record: one declaration for all of them. */
export const NestedFirst = () =>
  Arg('first', () => Int, { defaultValue: MAX_NESTED_LIST, description: FIRST_NESTED });
