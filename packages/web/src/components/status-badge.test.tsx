import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n';
import { OrderInvoiceStateBadge } from './status-badge';

function renderBadge(language: 'fr' | 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <OrderInvoiceStateBadge state="AWAITING_PAYMENT" />
    </I18nextProvider>,
  );
}

describe('OrderInvoiceStateBadge', () => {
  it('reads "Facturée, en attente de paiement" in French for an issued, unpaid invoice', () => {
    renderBadge('fr');
    const badge = screen.getByText('Facturée, en attente de paiement');
    expect(badge).toHaveClass('badge', 'badge-warning');
  });

  it('reads "Invoiced, awaiting payment" in English', () => {
    renderBadge('en');
    expect(screen.getByText('Invoiced, awaiting payment')).toHaveClass('badge-warning');
  });
});
