import { CombinedGraphQLErrors } from '@apollo/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n';
import { ErrorState, LoadMore } from './list-states';

const inFrench = (ui: React.ReactNode) =>
  render(<I18nextProvider i18n={createI18n('fr')}>{ui}</I18nextProvider>);

describe('list states', () => {
  it('says the request quota is used up, with the wait, not "too many attempts"', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Request quota used up',
          extensions: { code: 'THROTTLED', reason: 'QUOTA', retryAfter: 12 },
        },
      ],
    });
    inFrench(<ErrorState error={error} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Vous avez fait beaucoup de demandes en peu de temps. Patientez 12 secondes, puis réessayez.',
    );
    expect(alert).not.toHaveTextContent('tentatives');
  });

  it('says the role does not allow this (FORBIDDEN), with the role, and offers no retry', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Your role (buyer) does not allow this.',
          extensions: { code: 'FORBIDDEN', needed: ['invoices:read'], role: 'BUYER' },
        },
      ],
    });
    const { unmount } = inFrench(<ErrorState error={error} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Votre rôle (Acheteur) ne permet pas ceci.');
    expect(alert).toHaveTextContent('Vous êtes toujours connecté.');
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
    unmount();
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ErrorState error={error} onRetry={() => {}} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Your role (Buyer) does not allow this.');
  });

  it('keeps the focus on "load more" while the next page loads', async () => {
    let finish = () => {};
    const user = userEvent.setup();
    inFrench(
      <LoadMore
        shown={20}
        total={50}
        hasNextPage
        onLoadMore={() => new Promise<void>((resolve) => (finish = resolve))}
      />,
    );
    const button = screen.getByRole('button', { name: 'Afficher plus' });
    await user.click(button);
    expect(button).toHaveTextContent('Chargement…');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    finish();
    expect(await screen.findByRole('button', { name: 'Afficher plus' })).toHaveFocus();
  });
});
