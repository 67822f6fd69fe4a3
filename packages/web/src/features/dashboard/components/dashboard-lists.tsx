import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentList } from '@/components/document-list';
import { DateText, Money } from '@/components/format';
import { InvoiceStateBadge, OrderStateBadge } from '@/components/status-badge';
import { graphql } from '@/gql';
import type {
  LatestDocuments_DocumentFragment,
  OpenOrders_OrderFragment,
  UnpaidInvoices_InvoiceFragment,
} from '@/gql/graphql';

export const OpenOrdersFragment = graphql(`
  fragment OpenOrders_order on Order {
    id
    number
    reference
    date
    state
    totalAmount {
      amount
      currency
    }
  }
`);

export const UnpaidInvoicesFragment = graphql(`
  fragment UnpaidInvoices_invoice on Invoice {
    id
    number
    state
    dueDate
    overdue
    amountDue {
      amount
      currency
    }
  }
`);

export const LatestDocumentsFragment = graphql(`
  fragment LatestDocuments_document on Document {
    id
    name
    date
    size
    url
  }
`);

export function OpenOrdersList({ orders }: { orders: OpenOrders_OrderFragment[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <p className="muted card-empty">{t('dashboard.noOpenOrders')}</p>;
  return (
    <ul className="mini-list">
      {orders.map((order) => (
        <li key={order.id}>
          <div>
            <Link to={`/orders/${encodeURIComponent(order.number)}`}>{order.number}</Link>
            <span className="muted small">
              {order.reference ? `${order.reference} · ` : ''}
              <DateText value={order.date} />
            </span>
          </div>
          <div className="mini-list-end">
            <Money value={order.totalAmount} />
            <OrderStateBadge state={order.state} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function UnpaidInvoicesList({ invoices }: { invoices: UnpaidInvoices_InvoiceFragment[] }) {
  const { t } = useTranslation();
  if (invoices.length === 0) return <p className="muted card-empty">{t('dashboard.noUnpaid')}</p>;
  return (
    <ul className="mini-list">
      {invoices.map((invoice) => (
        <li key={invoice.id}>
          <div>
            <Link to={`/invoices/${encodeURIComponent(invoice.number)}`}>{invoice.number}</Link>
            <span className="muted small">
              {t('invoices.dueDate')} <DateText value={invoice.dueDate} />
            </span>
          </div>
          <div className="mini-list-end">
            <Money value={invoice.amountDue} />
            <InvoiceStateBadge state={invoice.state} overdue={invoice.overdue} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function LatestDocumentsList({
  documents,
}: {
  documents: LatestDocuments_DocumentFragment[];
}) {
  const { t } = useTranslation();
  return (
    <DocumentList
      documents={documents}
      empty={<p className="muted card-empty">{t('dashboard.noDocuments')}</p>}
    />
  );
}
