import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AcceptInvitationDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { InvitationRoute } from './invitation';

// As Tryton's invitation e-mail writes it (portal_api's members.py): in the fragment.
const path = '/invitation#token=tok-9&email=luc%40dupont.fr';
const password = 'Brioche-Kx7!Vqz2';

function setup(result: object, at = path) {
  const sent = vi.fn();
  const view = renderRoutes({
    routes: [
      { path: '/invitation', element: <InvitationRoute /> },
      { path: '/', element: <p>Accueil du membre</p> },
    ],
    path: at,
    mocks: [
      {
        request: { query: AcceptInvitationDocument, variables: () => true },
        result: (variables: object) => {
          sent(variables);
          return result;
        },
      },
    ],
  });
  return { ...view, sent };
}

async function accept(user: ReturnType<typeof setup>['user']) {
  await user.type(screen.getByLabelText('Mot de passe'), password);
  await user.type(screen.getByLabelText('Confirmez le mot de passe'), password);
  await user.click(screen.getByRole('button', { name: 'Accepter et se connecter' }));
}

describe('invitation page (from the e-mail link)', () => {
  it('sets the password with the link’s token and signs in', async () => {
    const customer = {
      __typename: 'Customer',
      id: 'c-2',
      name: 'Épicerie Dupont',
      email: 'luc@dupont.fr',
      language: 'FR',
      role: 'BUYER',
      scopes: ['ORDERS_READ', 'ORDERS_WRITE'],
    };
    const { user, sent } = setup({
      data: { acceptInvitation: { __typename: 'LoginPayload', customer } },
    });
    expect(
      screen.getByText('Choisissez votre mot de passe pour vous connecter avec luc@dupont.fr.'),
    ).toBeInTheDocument();
    await accept(user);
    await screen.findByText('Accueil du membre');
    expect(sent).toHaveBeenCalledWith({ email: 'luc@dupont.fr', token: 'tok-9', password });
  });

  it('says when the link was used or expired', async () => {
    const { user } = setup(graphqlError('INVALID_TOKEN'));
    await accept(user);
    await screen.findByText(/Ce lien d’invitation n’est plus valable/);
  });

  it('says when the link is incomplete', () => {
    setup({}, '/invitation#email=luc%40dupont.fr');
    expect(screen.getByText(/Ce lien est incomplet/)).toBeInTheDocument();
  });
});
