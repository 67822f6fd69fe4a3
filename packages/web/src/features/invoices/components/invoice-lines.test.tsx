import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { InvoiceLines_InvoiceFragment } from '@/gql/graphql';
import { createI18n } from '@/lib/i18n';
import { INVOICE_LINES_SHOWN, InvoiceLines } from './invoice-lines';

const euros = (amount: string) => ({ amount, currency: 'EUR' });

function invoice(lineCount: number): InvoiceLines_InvoiceFragment {
  return {
    lines: Array.from({ length: lineCount }, (_, i) => ({
      id: `line-${i}`,
      description: `Baguette ${i}`,
      quantity: 1,
      unit: 'u',
      taxes: [],
      product: null,
      unitPrice: euros('1.00'),
      amount: euros('1.00'),
    })),
    taxes: [],
    untaxedAmount: euros('150.00'),
    taxAmount: euros('8.25'),
    totalAmount: euros('158.25'),
    state: 'POSTED',
    amountDue: euros('158.25'),
  } satisfies InvoiceLines_InvoiceFragment;
}

function show(lineCount: number) {
  return render(
    <I18nextProvider i18n={createI18n('fr')}>
      <InvoiceLines invoice={invoice(lineCount)} />
    </I18nextProvider>,
  );
}

describe('invoice lines', () => {
  it('says when the invoice has more lines than the page asked for', () => {
    const { container } = show(INVOICE_LINES_SHOWN);
    // Counted by tag: a role query over a hundred rows takes seconds on a busy machine.
    expect(container.querySelectorAll('tr').length).toBeGreaterThan(INVOICE_LINES_SHOWN);
    expect(
      screen.getByText(
        'Seules les 100 premières lignes sont affichées ; le PDF de la facture les contient toutes.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing when every line is shown', () => {
    show(3);
    expect(screen.queryByText(/premières lignes/)).not.toBeInTheDocument();
  });
});
