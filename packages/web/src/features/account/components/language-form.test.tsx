import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { AccountRoute } from '../routes/account';

const viewer = {
  __typename: 'Customer',
  id: 'customer-1',
  name: 'Boulangerie Martin',
  email: 'claire@martin.fr',
  emailValidated: true,
  addresses: [],
  contactMechanisms: [
    {
      __typename: 'ContactMechanism',
      changedBy: null,
      id: 'cm-1',
      type: 'phone',
      value: '01 23 45 67 89',
      name: null,
      version: 'djE6eA',
    },
  ],
  defaultDeliveryAddress: null,
  defaultInvoiceAddress: null,
  scopes: [],
  apiTokens: [],
};

describe('language choice on the account page', () => {
  it('switches the page to English, remembers it, and refetches what is on screen', async () => {
    const answers = vi.fn(() => ({ data: { viewer } }));
    const account: MockLink.MockedResponse = {
      request: { query: AccountDocument },
      result: answers,
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    const { user } = renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [account],
    });
    expect(await screen.findByText('Boulangerie Martin')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Mon compte');
    expect(screen.getByText('Adresse validée')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '01 23 45 67 89' })).toHaveAttribute(
      'href',
      'tel:0123456789',
    );
    const group = screen.getByRole('group', { name: 'Langue de l’interface' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Français' })).toBeChecked();
    expect(answers).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('My account');
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Français' })).not.toBeChecked();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('portal.language')).toBe('en');
    await waitFor(() => expect(answers).toHaveBeenCalledTimes(2));

    await user.click(screen.getByRole('radio', { name: 'Français' }));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Mon compte');
    expect(localStorage.getItem('portal.language')).toBe('fr');
  });
});
