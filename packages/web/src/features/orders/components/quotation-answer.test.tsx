import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AcceptQuotationDocument, DeclineQuotationDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { QuotationAnswer } from './quotation-answer';

const order = { id: 'T3JkZXI6NDI', version: 'djE6eA' };
const answered = (state: string) => ({
  __typename: 'OrderWritePayload',
  replayed: false,
  order: { __typename: 'Order', id: order.id, state, version: 'djE6eQ' },
});

function render(mocks: unknown[]) {
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(
    '0000-key-1' as `${string}-${string}-${string}-${string}-${string}`,
  );
  return renderRoutes({
    routes: [{ path: '/orders/Q1', element: <QuotationAnswer order={order} /> }],
    path: '/orders/Q1',
    mocks: mocks as never,
  });
}

describe('answering a quotation', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts with a name, a purchase order and the terms, and says it is done', async () => {
    const { user } = render([
      {
        request: {
          query: AcceptQuotationDocument,
          variables: {
            input: {
              orderId: order.id,
              version: order.version,
              idempotencyKey: '0000-key-1',
              name: 'Marie Dupont',
              poReference: 'BC-118',
              acceptTerms: true,
            },
          },
        },
        result: { data: { acceptQuotation: answered('CONFIRMED') } },
      },
    ]);
    await user.click(
      screen.getByRole('button', { name: /accept the quotation|accepter le devis/i }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/name|nom/i);
    await user.type(screen.getByLabelText(/your name|votre nom/i), 'Marie Dupont');
    await user.type(screen.getByLabelText(/purchase order|bon de commande/i), 'BC-118');
    await user.click(screen.getByLabelText(/terms of sale|conditions générales/i));
    await user.click(
      screen.getByRole('button', { name: /accept the quotation|accepter le devis/i }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(/accept/i);
  });

  it('declines with a reason, and explains an expired quotation', async () => {
    const { user } = render([
      {
        request: {
          query: DeclineQuotationDocument,
          variables: {
            input: {
              orderId: order.id,
              version: order.version,
              idempotencyKey: '0000-key-1',
              reason: 'Trop cher',
            },
          },
        },
        result: graphqlError('QUOTATION_EXPIRED'),
      },
    ]);
    await user.click(screen.getByRole('button', { name: /^decline$|^refuser$/i }));
    await user.type(screen.getByLabelText(/why|pourquoi/i), 'Trop cher');
    await user.click(
      screen.getByRole('button', { name: /decline the quotation|refuser le devis/i }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired|expiré/i);
  });

  it('says the role does not allow accepting (FORBIDDEN), as the pages do', async () => {
    const { user } = render([
      {
        request: { query: AcceptQuotationDocument, variables: () => true },
        result: graphqlError('FORBIDDEN', { needed: ['orders:write'], role: 'VIEWER' }),
      },
    ]);
    await user.type(screen.getByLabelText(/your name|votre nom/i), 'Marie Dupont');
    await user.click(screen.getByLabelText(/terms of sale|conditions générales/i));
    await user.click(
      screen.getByRole('button', { name: /accept the quotation|accepter le devis/i }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Votre rôle (Lecteur) ne permet pas ceci. Vous êtes toujours connecté.',
    );
  });
});
