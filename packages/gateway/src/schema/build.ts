import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/permissions.js';
import { AccountWritesResolver } from './account-writes.resolver.js';
import { AuthResolver } from './auth.resolver.js';
import { CustomerResolver } from './customer.resolver.js';
import { DocumentRecordResolver } from './document.resolver.js';
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
  schema ??= buildSchema({
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
      MemberResolver,
    ],
    authChecker,
    authMode: 'error',
    validate: false,
  });
  return schema;
}
