import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText, Money } from '@/components/format';
import { OrderShipmentStateBadge, OrderStateBadge } from '@/components/status-badge';
import { graphql } from '@/gql';
import type { OrderRow_OrderFragment } from '@/gql/graphql';

export const OrderRowFragment = graphql(`
  fragment OrderRow_order on Order {
    id
    number
    reference
    date
    state
    shipmentState
    totalAmount {
      amount
      currency
    }
  }
`);

/** One order in the list: a table row on wide screens, a card on phones (see styles.css). */
export function OrderRow({ order }: { order: OrderRow_OrderFragment }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" data-label={t('orders.number')}>
        <Link to={`/orders/${encodeURIComponent(order.number)}`}>{order.number}</Link>
      </th>
      <td data-label={t('orders.reference')} className={order.reference ? undefined : 'empty-cell'}>
        {order.reference ?? t('common.none')}
      </td>
      <td data-label={t('orders.date')}>
        <DateText value={order.date} />
      </td>
      <td data-label={t('orders.state')}>
        <span className="badges">
          <OrderStateBadge state={order.state} />
          {order.state !== 'CANCELLED' && order.shipmentState !== 'NONE' && (
            <OrderShipmentStateBadge state={order.shipmentState} />
          )}
        </span>
      </td>
      <td data-label={t('orders.total')} className="amount">
        <Money value={order.totalAmount} />
      </td>
    </tr>
  );
}
