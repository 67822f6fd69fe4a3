import type { TrytonClient } from '@portal/tryton-client';
import type { AuthService, Viewer } from './auth/auth.service.js';
import type { ReadCache } from './cache/read-cache.js';
import { unauthenticated } from './errors.js';
import { RecordLoaders } from './loaders/record.loader.js';
import type { CostReport } from './plugins/cost.plugin.js';
import type { Clock } from './quotas/leaky-bucket.js';
import { AccountService } from './services/account.service.js';
import { AccountWritesService } from './services/account-writes.service.js';
import { ComplaintsService } from './services/complaints.service.js';
import { DocumentsService } from './services/documents.service.js';
import type { ExportLimits } from './services/exports.service.js';
import { InvoicesService } from './services/invoices.service.js';
import { MembersService } from './services/members.service.js';
import { OnlinePaymentsService } from './services/online-payments.service.js';
import { OrderWritesService } from './services/order-writes.service.js';
import { OrdersService } from './services/orders.service.js';
import { PaymentsService } from './services/payments.service.js';
import { ProductsService } from './services/products.service.js';
import { CustomerTryton } from './tryton/customer-tryton.js';
import type { PortalGateway } from './tryton/portal-gateway.js';
import { CustomerWrites, type WriteEvents } from './writes/customer-writes.js';

/** The services of one request, acting for its customer only. */
export interface CustomerServices {
  orders: OrdersService;
  invoices: InvoicesService;
  payments: PaymentsService;
  documents: DocumentsService;
  account: AccountService;
  products: ProductsService;
  orderWrites: OrderWritesService;
  onlinePayments: OnlinePaymentsService;
  accountWrites: AccountWritesService;
  complaints: ComplaintsService;
  members: MembersService;
}

/** What the customer's writes need beyond the reads: the module's RPC and an event sink. */
export interface WriteDeps {
  gateway: PortalGateway;
  events: WriteEvents;
  /**
   * Distrusts a web user's cached credentials on every replica (a member's role changed, or
   * it was removed): its next request is checked by Tryton again.
   */
  distrust?: (webUserId: number) => Promise<void>;
}

/** What every resolver receives. */
export interface GraphQLContext {
  viewer: Viewer | null;
  language: 'fr' | 'en';
  ip: string;
  auth: AuthService;
  /** The signed-in customer's services; UNAUTHENTICATED when anonymous. */
  services(): CustomerServices;
  /** Sets or clears the session cookie on the response. */
  setSession(key: string | null): void;
  /** How much one bulk export holds (config EXPORT_MAX_*), told to clients by `Customer.exportLimits`. */
  exportLimits: ExportLimits;
  /** Filled by the cost plugin, reported in `extensions.cost`. */
  cost?: CostReport;
}

export function customerServices(
  client: TrytonClient,
  viewer: Viewer,
  language: 'fr' | 'en',
  writes: WriteDeps,
  cache?: ReadCache,
  clock: Clock = Date.now,
): CustomerServices {
  const tryton = new CustomerTryton(client, viewer.credential, language, viewer.customer, cache);
  const loaders = new RecordLoaders(tryton);
  const orders = new OrdersService(tryton, loaders);
  const invoices = new InvoicesService(tryton, loaders, () => new Date(clock()));
  const account = new AccountService(viewer.customer, tryton);
  const customerWrites = new CustomerWrites(writes.gateway, viewer, tryton, writes.events);
  return {
    orders,
    orderWrites: new OrderWritesService(customerWrites, orders),
    onlinePayments: new OnlinePaymentsService(tryton, customerWrites, invoices),
    invoices,
    accountWrites: new AccountWritesService(customerWrites, account),
    members: new MembersService(
      customerWrites,
      writes.gateway,
      viewer,
      language,
      writes.distrust ?? (async () => undefined),
    ),
    payments: new PaymentsService(tryton, loaders),
    documents: new DocumentsService(tryton, loaders),
    account,
    products: new ProductsService(tryton),
    complaints: new ComplaintsService(tryton, customerWrites, orders),
  };
}

/** A memoised services factory for one request. */
export function servicesFor(
  client: TrytonClient,
  viewer: Viewer | null,
  language: 'fr' | 'en',
  writes: WriteDeps,
  cache?: ReadCache,
  clock?: Clock,
): () => CustomerServices {
  let services: CustomerServices | undefined;
  return () => {
    if (!viewer) throw unauthenticated();
    services ??= customerServices(client, viewer, language, writes, cache, clock);
    return services;
  };
}
