import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Money } from '@/components/format';
import { graphql } from '@/gql';
import type { PayOnline_InvoiceFragment } from '@/gql/graphql';
import { gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';
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
      paidBy {
        email
      }
    }
  }
`);

/** The tab Tryton's checkout page runs in. */
export interface CheckoutTab {
  go(url: string): void;
  close(): void;
  /** True once the customer (or the checkout's end page) closed it. */
  readonly closed: boolean;
}

/**
 * Tryton's checkout page runs in a tab of its own: its end page closes itself
 * (`window.close()`), which a browser allows only for a tab a script opened, and the invoice
 * stays open here to show the result. The tab is opened at the click, before the gateway is
 * asked (a tab opened after an await is refused by popup blockers), and pointed at the
 * checkout once it answers. Where the tab is refused, the checkout takes this tab. A seam for
 * the unit tests, which cannot open windows.
 */
export const checkoutNavigation = {
  open(): CheckoutTab {
    const tab = window.open('', '_blank');
    if (!tab) {
      return { go: (url) => window.location.assign(url), close: () => undefined, closed: false };
    }
    // The checkout page may not reach back into the portal.
    tab.opener = null;
    return {
      go: (url) => tab.location.assign(url),
      close: () => tab.close(),
      get closed() {
        return tab.closed;
      },
    };
  },
};

/** How often the invoice looks whether the checkout tab is closed, and for how long at most. */
const WATCH_EVERY_MS = 1000;
const WATCH_AT_MOST_MS = 60 * 60 * 1000;
/**
 * Once the tab is closed, how often the invoice is read again while a payment is still
 * "processing" (Stripe tells Tryton by webhook, often a few seconds after its page returns),
 * and for how long.
 */
const FOLLOW_EVERY_MS = 3000;
const FOLLOW_AT_MOST_MS = 2 * 60 * 1000;

/**
 * Once the checkout tab closes, the invoice is read again: the payment's state and the amount
 * left to pay come from Tryton, which the checkout's end page has just updated.
 */
function useWhenClosed(tab: CheckoutTab | null, then: () => void) {
  useEffect(() => {
    if (!tab) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (tab.closed) {
        clearInterval(timer);
        then();
      } else if (Date.now() - started > WATCH_AT_MOST_MS) {
        clearInterval(timer);
      }
    }, WATCH_EVERY_MS);
    return () => clearInterval(timer);
  }, [tab, then]);
}

/** The amount as the gateway wants it: "1 234,50" or "1234.50" → "1234.50"; null if not one. */
export function amountInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(compact) ? compact : null;
}

const FIELD_CODES = ['AMOUNT_NOT_POSITIVE', 'AMOUNT_TOO_HIGH', 'AMOUNT_PRECISION'];

/**
 * Paying the invoice online (by card, on Tryton's Stripe checkout page): an amount, the amount
 * left by default, and the payments already started with their state and who paid them (a
 * member; nobody named when the company's staff made it). Hidden when the company
 * takes no online payment or nothing is left to pay.
 */
export function PayOnline({ invoice }: { invoice: PayOnline_InvoiceFragment }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(invoice.amountDue.amount);
  const [key, renewKey] = useIdempotencyKey();
  const [pay, { loading }] = usePayInvoice();
  const [problem, setProblem] = useState<string | null>(null);
  const [checkout, setCheckout] = useState<CheckoutTab | null>(null);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const client = useApolloClient();
  const [refresh] = useState(() => () => {
    setCheckout(null);
    setClosedAt(Date.now());
    void client.refetchQueries({ include: 'active' });
  });
  useWhenClosed(checkout, refresh);
  const started = invoice.onlinePayments;
  const processing = started.some((payment) => payment.state === 'PROCESSING');
  useEffect(() => {
    if (closedAt === null || !processing) return;
    const timer = setInterval(() => {
      if (Date.now() - closedAt > FOLLOW_AT_MOST_MS) clearInterval(timer);
      else void client.refetchQueries({ include: 'active' });
    }, FOLLOW_EVERY_MS);
    return () => clearInterval(timer);
  }, [closedAt, processing, client]);
  if (!invoice.canPayOnline && started.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const value = amountInput(amount);
    if (value === null) {
      setProblem(t('payOnline.errors.AMOUNT_NOT_A_NUMBER'));
      return;
    }
    const tab = checkoutNavigation.open();
    try {
      const { data } = await pay({
        variables: { input: { invoiceId: invoice.id, amount: value, idempotencyKey: key } },
      });
      if (!data) throw new Error('no checkout');
      tab.go(data.payInvoice.checkoutUrl);
      setCheckout(tab);
    } catch (error) {
      tab.close();
      const failure = gatewayError(error);
      const field = failure.fieldErrors?.[0]?.code;
      // A refusal the customer corrects is a new input: a new key.
      renewKey();
      setProblem(
        field && FIELD_CODES.includes(field)
          ? t(`payOnline.errors.${field}`)
          : refusalMessage(error, t, { INVALID_STATE: 'payOnline.errors.unavailable' }),
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
      {checkout && (
        <p className="muted" role="status">
          {t('payOnline.inOtherTab')}
        </p>
      )}
      {started.length > 0 && (
        <ul className="pay-online-started">
          {started.map((payment, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: payments have no id here; the list is never reordered
            <li key={`${payment.date}-${index}`}>
              <Money value={payment.amount} /> · {t(`payOnline.states.${payment.state}`)}
              {payment.paidBy && <> · {t('payOnline.paidBy', { email: payment.paidBy.email })}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
