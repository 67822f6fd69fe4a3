import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Allow, MEMBER, PUBLIC } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { badInput, unauthenticated } from '../errors.js';
import { toGlobalId } from '../ids.js';
import type { Customer } from '../models.js';
import { pageRequest } from '../pagination.js';
import {
  AddressType,
  addressNode,
  ContactMechanismType,
  contactMechanismNode,
} from './address.types.js';
import { LanguageEnum, MoneyType } from './common.types.js';
import { ListSortInput, PageArgs } from './connection.types.js';
import {
  ApiTokenType,
  apiTokenNode,
  CustomerType,
  ExportLimitsType,
  MonthlyAmountType,
} from './customer.types.js';
import { DocumentConnectionType, documentNode } from './document.types.js';
import { InvoiceConnectionType, InvoiceFilterInput, InvoiceType } from './invoice.types.js';
import { OrderConnectionType, OrderFilterInput, OrderType } from './order.types.js';

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Allow(PUBLIC)
  @Query(() => CustomerType, {
    nullable: true,
    description: 'The signed-in customer; null when anonymous.',
  })
  viewer(@Ctx() ctx: GraphQLContext): Customer | null {
    return ctx.viewer?.customer ?? null;
  }

  @Allow(MEMBER)
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() customer: Customer): string {
    return toGlobalId('Customer', customer.webUserId);
  }

  @Allow(MEMBER)
  @FieldResolver(() => String, { description: 'The customer (company or person) name.' })
  name(@Root() customer: Customer): string {
    return customer.partyName;
  }

  @Allow(MEMBER)
  @FieldResolver(() => LanguageEnum, { description: 'Preferred language.' })
  language(@Root() customer: Customer): LanguageEnum {
    return customer.language === 'en' ? LanguageEnum.EN : LanguageEnum.FR;
  }

  @Allow(MEMBER)
  @FieldResolver(() => [AddressType], { description: 'Postal addresses.' })
  async addresses(@Ctx() ctx: GraphQLContext) {
    return (await ctx.services().account.addresses()).map(addressNode);
  }

  @Allow(MEMBER)
  @FieldResolver(() => AddressType, {
    nullable: true,
    description:
      'Where the goods of new orders go: the address Tryton picks (the first flagged for deliveries, else the first). Set it with setDefaultAddress.',
  })
  async defaultDeliveryAddress(@Ctx() ctx: GraphQLContext) {
    const address = await ctx.services().account.defaultAddress('delivery');
    return address ? addressNode(address) : null;
  }

  @Allow(MEMBER)
  @FieldResolver(() => AddressType, {
    nullable: true,
    description:
      'Where the invoices of new orders go: the address Tryton picks (the first flagged for invoices, else the first). Set it with setDefaultAddress.',
  })
  async defaultInvoiceAddress(@Ctx() ctx: GraphQLContext) {
    const address = await ctx.services().account.defaultAddress('invoice');
    return address ? addressNode(address) : null;
  }

  @Allow(MEMBER)
  @FieldResolver(() => [ContactMechanismType], { description: 'E-mails, phones...' })
  async contactMechanisms(@Ctx() ctx: GraphQLContext) {
    return (await ctx.services().account.contactMechanisms()).map(contactMechanismNode);
  }

  @Allow('orders:read')
  @FieldResolver(() => OrderConnectionType, {
    description:
      'Orders, newest first (undated quotations last) unless `sort` says otherwise. `first` and `last` are at most 100.',
  })
  async orders(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgs,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter?: OrderFilterInput | null,
    @Arg('sort', () => ListSortInput, { nullable: true, description: 'Default: DATE, DESC.' })
    sort?: ListSortInput | null,
  ) {
    return await ctx.services().orders.list(filter, pageRequest(page), sort);
  }

  @Allow('orders:read')
  @FieldResolver(() => OrderType, {
    nullable: true,
    description: 'One order by its number; null if not found.',
  })
  async order(@Ctx() ctx: GraphQLContext, @Arg('number') number: string) {
    return await ctx.services().orders.byNumber(number);
  }

  @Allow('invoices:read')
  @FieldResolver(() => InvoiceConnectionType, {
    description:
      'Invoices, newest first unless `sort` says otherwise. `first` and `last` are at most 100.',
  })
  async invoices(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgs,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true }) filter?: InvoiceFilterInput | null,
    @Arg('sort', () => ListSortInput, { nullable: true, description: 'Default: DATE, DESC.' })
    sort?: ListSortInput | null,
  ) {
    return await ctx.services().invoices.list(filter, pageRequest(page), sort);
  }

  @Allow('invoices:read')
  @FieldResolver(() => InvoiceType, {
    nullable: true,
    description: 'One invoice by its number; null if not found.',
  })
  async invoice(@Ctx() ctx: GraphQLContext, @Arg('number') number: string) {
    return await ctx.services().invoices.byNumber(number);
  }

  @Allow('documents:read')
  @FieldResolver(() => DocumentConnectionType, {
    description: 'Downloadable files, newest first. `first` and `last` are at most 100.',
  })
  async documents(@Ctx() ctx: GraphQLContext, @Args() args: PageArgs) {
    const page = await ctx.services().documents.list(pageRequest(args));
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: documentNode(e.node) })),
    };
  }

  @Allow('invoices:read')
  @FieldResolver(() => [MonthlyAmountType], {
    description: 'Amounts invoiced per month, oldest first (1 to 24 months).',
  })
  async invoicedByMonth(
    @Ctx() ctx: GraphQLContext,
    @Arg('months', () => Int, { nullable: true, defaultValue: 12 }) months: number,
  ) {
    if (!Number.isInteger(months) || months < 1 || months > 24) {
      throw badInput('`months` must be between 1 and 24.', 'months');
    }
    return await ctx.services().invoices.invoicedByMonth(months);
  }

  @Allow('invoices:read')
  @FieldResolver(() => MoneyType, { description: 'Total left to pay on posted invoices.' })
  async amountDue(@Ctx() ctx: GraphQLContext) {
    return await ctx.services().invoices.amountDue();
  }

  @Allow(MEMBER)
  @FieldResolver(() => ExportLimitsType, {
    description:
      'How much one bulk export holds (the gateway’s EXPORT_MAX_INVOICES and EXPORT_MAX_ROWS), so that a client can say so before the export is refused.',
  })
  exportLimits(@Ctx() ctx: GraphQLContext): ExportLimitsType {
    return { invoicesPerZip: ctx.exportLimits.maxInvoices, rowsPerCsv: ctx.exportLimits.maxRows };
  }

  @Allow(MEMBER)
  @FieldResolver(() => [ApiTokenType], {
    description: 'API tokens (listed only in a browser session).',
  })
  async apiTokens(@Ctx() ctx: GraphQLContext) {
    if (!ctx.viewer) throw unauthenticated();
    return (await ctx.auth.listApiTokens(ctx.viewer)).map(apiTokenNode);
  }
}
