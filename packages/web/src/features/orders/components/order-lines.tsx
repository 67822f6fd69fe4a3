import { useTranslation } from 'react-i18next';
import { Money } from '@/components/format';
import { graphql } from '@/gql';
import type { OrderLines_OrderFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';

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
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table lines-table">
        <caption className="visually-hidden">{t('orders.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orders.product')}</th>
            <th scope="col" className="amount">
              {t('orders.quantity')}
            </th>
            <th scope="col" className="amount">
              {t('orders.unitPrice')}
            </th>
            <th scope="col">{t('orders.taxes')}</th>
            <th scope="col" className="amount">
              {t('orders.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row" data-label={t('orders.product')}>
                <span className="line-name">{line.product?.name ?? line.description}</span>
                {line.product?.code && <span className="muted small"> {line.product.code}</span>}
                {line.product && line.description && line.description !== line.product.name && (
                  <span className="muted small line-description">{line.description}</span>
                )}
              </th>
              <td data-label={t('orders.quantity')} className="amount">
                {formatNumber(line.quantity, i18n.language)} {line.unit ?? ''}
              </td>
              <td data-label={t('orders.unitPrice')} className="amount">
                <Money value={line.unitPrice} />
              </td>
              <td data-label={t('orders.taxes')}>{line.taxes.join(', ') || t('common.none')}</td>
              <td data-label={t('orders.amount')} className="amount">
                <Money value={line.amount} />
              </td>
            </tr>
          ))}
        </tbody>
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
      </table>
      {order.lines.length >= ORDER_LINES_SHOWN && (
        <p className="muted small">{t('orders.linesCapped', { count: ORDER_LINES_SHOWN })}</p>
      )}
    </div>
  );
}
