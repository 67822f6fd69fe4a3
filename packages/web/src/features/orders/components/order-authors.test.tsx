import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { OrderAuthors_OrderFragment } from '@/gql/graphql';
import { createI18n, type UiLanguage } from '@/lib/i18n';
import { OrderAuthors } from './order-authors';

function show(order: OrderAuthors_OrderFragment, language: UiLanguage = 'fr') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <dl>
        <OrderAuthors order={order} />
      </dl>
    </I18nextProvider>,
  );
}

const author = (email: string) => ({ __typename: 'Author' as const, email });

describe('who of the company did it', () => {
  it('names the member who accepted the quotation, in French and English', () => {
    const order = { requestedBy: null, acceptedBy: author('paul@dupont.fr'), declinedBy: null };
    const { unmount } = show(order);
    expect(screen.getByRole('term')).toHaveTextContent('Devis accepté par');
    expect(screen.getByRole('definition')).toHaveTextContent('paul@dupont.fr');
    unmount();
    show(order, 'en');
    expect(screen.getByRole('term')).toHaveTextContent('Quotation accepted by');
  });

  it('names the requester of a re-order, and says nothing of what the staff did', () => {
    show({ requestedBy: author('anne@dupont.fr'), acceptedBy: null, declinedBy: null });
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual(['Demandée par']);
    expect(screen.queryByText('Devis refusé par')).toBeNull();
  });

  it('shows nothing on an order the staff wrote', () => {
    const { container } = show({ requestedBy: null, acceptedBy: null, declinedBy: null });
    expect(container.querySelector('dl')?.children).toHaveLength(0);
  });
});
