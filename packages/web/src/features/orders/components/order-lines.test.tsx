import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { OrderLines_OrderFragment } from '@/gql/graphql';
import { createI18n } from '@/lib/i18n';
import { ORDER_LINES_SHOWN, OrderLines } from './order-lines';

const euros = (amount: string) => ({ amount, currency: 'EUR' });

function order(lineCount: number): OrderLines_OrderFragment {
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
    untaxedAmount: euros('150.00'),
    taxAmount: euros('8.25'),
    totalAmount: euros('158.25'),
  } satisfies OrderLines_OrderFragment;
}

function show(lineCount: number) {
  return render(
    <I18nextProvider i18n={createI18n('fr')}>
      <OrderLines order={order(lineCount)} />
    </I18nextProvider>,
  );
}

describe('order lines', () => {
  it('says when the order has more lines than the page asked for', () => {
    const { container } = show(ORDER_LINES_SHOWN);
    // Counted by tag: a role query over a hundred rows takes seconds on a busy machine.
    expect(container.querySelectorAll('tr')).toHaveLength(1 + ORDER_LINES_SHOWN + 3);
    expect(
      screen.getByText(
        'Seules les 100 premières lignes sont affichées ; les totaux portent sur toute la commande.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing when every line is shown', () => {
    show(3);
    expect(screen.queryByText(/premières lignes/)).not.toBeInTheDocument();
  });
});
