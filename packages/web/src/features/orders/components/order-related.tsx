import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentList } from '@/components/document-list';
import { DateText, Money } from '@/components/format';
import { InvoiceStateBadge, ShipmentStateBadge } from '@/components/status-badge';
import { graphql } from '@/gql';
import type { OrderRelated_OrderFragment } from '@/gql/graphql';

export const OrderRelatedFragment = graphql(`
  fragment OrderRelated_order on Order {
    shipments(first: 20) {
      id
      number
      state
      plannedDate
      effectiveDate
    }
    invoices(first: 20) @include(if: $withInvoices) {
      id
      number
      state
      overdue
      date
      totalAmount {
        amount
        currency
      }
    }
    documents(first: 20) @include(if: $withDocuments) {
      id
      name
      size
      date
      url
    }
  }
`);

/**
 * Shipments, invoices and documents of one order, each section with its own empty text; the
 * invoices and documents only for a role that may read them (the query's `$withInvoices`,
 * `$withDocuments`).
 */
export function OrderRelated({ order }: { order: OrderRelated_OrderFragment }) {
  const { t } = useTranslation();
  return (
    <div className="detail-columns">
      <section className="card" aria-labelledby="order-shipments">
        <h2 id="order-shipments">{t('orders.shipments')}</h2>
        {order.shipments.length === 0 ? (
          <p className="muted">{t('orders.noShipments')}</p>
        ) : (
          <ul className="mini-list">
            {order.shipments.map((shipment) => (
              <li key={shipment.id}>
                <div>
                  <strong>{shipment.number ?? t('common.none')}</strong>
                  <span className="muted small">
                    {shipment.effectiveDate ? (
                      <>
                        {t('orders.effectiveDate')} <DateText value={shipment.effectiveDate} />
                      </>
                    ) : shipment.plannedDate ? (
                      <>
                        {t('orders.plannedDate')} <DateText value={shipment.plannedDate} />
                      </>
                    ) : null}
                  </span>
                </div>
                <ShipmentStateBadge state={shipment.state} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {order.invoices && (
        <section className="card" aria-labelledby="order-invoices">
          <h2 id="order-invoices">{t('orders.invoices')}</h2>
          {order.invoices.length === 0 ? (
            <p className="muted">{t('orders.noInvoices')}</p>
          ) : (
            <ul className="mini-list">
              {order.invoices.map((invoice) => (
                <li key={invoice.id}>
                  <div>
                    <Link to={`/invoices/${encodeURIComponent(invoice.number)}`}>
                      {invoice.number}
                    </Link>
                    <span className="muted small">
                      <DateText value={invoice.date} />
                    </span>
                  </div>
                  <div className="mini-list-end">
                    <Money value={invoice.totalAmount} />
                    <InvoiceStateBadge state={invoice.state} overdue={invoice.overdue} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {order.documents && (
        <section className="card" aria-labelledby="order-documents">
          <h2 id="order-documents">{t('orders.documents')}</h2>
          <DocumentList
            documents={order.documents}
            empty={<p className="muted">{t('orders.noDocuments')}</p>}
          />
        </section>
      )}
    </div>
  );
}
