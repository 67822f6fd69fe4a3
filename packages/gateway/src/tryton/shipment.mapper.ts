import type { Domain } from '@portal/tryton-client';
import type { Shipment } from '../models.js';
import { isoDate, text } from './values.js';

/** `stock.shipment.out`: deliveries of an order. */
export const SHIPMENT_MODEL = 'stock.shipment.out';

/** Deliveries to the customer's parties. */
export function shipmentScope(parties: number[]): Domain {
  return [['customer', 'in', parties]];
}

export const SHIPMENT_FIELDS = ['number', 'state', 'planned_date', 'effective_date'];

export function toShipment(row: Record<string, unknown>): Shipment {
  return {
    id: row.id as number,
    number: text(row.number),
    state: String(row.state ?? ''),
    plannedDate: isoDate(row.planned_date),
    effectiveDate: isoDate(row.effective_date),
  };
}
