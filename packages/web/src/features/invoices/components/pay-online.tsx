import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Money } from '@/components/format';
import { graphql } from '@/gql';
import type { PayOnline_InvoiceFragment } from '@/gql/graphql';
import { gatewayError } from '@/lib/graphql-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { usePayInvoice } from '../api/use-pay-invoice';

export const PayOnlineFragment = graphql(`
  fragment PayOnline_invoice on Invoice {
    id
    canPayOnline
    amountDue {
      amount
      currency
    }
    onlinePayments {
      amount {
        amount
        currency
      }
      state
      date
    }
  }
`);

/** Where the browser goes to pay: a seam for the unit test (jsdom cannot navigate). */
export const checkoutNavigation = {
  go(url: string) {
    window.location.assign(url);
  },
};

/** The amount as the gateway wants it: "1 234,50" or "1234.50" → "1234.50"; null if not one. */
export function amountInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(compact) ? compact : null;
}

const FIELD_CODES = ['AMOUNT_NOT_POSITIVE', 'AMOUNT_TOO_HIGH', 'AMOUNT_PRECISION'];

/**
 * Paying the invoice online (by card, on Tryton's Stripe checkout page): an amount, the amount
 * left by default, and the payments already started with their state. Hidden when the company
 * takes no online payment or nothing is left to pay.
 */
export function PayOnline({ invoice }: { invoice: PayOnline_InvoiceFragment }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(invoice.amountDue.amount);
  const [key, renewKey] = useIdempotencyKey();
  const [pay, { loading }] = usePayInvoice();
  const [problem, setProblem] = useState<string | null>(null);
  const started = invoice.onlinePayments;
  if (!invoice.canPayOnline && started.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const value = amountInput(amount);
    if (value === null) {
      setProblem(t('payOnline.errors.AMOUNT_NOT_A_NUMBER'));
      return;
    }
    try {
      const { data } = await pay({
        variables: { input: { invoiceId: invoice.id, amount: value, idempotencyKey: key } },
      });
      if (data) checkoutNavigation.go(data.payInvoice.checkoutUrl);
    } catch (error) {
      const failure = gatewayError(error);
      const field = failure.fieldErrors?.[0]?.code;
      // A refusal the customer corrects is a new input: a new key.
      renewKey();
      setProblem(
        field && FIELD_CODES.includes(field)
          ? t(`payOnline.errors.${field}`)
          : failure.code === 'INVALID_STATE'
            ? t('payOnline.errors.unavailable')
            : t('auth.errors.unexpected'),
      );
    }
  };

  return (
    <section className="card pay-online" aria-labelledby="pay-online">
      <h2 id="pay-online">{t('payOnline.title')}</h2>
      {invoice.canPayOnline && (
        <form className="pay-online-form" onSubmit={(e) => void submit(e)} noValidate>
          <p className="muted">{t('payOnline.intro')}</p>
          <div className="field">
            <label htmlFor="pay-online-amount">
              {t('payOnline.amount')} ({invoice.amountDue.currency})
            </label>
            <input
              id="pay-online-amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-describedby="pay-online-left"
              aria-invalid={problem !== null}
            />
          </div>
          <p id="pay-online-left" className="muted">
            {t('payOnline.left')} <Money value={invoice.amountDue} />
          </p>
          <button type="submit" className="btn btn-secondary" disabled={loading}>
            {t('payOnline.button')}
          </button>
        </form>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      {started.length > 0 && (
        <ul className="pay-online-started">
          {started.map((payment, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: payments have no id here; the list is never reordered
            <li key={`${payment.date}-${index}`}>
              <Money value={payment.amount} /> · {t(`payOnline.states.${payment.state}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
