import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText, Money } from '@/components/format';
import { InvoiceStateBadge } from '@/components/status-badge';
import { graphql } from '@/gql';
import type { InvoiceRow_InvoiceFragment } from '@/gql/graphql';
import { SelectCheckbox } from '../selection/select-checkbox';

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

export function InvoiceRow({
  invoice,
  selection,
}: {
  invoice: InvoiceRow_InvoiceFragment;
  /** A leading checkbox that picks the invoice for an export. */
  selection?: { label: string; selected: boolean; onToggle: () => void };
}) {
  const { t } = useTranslation();
  const unpaid = invoice.state === 'POSTED';
  return (
    <tr className={selection?.selected ? 'selected' : undefined}>
      {selection && (
        <td className="select-cell">
          <SelectCheckbox
            label={selection.label}
            checked={selection.selected}
            onChange={selection.onToggle}
          />
        </td>
      )}
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
