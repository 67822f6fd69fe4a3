import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n';
import { LinesTable, type TableLine } from './lines-table';

const euros = (amount: string) => ({ amount, currency: 'EUR' });

const LINES: TableLine[] = [
  {
    id: 'l1',
    description: 'Baguette tradition, cuite le matin',
    quantity: 12,
    unit: 'u',
    taxes: ['TVA 5,5 %'],
    product: { name: 'Baguette tradition', code: 'BAG-T' },
    unitPrice: euros('1.20'),
    amount: euros('14.40'),
  },
  {
    id: 'l2',
    description: 'Livraison',
    quantity: 1,
    unit: null,
    taxes: [],
    product: null,
    unitPrice: euros('5.00'),
    amount: euros('5.00'),
  },
];

function show(lines: TableLine[], shown = 100) {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <LinesTable lines={lines} caption="Lines" shown={shown} cappedNote="Only the first lines." />
    </I18nextProvider>,
  );
}

describe('LinesTable', () => {
  it("shows each line's product, code, own text, quantity, taxes and amount", () => {
    show(LINES);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = within(rows[1] as HTMLElement);
    expect(first.getByText('Baguette tradition')).toBeInTheDocument();
    expect(first.getByText('BAG-T')).toBeInTheDocument();
    // The line's text says more than the product's name: shown under it.
    expect(first.getByText('Baguette tradition, cuite le matin')).toBeInTheDocument();
    expect(first.getByText('TVA 5,5 %')).toBeInTheDocument();
    expect(first.getByText('€14.40')).toBeInTheDocument();
    // A line without product is named by its text, once; no tax says so.
    const second = within(rows[2] as HTMLElement);
    expect(second.getAllByText('Livraison')).toHaveLength(1);
    expect(second.getByText('—')).toBeInTheDocument();
    expect(screen.queryByText('Only the first lines.')).not.toBeInTheDocument();
  });

  it('says that there may be more when the page got as many lines as it asked for', () => {
    show(LINES, 2);
    expect(screen.getByText('Only the first lines.')).toBeInTheDocument();
  });
});
