import { badInput, notFound } from '../errors.js';
import type { Order } from '../models.js';
import {
  type AcceptInput,
  acceptParams,
  declineParams,
  type LeftOutLine,
  reorderParams,
  toLeftOut,
  writtenOrderId,
} from '../tryton/order-writes.mapper.js';
import { versionStamp } from '../tryton/version.js';
import type { CustomerWrites, WriteSpec } from '../writes/customer-writes.js';
import type { OrdersService } from './orders.service.js';

export interface WrittenOrder {
  order: Order;
  replayed: boolean;
}

/**
 * The customer's writes on orders: accept or decline a quotation, re-order. Each is one
 * module method run through CustomerWrites; the order is read again afterwards, fresh.
 */
export class OrderWritesService {
  constructor(
    private readonly writes: CustomerWrites,
    private readonly orders: OrdersService,
  ) {}

  async acceptQuotation(
    orderId: number,
    version: string,
    idempotencyKey: string,
    input: AcceptInput,
    ip: string,
  ): Promise<WrittenOrder> {
    const params = acceptParams(orderId, this.stamp(version), idempotencyKey, input, ip);
    return await this.answer('acceptQuotation', 'accept_quotation', orderId, params);
  }

  async declineQuotation(
    orderId: number,
    version: string,
    idempotencyKey: string,
    reason: string | null,
    ip: string,
  ): Promise<WrittenOrder> {
    const params = declineParams(orderId, this.stamp(version), idempotencyKey, reason, ip);
    return await this.answer('declineQuotation', 'decline_quotation', orderId, params);
  }

  async reorder(
    orderId: number,
    idempotencyKey: string,
  ): Promise<WrittenOrder & { leftOut: LeftOutLine[] }> {
    const done = await this.writes.run({
      ...this.spec('reorder', 'reorder', orderId, reorderParams(orderId, idempotencyKey)),
      areas: ['orders', 'lines'],
      what: 'The order',
    });
    return {
      order: await this.fresh(writtenOrderId(done)),
      replayed: done.replayed,
      leftOut: toLeftOut(done.left_out),
    };
  }

  private async answer(
    operation: string,
    method: string,
    orderId: number,
    params: unknown[],
  ): Promise<WrittenOrder> {
    // Confirming a sale creates its shipments; cancelling changes only the order.
    const done = await this.writes.run(this.spec(operation, method, orderId, params));
    return { order: await this.fresh(writtenOrderId(done)), replayed: done.replayed };
  }

  private spec(operation: string, method: string, orderId: number, params: unknown[]): WriteSpec {
    return {
      operation,
      method,
      params,
      areas: ['orders', 'shipments'],
      what: 'The quotation',
      current: async () => {
        const order = await this.orders.byId(orderId);
        return order ? { state: order.state, version: order.version } : null;
      },
    };
  }

  private stamp(version: string) {
    const stamp = versionStamp(version);
    if (!stamp) throw badInput('Not a version of this order: read the order again.', 'version');
    return stamp;
  }

  private async fresh(id: number): Promise<Order> {
    const order = await this.orders.byId(id);
    if (!order) throw notFound('Order');
    return order;
  }
}
