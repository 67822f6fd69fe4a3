import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText, Money } from '@/components/format';
import { InvoiceStateBadge } from '@/components/status-badge';
import { graphql } from '@/gql';
import type { InvoiceRow_InvoiceFragment } from '@/gql/graphql';

export const InvoiceRowFragment = graphql(`
  fragment InvoiceRow_invoice on Invoice {
    id
    number
    reference
    date
    dueDate
    state
    overdue
    totalAmount {
      amount
      currency
    }
    amountDue {
      amount
      currency
    }
  }
`);

export function InvoiceRow({ invoice }: { invoice: InvoiceRow_InvoiceFragment }) {
  const { t } = useTranslation();
  const unpaid = invoice.state === 'POSTED';
  return (
    <tr>
      <th scope="row" data-label={t('invoices.number')}>
        <Link to={`/invoices/${encodeURIComponent(invoice.number)}`}>{invoice.number}</Link>
        {invoice.reference && <span className="muted small block">{invoice.reference}</span>}
      </th>
      <td data-label={t('invoices.date')}>
        <DateText value={invoice.date} />
      </td>
      <td data-label={t('invoices.dueDate')} className={invoice.overdue ? 'text-danger' : ''}>
        {unpaid ? <DateText value={invoice.dueDate} /> : t('common.none')}
      </td>
      <td data-label={t('invoices.state')}>
        <InvoiceStateBadge state={invoice.state} overdue={invoice.overdue} />
      </td>
      <td data-label={t('invoices.total')} className="amount">
        <Money value={invoice.totalAmount} />
      </td>
      <td data-label={t('invoices.amountDue')} className="amount">
        {unpaid ? <Money value={invoice.amountDue} /> : t('common.none')}
      </td>
    </tr>
  );
}
