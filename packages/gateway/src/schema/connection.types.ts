import {
  ArgsType,
  type ClassType,
  Field,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination.js';
import { PageInfoType } from './common.types.js';

/** The arguments of every connection (Relay): forward with `first`/`after`, backward with `last`/`before`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `At most this many items after \`after\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The items after this cursor (an `endCursor`): the next page.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `At most this many items before \`before\`, or at the end of the list (at most ${MAX_PAGE_SIZE}).`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The items before this cursor (a `startCursor`): the previous page.',
  })
  before?: string | null;
}

export enum SortFieldEnum {
  DATE = 'DATE',
  NUMBER = 'NUMBER',
  AMOUNT = 'AMOUNT',
}
registerEnumType(SortFieldEnum, {
  name: 'SortField',
  description: 'What a list is sorted by.',
  valuesConfig: {
    DATE: { description: 'The order or invoice date; undated quotations last.' },
    NUMBER: {
      description: 'The number, as the ERP sorts it: shorter numbers first, then by text.',
    },
    AMOUNT: {
      description:
        'The total, taxes included. Quotations, whose total is not stored until they are confirmed, come last.',
    },
  },
});

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'Ascending (oldest, lowest first) or descending.',
});

/**
 * How to sort a list. Cursors hold the sort key, so paging stays stable in every sort; a
 * cursor of another sort is refused (BAD_USER_INPUT).
 */
@InputType('ListSort', { description: 'How to sort a list; the id breaks ties.' })
export class ListSortInput {
  @Field(() => SortFieldEnum, { description: 'The key to sort by.' })
  field!: SortFieldEnum;

  @Field(() => SortDirectionEnum, {
    defaultValue: SortDirectionEnum.DESC,
    description: 'The direction (default DESC: newest, highest, last number first).',
  })
  direction!: SortDirectionEnum;
}

/**
 * The Edge and Connection types of a list of `node`s, e.g. `OrderEdge` and `OrderConnection`:
 * every list of the schema is one call, its resolver one `page` of CustomerTryton.
 */
export function ConnectionType<T extends object>(
  node: ClassType<T>,
  names: { name: string; one: string; many: string },
) {
  @ObjectType(`${names.name}Edge`, { description: `${capitalized(names.one)} in a list.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => node, { description: `The ${names.one.split(' ').at(-1)}.` })
    node!: T;
  }

  @ObjectType(`${names.name}Connection`, {
    description: `A page of ${names.many}, newest first.`,
  })
  class Connection {
    @Field(() => [Edge], { description: `The ${names.many} of this page.` })
    edges!: Edge[];

    @Field(() => PageInfoType, { description: 'Where this page sits.' })
    pageInfo!: PageInfoType;

    @Field(() => Int, { description: `How many ${names.many} match, over all pages.` })
    totalCount!: number;
  }
  return Connection;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
