import { ApolloClient } from '@apollo/client';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PayInvoiceDocument, type PayOnline_InvoiceFragment } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { amountInput, type CheckoutTab, checkoutNavigation, PayOnline } from './pay-online';

// Rendering with i18n and typing take a few seconds on a loaded 2-core machine.
const SLOW = 15_000;
const euros = (amount: string) => ({ amount, currency: 'EUR' });
const KEY = '0000-key-1';
const CHECKOUT = 'https://pay.example.fr/portal/account_payment_stripe/checkout/account.payment/ab';

function invoice(over: Partial<PayOnline_InvoiceFragment> = {}): PayOnline_InvoiceFragment {
  return {
    id: 'SW52b2ljZTo0Mg',
    canPayOnline: true,
    amountDue: euros('498.53'),
    onlinePayments: [],
    ...over,
  };
}

function show(
  value: PayOnline_InvoiceFragment,
  mocks: unknown[] = [],
  language: 'fr' | 'en' = 'fr',
) {
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(
    KEY as `${string}-${string}-${string}-${string}-${string}`,
  );
  return renderRoutes({
    routes: [{ path: '/invoices/F1', element: <PayOnline invoice={value} /> }],
    path: '/invoices/F1',
    mocks: mocks as never,
    language,
  });
}

const payMock = (amount: string, result: unknown) => ({
  request: {
    query: PayInvoiceDocument,
    variables: { input: { invoiceId: 'SW52b2ljZTo0Mg', amount, idempotencyKey: KEY } },
  },
  result,
});

/** A checkout tab as the tests see it: where it was sent, and whether it was closed. */
function fakeTab() {
  const tab = {
    url: null as string | null,
    closed: false,
    go(url: string) {
      tab.url = url;
    },
    close() {
      tab.closed = true;
    },
  };
  vi.spyOn(checkoutNavigation, 'open').mockReturnValue(tab satisfies CheckoutTab);
  return tab;
}

describe('paying an invoice online', () => {
  afterEach(() => vi.restoreAllMocks());

  it(
    'pays the amount left by default and sends the browser to the checkout page',
    async () => {
      const tab = fakeTab();
      const refetch = vi.spyOn(ApolloClient.prototype, 'refetchQueries');
      const { user } = show(invoice(), [
        payMock('498.53', {
          data: {
            payInvoice: { __typename: 'PayInvoicePayload', checkoutUrl: CHECKOUT, replayed: false },
          },
        }),
      ]);
      expect(screen.getByLabelText(/Montant à payer/)).toHaveValue('498.53');
      await user.click(screen.getByRole('button', { name: 'Payer en ligne' }));
      await vi.waitFor(() => expect(tab.url).toBe(CHECKOUT), { timeout: 5000 });
      expect(tab.closed).toBe(false);
      expect(await screen.findByRole('status')).toHaveTextContent('nouvel onglet');
      // The checkout's end page closes its tab: the invoice is read again, the notice goes.
      tab.closed = true;
      await vi.waitFor(() => expect(screen.queryByRole('status')).toBeNull(), { timeout: 5000 });
      expect(refetch).toHaveBeenCalledWith({ include: 'active' });
    },
    SLOW,
  );

  it(
    'pays part of it, typed the French way',
    async () => {
      const tab = fakeTab();
      const { user } = show(invoice(), [
        payMock('120.50', {
          data: {
            payInvoice: { __typename: 'PayInvoicePayload', checkoutUrl: CHECKOUT, replayed: false },
          },
        }),
      ]);
      const input = screen.getByLabelText(/Montant à payer/);
      await user.clear(input);
      await user.type(input, '120,50');
      await user.click(screen.getByRole('button', { name: 'Payer en ligne' }));
      await vi.waitFor(() => expect(tab.url).toBe(CHECKOUT), { timeout: 5000 });
    },
    SLOW,
  );

  it(
    'explains a refused amount in English and stays on the page',
    async () => {
      const tab = fakeTab();
      const { user } = show(
        invoice(),
        [
          payMock(
            '600',
            graphqlError('VALIDATION_FAILED', {
              fieldErrors: [{ field: 'amount', code: 'AMOUNT_TOO_HIGH', message: 'too high' }],
            }),
          ),
        ],
        'en',
      );
      const input = screen.getByLabelText(/Amount to pay/);
      await user.clear(input);
      await user.type(input, '600');
      await user.click(screen.getByRole('button', { name: 'Pay online' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'The amount is more than what is left to pay.',
      );
      // Not a number: refused before any call.
      await user.clear(input);
      await user.type(input, 'douze');
      await user.click(screen.getByRole('button', { name: 'Pay online' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Enter an amount');
      // The tab opened at the click is closed again when the gateway refuses: never sent anywhere.
      expect(tab.url).toBeNull();
      expect(tab.closed).toBe(true);
    },
    SLOW,
  );

  it(
    'is hidden when the company takes no online payment, and shows the payments started',
    () => {
      const { container, unmount } = show(invoice({ canPayOnline: false }));
      expect(container).toBeEmptyDOMElement();
      unmount();
      show(
        invoice({
          canPayOnline: false,
          amountDue: euros('0.00'),
          onlinePayments: [
            { amount: euros('498.53'), state: 'SUCCEEDED' as never, date: null, paidBy: null },
          ],
        }),
      );
      expect(screen.queryByRole('button')).toBeNull();
      expect(screen.getByText(/payé/)).toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'names the member who paid each payment, in French and English, and nobody for the staff',
    () => {
      const paid = {
        amount: euros('100.00'),
        state: 'SUCCEEDED' as never,
        date: '2026-11-30',
        paidBy: { email: 'anne@dupont.fr' },
      };
      const byStaff = { ...paid, amount: euros('50.00'), paidBy: null };
      const value = invoice({ onlinePayments: [paid, byStaff] });
      const { unmount } = show(value);
      const [first, second] = screen.getAllByRole('listitem');
      expect(first).toHaveTextContent('par anne@dupont.fr');
      expect(second).not.toHaveTextContent('par');
      unmount();
      show(value, [], 'en');
      expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('by anne@dupont.fr');
    },
    SLOW,
  );

  it('reads amounts as customers type them', () => {
    expect(amountInput('1 234,50')).toBe('1234.50');
    expect(amountInput('12')).toBe('12');
    expect(amountInput('12.345')).toBeNull();
    expect(amountInput('-3')).toBeNull();
    expect(amountInput('')).toBeNull();
  });
});
