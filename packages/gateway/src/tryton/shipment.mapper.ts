import type { Domain, ReadRow, TrytonDate } from '@portal/tryton-client';
import type { Shipment } from '../models.js';
import { type Fields, modelName } from './rows.js';
import { isoDate, text } from './values.js';

/** What the portal reads of a `stock.shipment.out`. */
export interface ShipmentRow {
  id: number;
  number: string | null;
  state: string;
  planned_date: TrytonDate | null;
  effective_date: TrytonDate | null;
}

/** `stock.shipment.out`: deliveries of an order. */
export const SHIPMENT_MODEL = modelName<ShipmentRow>('stock.shipment.out');

/** Deliveries to the customer's parties. */
export function shipmentScope(parties: number[]): Domain {
  return [['customer', 'in', parties]];
}

export const SHIPMENT_FIELDS = [
  'number',
  'state',
  'planned_date',
  'effective_date',
] as const satisfies Fields<ShipmentRow>;

export function toShipment(row: ReadRow<ShipmentRow, typeof SHIPMENT_FIELDS>): Shipment {
  return {
    id: row.id,
    number: text(row.number),
    state: String(row.state ?? ''),
    plannedDate: isoDate(row.planned_date),
    effectiveDate: isoDate(row.effective_date),
  };
}
