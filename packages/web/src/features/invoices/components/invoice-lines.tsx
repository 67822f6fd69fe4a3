import { useTranslation } from 'react-i18next';
import { Money } from '@/components/format';
import { LinesTable } from '@/components/lines-table';
import { graphql } from '@/gql';
import type { InvoiceLines_InvoiceFragment } from '@/gql/graphql';

export const InvoiceLinesFragment = graphql(`
  fragment InvoiceLines_invoice on Invoice {
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
    taxes(first: 20) {
      description
      base {
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
    amountDue {
      amount
      currency
    }
    state
  }
`);

export function InvoiceLines({ invoice }: { invoice: InvoiceLines_InvoiceFragment }) {
  const { t } = useTranslation();
  return (
    <>
      <LinesTable
        lines={invoice.lines}
        caption={t('invoices.lines')}
        shown={INVOICE_LINES_SHOWN}
        cappedNote={t('invoices.linesCapped', { count: INVOICE_LINES_SHOWN })}
      />
      <div className="totals-grid">
        {invoice.taxes.length > 0 && (
          // The heading inside the card (a caption sits outside a table's border).
          <section className="taxes-card" aria-labelledby="invoice-taxes">
            <h3 id="invoice-taxes">{t('invoices.taxes')}</h3>
            <table className="data-table compact-table" aria-labelledby="invoice-taxes">
              <thead>
                <tr>
                  <th scope="col">{t('orders.taxes')}</th>
                  <th scope="col" className="amount">
                    {t('invoices.taxBase')}
                  </th>
                  <th scope="col" className="amount">
                    {t('invoices.taxAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {invoice.taxes.map((tax) => (
                  <tr key={tax.description}>
                    <th scope="row" data-label={t('orders.taxes')}>
                      {tax.description}
                    </th>
                    <td className="amount" data-label={t('invoices.taxBase')}>
                      <Money value={tax.base} />
                    </td>
                    <td className="amount" data-label={t('invoices.taxAmount')}>
                      <Money value={tax.amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <dl className="totals">
          <dt>{t('orders.untaxed')}</dt>
          <dd>
            <Money value={invoice.untaxedAmount} />
          </dd>
          <dt>{t('orders.tax')}</dt>
          <dd>
            <Money value={invoice.taxAmount} />
          </dd>
          <dt className="total-row">{t('orders.totalAmount')}</dt>
          <dd className="total-row">
            <Money value={invoice.totalAmount} />
          </dd>
          {invoice.state === 'POSTED' && (
            <>
              <dt>{t('invoices.amountDue')}</dt>
              <dd>
                <Money value={invoice.amountDue} />
              </dd>
            </>
          )}
        </dl>
      </div>
    </>
  );
} /**
 * How many lines the fragment asks for (a nested list costs its `first`, docs/quotas.md). An
 * invoice with more says so, and its PDF has them all.
 */
export const INVOICE_LINES_SHOWN = 100;
