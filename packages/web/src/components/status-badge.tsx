import { useTranslation } from 'react-i18next';
import type {
  InvoiceState,
  OrderInvoiceState,
  OrderShipmentState,
  OrderState,
} from '@/gql/graphql';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

function Badge({ tone, label }: { tone: Tone; label: string }) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

const orderTones: Record<OrderState, Tone> = {
  REQUESTED: 'info',
  QUOTATION: 'neutral',
  CONFIRMED: 'info',
  PROCESSING: 'warning',
  DONE: 'success',
  CANCELLED: 'neutral',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return <Badge tone={orderTones[state]} label={t(`states.order.${state}`)} />;
}

const progressTones: Record<OrderInvoiceState | OrderShipmentState, Tone> = {
  NONE: 'neutral',
  WAITING: 'warning',
  AWAITING_PAYMENT: 'warning',
  PAID: 'success',
  SENT: 'success',
  EXCEPTION: 'danger',
};

export function OrderInvoiceStateBadge({ state }: { state: OrderInvoiceState }) {
  const { t } = useTranslation();
  return <Badge tone={progressTones[state]} label={t(`states.orderInvoice.${state}`)} />;
}

export function OrderShipmentStateBadge({ state }: { state: OrderShipmentState }) {
  const { t } = useTranslation();
  return <Badge tone={progressTones[state]} label={t(`states.orderShipment.${state}`)} />;
}

/** An overdue posted invoice reads "En retard" rather than "À régler". */
export function InvoiceStateBadge({ state, overdue }: { state: InvoiceState; overdue: boolean }) {
  const { t } = useTranslation();
  if (state === 'POSTED' && overdue) {
    return <Badge tone="danger" label={t('states.invoice.OVERDUE')} />;
  }
  const tone: Tone = state === 'PAID' ? 'success' : state === 'POSTED' ? 'warning' : 'neutral';
  return <Badge tone={tone} label={t(`states.invoice.${state}`)} />;
}

/** Shipment states are Tryton's own words: known ones are translated, others shown as they are. */
export function ShipmentStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const tone: Tone = state === 'done' ? 'success' : state === 'cancelled' ? 'neutral' : 'info';
  return <Badge tone={tone} label={t(`states.shipment.${state}`, { defaultValue: state })} />;
}
