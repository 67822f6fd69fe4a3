import DataLoader from 'dataloader';
import { badInput, validationFailed } from '../errors.js';
import type { Complaint, ComplaintType, Document, Order } from '../models.js';
import {
  ATTACHMENT_FIELDS,
  ATTACHMENT_MODEL,
  ATTACHMENT_ORDER,
  resourceDomain,
} from '../tryton/attachment.mapper.js';
import {
  COMPLAINT_FIELDS,
  COMPLAINT_MODEL,
  COMPLAINT_ORDER,
  COMPLAINT_TYPES_METHOD,
  type ComplaintInput,
  complaintFiles,
  complaintOrderId,
  complaintResource,
  FILE_COMPLAINT_METHOD,
  fileComplaintParams,
  filedComplaintIds,
  orderComplaintsDomain,
  toComplaint,
  toComplaintTypes,
} from '../tryton/complaint.mapper.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { versionStamp } from '../tryton/version.js';
import type { CustomerWrites } from '../writes/customer-writes.js';
import { checkFiles } from './complaint-files.js';
import type { OrdersService } from './orders.service.js';

export interface FileComplaintRequest {
  orderId: number;
  /** `Order.version` as shown: CONFLICT when the order changed since. */
  version: string;
  idempotencyKey: string;
  typeId: number;
  description: string;
  lineIds: number[];
  files: { name: string; contentBase64: string }[];
}

/**
 * The customer's complaints on orders (Tryton's sale_complaint): those of an order, with their
 * files; the kinds of problem; and filing one, through CustomerWrites (the module re-checks
 * the order, its lines, its state, the type and the files).
 */
export class ComplaintsService {
  constructor(
    private readonly tryton: CustomerTryton,
    private readonly writes: CustomerWrites,
    private readonly orders: OrdersService,
  ) {}

  /**
   * The complaints of orders, on them or their lines, newest first, batched per request: a
   * page of orders asking for their complaints (or their count) is one Tryton search.
   */
  private readonly complaintsOf = new DataLoader<Order, Complaint[], number>(
    async (orders) => {
      const rows = await this.tryton.searchRead(
        COMPLAINT_MODEL,
        orderComplaintsDomain([...orders]),
        COMPLAINT_FIELDS,
        { order: COMPLAINT_ORDER },
      );
      const byOrder = new Map<number, Complaint[]>(orders.map((order) => [order.id, []]));
      for (const row of rows) {
        const orderId = complaintOrderId(row, [...orders]);
        if (orderId !== null) byOrder.get(orderId)?.push(toComplaint(row));
      }
      return orders.map((order) => byOrder.get(order.id) ?? []);
    },
    { cacheKeyFn: (order) => order.id },
  );

  /** The complaints of an order, on it or its lines, newest first. */
  async forOrder(order: Order): Promise<Complaint[]> {
    return await this.complaintsOf.load(order);
  }

  /** The files of complaints, batched per request. */
  private readonly filesOf = new DataLoader<number, Document[]>(async (ids) => {
    const rows = await this.tryton.searchRead(
      ATTACHMENT_MODEL,
      resourceDomain(ids.map(complaintResource)),
      ATTACHMENT_FIELDS,
      { order: ATTACHMENT_ORDER },
    );
    const byComplaint = complaintFiles(rows);
    return ids.map((id) => byComplaint.get(id) ?? []);
  });

  async files(complaintId: number): Promise<Document[]> {
    return await this.filesOf.load(complaintId);
  }

  /** One complaint by id (`node`): only one of the customer's. */
  async byId(id: number): Promise<Complaint | null> {
    const [row] = await this.tryton.searchRead(
      COMPLAINT_MODEL,
      [['id', '=', id]],
      COMPLAINT_FIELDS,
      {
        limit: 1,
      },
    );
    return row ? toComplaint(row) : null;
  }

  /** The kinds of problem a customer may report (the company's, in Tryton). */
  async types(): Promise<ComplaintType[]> {
    return toComplaintTypes(await this.tryton.gatewayCall(COMPLAINT_TYPES_METHOD, 'orders'));
  }

  /** Files a complaint; the order read again, with it. */
  async file(
    request: FileComplaintRequest,
  ): Promise<{ order: Order; complaints: Complaint[]; replayed: boolean }> {
    const version = versionStamp(request.version);
    if (!version) throw badInput('Not a version of this order: read the order again.', 'version');
    const { files, errors } = checkFiles(request.files);
    if (errors.length > 0) throw validationFailed(errors);
    const input: ComplaintInput = {
      version,
      typeId: request.typeId,
      description: request.description,
      lineIds: request.lineIds,
      files,
    };
    const done = await this.writes.run({
      operation: 'fileComplaint',
      method: FILE_COMPLAINT_METHOD,
      params: fileComplaintParams(request.orderId, request.idempotencyKey, input),
      // The order's complaints and their files.
      areas: ['orders', 'documents'],
      what: 'The order',
      current: async () => {
        const order = await this.orders.byId(request.orderId);
        return order ? { state: order.state, version: order.version } : null;
      },
    });
    const order = await this.orders.byId(request.orderId);
    if (!order) throw new Error('the order of a filed complaint is not readable');
    const ids = new Set(filedComplaintIds(done));
    // The order's complaints as they are now, not as this request may have read them before.
    this.complaintsOf.clear(order);
    const complaints = (await this.forOrder(order)).filter((c) => ids.has(c.id));
    return { order, complaints, replayed: done.replayed };
  }
}
