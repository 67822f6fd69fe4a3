import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateText, Money } from '@/components/format';
import { EmptyState, ErrorState, ListSkeleton } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { InvoiceStateBadge, OrderStateBadge } from '@/components/status-badge';
import { graphql } from '@/gql';
import { useCan } from '@/lib/use-can';
import { InvoiceDocuments } from '../components/invoice-documents';
import { InvoiceLines } from '../components/invoice-lines';
import { InvoicePayment } from '../components/invoice-payment';
import { InvoicePdfActions } from '../components/invoice-pdf-actions';
import { PayOnline } from '../components/pay-online';

const InvoiceQuery = graphql(`
  query Invoice($number: String!, $withOrders: Boolean! = true) {
    viewer {
      id
      invoice(number: $number) {
        id
        number
        reference
        date
        dueDate
        state
        overdue
        pdfUrl
        orders(first: 20) @include(if: $withOrders) {
          id
          number
          state
          totalAmount {
            amount
            currency
          }
        }
        ...InvoiceLines_invoice
        ...InvoiceDocuments_invoice
        ...InvoicePayment_invoice
        ...PayOnline_invoice
      }
    }
  }
`);

export function InvoiceDetailRoute() {
  const { t } = useTranslation();
  const number = useParams().number ?? '';
  // An accountant reads invoices, not orders (issue 16): the orders are not asked for.
  const can = useCan();
  const { data, error, refetch } = useQuery(InvoiceQuery, {
    variables: { number, withOrders: can('ORDERS_READ') },
  });
  const invoice = data?.viewer?.invoice;

  return (
    <>
      <PageHeader
        title={t('invoices.detailTitle', { number })}
        back={{ to: '/invoices', label: t('invoices.backToList') }}
        description={
          invoice && (
            <span className="meta-line">
              <DateText value={invoice.date} />
              {invoice.reference && <span>· {invoice.reference}</span>}
              <InvoiceStateBadge state={invoice.state} overdue={invoice.overdue} />
            </span>
          )
        }
      />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <ListSkeleton rows={6} />
      ) : !invoice ? (
        <EmptyState>{t('invoices.notFound')}</EmptyState>
      ) : (
        <div className="detail">
          <div className="detail-columns">
            <section
              className={`card ${invoice.overdue ? 'card-danger' : 'card-highlight'}`}
              aria-labelledby="invoice-due"
            >
              <h2 id="invoice-due">
                {invoice.state === 'POSTED' ? t('invoices.amountDue') : t('invoices.total')}
              </h2>
              <p className="big-number">
                <Money
                  value={invoice.state === 'POSTED' ? invoice.amountDue : invoice.totalAmount}
                />
              </p>
              {invoice.state === 'POSTED' && invoice.dueDate && (
                <p className={invoice.overdue ? 'text-danger' : 'muted'}>
                  {t('invoices.dueOn')} <DateText value={invoice.dueDate} />
                </p>
              )}
              <InvoicePdfActions pdfUrl={invoice.pdfUrl} number={invoice.number} />
            </section>
            {invoice.orders && invoice.orders.length > 0 && (
              <section className="card" aria-labelledby="invoice-orders">
                <h2 id="invoice-orders">{t('invoices.orders')}</h2>
                <ul className="mini-list">
                  {invoice.orders.map((order) => (
                    <li key={order.id}>
                      <Link to={`/orders/${encodeURIComponent(order.number)}`}>{order.number}</Link>
                      <div className="mini-list-end">
                        <Money value={order.totalAmount} />
                        <OrderStateBadge state={order.state} />
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <InvoiceDocuments invoice={invoice} />
          </div>
          {can('INVOICES_PAY') && <PayOnline invoice={invoice} />}
          <InvoicePayment invoice={invoice} />
          <section aria-labelledby="invoice-lines">
            <h2 id="invoice-lines">{t('invoices.lines')}</h2>
            <InvoiceLines invoice={invoice} />
          </section>
        </div>
      )}
    </>
  );
}

export default InvoiceDetailRoute;
