import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/permissions.js';
import { AccountWritesResolver } from './account-writes.resolver.js';
import { AuthResolver } from './auth.resolver.js';
import { ComplaintResolver, OrderComplaintsResolver } from './complaint.resolver.js';
import { CustomerResolver } from './customer.resolver.js';
import { DocumentRecordResolver } from './document.resolver.js';
import { ErrorCodeType } from './error-code.types.js';
import { InvoiceResolver } from './invoice.resolver.js';
import { MemberResolver } from './member.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { InvoiceOnlinePaymentResolver } from './online-payment.resolver.js';
import { OrderResolver } from './order.resolver.js';
import { OrderWritesResolver } from './order-writes.resolver.js';
import { InvoicePaymentResolver, InvoiceTransferResolver } from './payment.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The code-first schema; built once per process. */
export function portalSchema(): Promise<GraphQLSchema> {
  schema ??= withErrorCodes(
    buildSchema({
      resolvers: [
        CustomerResolver,
        OrderResolver,
        InvoiceResolver,
        DocumentRecordResolver,
        InvoicePaymentResolver,
        InvoiceTransferResolver,
        InvoiceOnlinePaymentResolver,
        AuthResolver,
        NodeResolver,
        OrderWritesResolver,
        AccountWritesResolver,
        OrderComplaintsResolver,
        ComplaintResolver,
        MemberResolver,
      ],
      authChecker,
      authMode: 'error',
      validate: false,
    }),
  );
  return schema;
}

/** The schema with the ErrorCode enum, which no field returns (type-graphql leaves such types out). */
async function withErrorCodes(built: Promise<GraphQLSchema>): Promise<GraphQLSchema> {
  const config = (await built).toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ErrorCodeType] });
}
