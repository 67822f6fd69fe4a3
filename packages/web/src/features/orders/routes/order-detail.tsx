import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AddressBlock } from '@/components/address-block';
import { DateText } from '@/components/format';
import { EmptyState, ErrorState, ListSkeleton } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import {
  OrderInvoiceStateBadge,
  OrderShipmentStateBadge,
  OrderStateBadge,
} from '@/components/status-badge';
import { graphql } from '@/gql';
import { useCan } from '@/lib/use-can';
import { OrderAuthors } from '../components/order-authors';
import { OrderComplaints } from '../components/order-complaints';
import { OrderLines } from '../components/order-lines';
import { OrderRelated } from '../components/order-related';
import { QuotationAnswer } from '../components/quotation-answer';
import { ReorderButton } from '../components/reorder-button';

const OrderQuery = graphql(`
  query Order($number: String!, $withInvoices: Boolean! = true, $withDocuments: Boolean! = true) {
    viewer {
      id
      order(number: $number) {
        id
        number
        reference
        description
        date
        state
        version
        invoiceState
        shipmentState
        invoiceAddress {
          ...AddressBlock_address
        }
        shipmentAddress {
          ...AddressBlock_address
        }
        ...OrderLines_order
        ...OrderRelated_order
        ...OrderComplaints_order
        ...OrderAuthors_order
      }
    }
  }
`);

export function OrderDetailRoute() {
  const { t } = useTranslation();
  const number = useParams().number ?? '';
  const can = useCan();
  const { data, error, refetch } = useQuery(OrderQuery, {
    variables: { number, withInvoices: can('INVOICES_READ'), withDocuments: can('DOCUMENTS_READ') },
  });
  const order = data?.viewer?.order;
  // The answer form stays for the order that was a quotation when shown: answering changes
  // the order's state in Apollo's cache, and the form's "done" message must outlive that.
  const [quotationId, setQuotationId] = useState<string | null>(null);
  if (order?.state === 'QUOTATION' && quotationId !== order.id) setQuotationId(order.id);
  const back = { to: '/orders', label: t('orders.backToList') };

  return (
    <>
      <PageHeader
        title={t('orders.detailTitle', { number })}
        back={back}
        description={
          order && (
            <span className="meta-line">
              <DateText value={order.date} />
              {order.reference && <span>· {order.reference}</span>}
              <OrderStateBadge state={order.state} />
            </span>
          )
        }
      />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <ListSkeleton rows={6} />
      ) : !order ? (
        <EmptyState>{t('orders.notFound')}</EmptyState>
      ) : (
        <div className="detail">
          {order.description && <p>{order.description}</p>}
          {order.id === quotationId && can('ORDERS_WRITE') && <QuotationAnswer order={order} />}
          {can('ORDERS_WRITE') && order.state !== 'QUOTATION' && order.state !== 'REQUESTED' && (
            <ReorderButton orderId={order.id} />
          )}
          <div className="detail-columns">
            <section className="card" aria-labelledby="order-summary">
              <h2 id="order-summary">{t('orders.summary')}</h2>
              <dl className="facts">
                <dt>{t('orders.invoicing')}</dt>
                <dd>
                  <OrderInvoiceStateBadge state={order.invoiceState} />
                </dd>
                <dt>{t('orders.shipping')}</dt>
                <dd>
                  <OrderShipmentStateBadge state={order.shipmentState} />
                </dd>
                <OrderAuthors order={order} />
              </dl>
            </section>
            {order.invoiceAddress && (
              <section className="card" aria-labelledby="order-invoice-address">
                <h2 id="order-invoice-address">{t('orders.invoiceAddress')}</h2>
                <AddressBlock address={order.invoiceAddress} />
              </section>
            )}
            {order.shipmentAddress && (
              <section className="card" aria-labelledby="order-shipment-address">
                <h2 id="order-shipment-address">{t('orders.shipmentAddress')}</h2>
                <AddressBlock address={order.shipmentAddress} />
              </section>
            )}
          </div>
          <section aria-labelledby="order-lines">
            <h2 id="order-lines">{t('orders.lines')}</h2>
            <OrderLines order={order} />
          </section>
          <OrderRelated order={order} />
          <OrderComplaints order={order} />
        </div>
      )}
    </>
  );
}

export default OrderDetailRoute;
