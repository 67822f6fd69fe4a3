import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { InvoicePayment_InvoiceFragment } from '@/gql/graphql';
import { createI18n, type UiLanguage } from '@/lib/i18n';
import { groupIban, InvoicePayment } from './invoice-payment';

// Rendering with i18n and clicking take a few seconds on a loaded 2-core machine.
const SLOW = 15_000;
const euros = (amount: string) => ({ amount, currency: 'EUR' });
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h29v29H0z"/></svg>';

function partlyPaid(): InvoicePayment_InvoiceFragment {
  return {
    number: 'FA2026-00012',
    state: 'POSTED',
    amountDue: euros('498.53'),
    transfer: {
      holder: 'Comptoir Lyonnais SARL',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      reference: 'FA2026-00012',
      creditorReference: 'RF47FA202600012',
      amount: euros('498.53'),
      qrSvg: SVG,
    },
    payments: [
      {
        date: '2026-10-15',
        amount: euros('332.35'),
        method: 'Banque',
        description: 'Virement reçu',
      },
    ],
  } satisfies InvoicePayment_InvoiceFragment;
}

function show(invoice: InvoicePayment_InvoiceFragment, language: UiLanguage = 'fr') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <InvoicePayment invoice={invoice} />
    </I18nextProvider>,
  );
}

describe('invoice payment', () => {
  it(
    'shows the transfer details, the QR code and the history of a partly paid invoice',
    () => {
      show(partlyPaid());
      // Label and alt-text queries: role queries are slow in jsdom on a busy machine.
      const transfer = screen.getByLabelText('Payer par virement');
      expect(transfer.tagName).toBe('SECTION');
      expect(within(transfer).getByText('FR76 3000 6000 0112 3456 7890 189')).toBeInTheDocument();
      expect(within(transfer).getByText('AGRIFRPP')).toBeInTheDocument();
      expect(within(transfer).getByText('RF47FA202600012')).toBeInTheDocument();
      const qr = within(transfer).getByAltText(/QR code de virement SEPA/);
      expect(qr.getAttribute('src')).toBe(
        `data:image/svg+xml;charset=utf-8,${encodeURIComponent(SVG)}`,
      );
      const history = screen.getByLabelText('Paiements');
      const rows = history.querySelectorAll('tbody tr');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveTextContent('Banque');
      expect(rows[0]).toHaveTextContent('Virement reçu');
      expect(rows[0]).toHaveTextContent(/332,35\s€/);
      expect(history).toHaveTextContent(/Reste à payer :\s*498,53\s€/);
    },
    SLOW,
  );

  it(
    'copies the IBAN without spaces and says so',
    async () => {
      const user = userEvent.setup();
      const writeText = vi.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      show(partlyPaid(), 'en');
      await user.click(screen.getByRole('button', { name: 'Copy IBAN' }));
      expect(writeText).toHaveBeenCalledWith('FR7630006000011234567890189');
      expect(await screen.findByText('Copied')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Copy Amount left' }));
      expect(writeText).toHaveBeenLastCalledWith('498.53');
    },
    SLOW,
  );

  it(
    'says when the copy fails, so the customer selects the text',
    async () => {
      const user = userEvent.setup();
      const writeText = vi.fn().mockRejectedValue(new Error('denied'));
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      show(partlyPaid(), 'en');
      await user.click(screen.getByRole('button', { name: 'Copy BIC' }));
      expect(await screen.findByText('Could not copy: select the text.')).toBeInTheDocument();
    },
    SLOW,
  );

  it('shows no transfer for a paid invoice, only what was paid', () => {
    show(
      {
        ...partlyPaid(),
        state: 'PAID',
        amountDue: euros('0'),
        transfer: null,
        payments: [
          { date: '2026-09-01', amount: euros('120.00'), method: 'Bank', description: null },
        ],
      },
      'en',
    );
    expect(screen.queryByRole('region', { name: 'Pay by bank transfer' })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('region', { name: 'Payments' })).toHaveTextContent('Bank');
  });

  it('says when nothing was paid yet', () => {
    show({ ...partlyPaid(), payments: [] }, 'en');
    expect(screen.getByText('No payment recorded yet.')).toBeInTheDocument();
  });

  it('groups an IBAN by four', () => {
    expect(groupIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
