import { useTranslation } from 'react-i18next';
import { Money } from '@/components/format';
import { LinesTable } from '@/components/lines-table';
import { graphql } from '@/gql';
import type { OrderLines_OrderFragment } from '@/gql/graphql';

export const OrderLinesFragment = graphql(`
  fragment OrderLines_order on Order {
    lines(first: 100) {
      id
      description
      quantity
      unit
      taxes
      product {
        id
        name
        code
      }
      unitPrice {
        amount
        currency
      }
      amount {
        amount
        currency
      }
    }
    untaxedAmount {
      amount
      currency
    }
    taxAmount {
      amount
      currency
    }
    totalAmount {
      amount
      currency
    }
  }
`);

/**
 * How many lines the fragment asks for: a nested list costs its `first` (docs/quotas.md), so
 * the page asks for what it shows. An order with more says so under the table.
 */
export const ORDER_LINES_SHOWN = 100;

/** Lines with their taxes, then the three totals in the table footer. */
export function OrderLines({ order }: { order: OrderLines_OrderFragment }) {
  const { t } = useTranslation();
  return (
    <LinesTable
      lines={order.lines}
      caption={t('orders.lines')}
      shown={ORDER_LINES_SHOWN}
      cappedNote={t('orders.linesCapped', { count: ORDER_LINES_SHOWN })}
      footer={
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t('orders.untaxed')}
            </th>
            <td className="amount" data-label={t('orders.untaxed')}>
              <Money value={order.untaxedAmount} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={4}>
              {t('orders.tax')}
            </th>
            <td className="amount" data-label={t('orders.tax')}>
              <Money value={order.taxAmount} />
            </td>
          </tr>
          <tr className="total-row">
            <th scope="row" colSpan={4}>
              {t('orders.totalAmount')}
            </th>
            <td className="amount" data-label={t('orders.totalAmount')}>
              <Money value={order.totalAmount} />
            </td>
          </tr>
        </tfoot>
      }
    />
  );
}
