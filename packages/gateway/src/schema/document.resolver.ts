import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { DocumentRecordType } from './document.types.js';

@Resolver(() => DocumentRecordType)
export class DocumentRecordResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The order or invoice number, for a link to its page; null for the account. Read in one batch per request.',
  })
  async number(@Root() related: DocumentRecordType, @Ctx() ctx: GraphQLContext) {
    return await ctx.services().documents.relatedNumber(related.record);
  }
}
