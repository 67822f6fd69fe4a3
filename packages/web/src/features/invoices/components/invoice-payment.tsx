import { useTranslation } from 'react-i18next';
import { DateText, Money } from '@/components/format';
import { graphql } from '@/gql';
import type { InvoicePayment_InvoiceFragment } from '@/gql/graphql';
import { CopyButton } from './copy-button';

export const InvoicePaymentFragment = graphql(`
  fragment InvoicePayment_invoice on Invoice {
    number
    state
    amountDue {
      amount
      currency
    }
    transfer {
      holder
      iban
      bic
      reference
      creditorReference
      amount {
        amount
        currency
      }
      qrSvg
    }
    payments(first: 20) {
      date
      amount {
        amount
        currency
      }
      method
      description
    }
  }
`);

/** "FR7630006000011234567890189" as banks print it: groups of four. */
export function groupIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

type Transfer = NonNullable<InvoicePayment_InvoiceFragment['transfer']>;

function TransferDetails({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; value: string; shown?: string }[] = [
    { key: 'holder', label: t('payment.holder'), value: transfer.holder },
    {
      key: 'iban',
      label: t('payment.iban'),
      value: transfer.iban,
      shown: groupIban(transfer.iban),
    },
    ...(transfer.bic ? [{ key: 'bic', label: t('payment.bic'), value: transfer.bic }] : []),
    { key: 'reference', label: t('payment.reference'), value: transfer.reference },
    ...(transfer.creditorReference
      ? [
          {
            key: 'rf',
            label: t('payment.creditorReference'),
            value: transfer.creditorReference,
          },
        ]
      : []),
  ];
  return (
    <section className="card payment-transfer" aria-labelledby="payment-transfer">
      <h2 id="payment-transfer">{t('payment.transferTitle')}</h2>
      <p className="muted">{t('payment.transferIntro')}</p>
      <div className="payment-transfer-body">
        <dl className="facts payment-facts">
          {rows.map((row) => (
            <div key={row.key}>
              <dt>{row.label}</dt>
              <dd>
                <span className="payment-value">{row.shown ?? row.value}</span>
                <CopyButton value={row.value} label={row.label} />
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('payment.amount')}</dt>
            <dd>
              <span className="payment-value">
                <Money value={transfer.amount} />
              </span>
              <CopyButton value={transfer.amount.amount} label={t('payment.amount')} />
            </dd>
          </div>
        </dl>
        <figure className="payment-qr">
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(transfer.qrSvg)}`}
            alt={t('payment.qrAlt')}
            width={200}
            height={200}
          />
          <figcaption className="muted">{t('payment.qrCaption')}</figcaption>
        </figure>
      </div>
    </section>
  );
}

function PaymentHistory({ invoice }: { invoice: InvoicePayment_InvoiceFragment }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="payment-history">
      <h2 id="payment-history">{t('payment.historyTitle')}</h2>
      {invoice.payments.length === 0 ? (
        <p className="card-empty muted">{t('payment.noPayment')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption className="visually-hidden">{t('payment.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payment.date')}</th>
                <th scope="col">{t('payment.method')}</th>
                <th scope="col" className="num">
                  {t('payment.paid')}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.payments.map((payment, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: payments have no id; the list is never reordered
                <tr key={`${payment.date}-${index}`}>
                  <td>
                    <DateText value={payment.date} />
                  </td>
                  <td>
                    {payment.method ?? t('common.none')}
                    {payment.description && <span className="muted"> · {payment.description}</span>}
                  </td>
                  <td className="num">
                    <Money value={payment.amount} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {invoice.state !== 'CANCELLED' && (
        <p className="payment-left">
          {t('payment.left')} <Money value={invoice.amountDue} />
        </p>
      )}
    </section>
  );
}

/** How to pay the invoice by transfer (when something is left to pay) and what was paid. */
export function InvoicePayment({ invoice }: { invoice: InvoicePayment_InvoiceFragment }) {
  return (
    <div className="detail-columns">
      {invoice.transfer && <TransferDetails transfer={invoice.transfer} />}
      <PaymentHistory invoice={invoice} />
    </div>
  );
}
