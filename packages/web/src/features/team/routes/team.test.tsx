import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ChangeMemberRoleDocument,
  InviteMemberDocument,
  MembersDocument,
  RemoveMemberDocument,
} from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { TeamRoute } from './team';

const member = (
  id: string,
  email: string,
  role: string,
  state = 'ACTIVE',
  roleChangedBy: string | null = null,
) => ({
  __typename: 'Member' as const,
  id,
  email,
  role,
  state,
  invitedBy: state === 'ACTIVE' ? null : 'marie@dupont.fr',
  roleChangedBy: roleChangedBy ? { __typename: 'Author' as const, email: roleChangedBy } : null,
  invitationExpiresAt: state === 'ACTIVE' ? null : '2026-12-01T10:00:00Z',
});

const members = (list: ReturnType<typeof member>[]) => ({
  request: { query: MembersDocument },
  result: {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        email: 'marie@dupont.fr',
        name: 'Épicerie Dupont',
        members: list,
      },
    },
  },
});

const MARIE = member('m1', 'marie@dupont.fr', 'ADMINISTRATOR');
const LUC = member('m2', 'luc@dupont.fr', 'BUYER');

function renderTeam(mocks: Parameters<typeof renderRoutes>[0]['mocks']) {
  return renderRoutes({
    routes: [{ path: '/team', element: <TeamRoute /> }],
    path: '/team',
    mocks,
  });
}

describe('the team page', () => {
  it('lists the members and invites someone with a role', async () => {
    const key = '00000000-0000-4000-8000-000000000001';
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(key);
    const invited = member('m3', 'zoe@dupont.fr', 'ACCOUNTANT', 'INVITED');
    const { user } = renderTeam([
      members([MARIE, LUC]),
      {
        request: {
          query: InviteMemberDocument,
          variables: { input: { email: 'zoe@dupont.fr', role: 'ACCOUNTANT', idempotencyKey: key } },
        },
        result: {
          data: {
            inviteMember: { __typename: 'MemberPayload', replayed: false, member: invited },
          },
        },
      },
      members([MARIE, LUC, invited]),
    ]);
    await screen.findByText('luc@dupont.fr');
    expect(screen.getByText('(vous)')).toBeTruthy();
    await user.type(screen.getByLabelText('Adresse e-mail'), 'zoe@dupont.fr');
    await user.selectOptions(screen.getByLabelText('Rôle'), 'ACCOUNTANT');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));
    await screen.findByText('Invitation envoyée à zoe@dupont.fr.');
    await screen.findByText('zoe@dupont.fr');
    expect(
      screen.getByRole('button', { name: 'Annuler l’invitation de zoe@dupont.fr' }),
    ).toBeTruthy();
  });

  it('says who changed a member’s role, in French and in English', async () => {
    const luc = member('m2', 'luc@dupont.fr', 'BUYER', 'ACTIVE', 'marie@dupont.fr');
    renderTeam([members([MARIE, luc])]);
    const row = (await screen.findByText('luc@dupont.fr')).closest('li') as HTMLElement;
    expect(row).toHaveTextContent('Actif · rôle changé par marie@dupont.fr');
    // Nobody changed Marie's role: nothing said.
    const marie = screen.getByText('marie@dupont.fr').closest('li') as HTMLElement;
    expect(marie).not.toHaveTextContent('changé par');
    cleanup();
    renderRoutes({
      routes: [{ path: '/team', element: <TeamRoute /> }],
      path: '/team',
      mocks: [members([MARIE, luc])],
      language: 'en',
    });
    const english = (await screen.findByText('luc@dupont.fr')).closest('li') as HTMLElement;
    expect(english).toHaveTextContent('Active · role changed by marie@dupont.fr');
  });

  it('says the role does not allow an invitation, as the pages do (FORBIDDEN)', async () => {
    // Marie was made a buyer since the page was shown: the gateway refuses.
    const { user } = renderTeam([
      members([MARIE, LUC]),
      {
        request: { query: InviteMemberDocument, variables: () => true },
        result: graphqlError('FORBIDDEN', { needed: ['members:manage'], role: 'BUYER' }),
      },
    ]);
    await screen.findByText('luc@dupont.fr');
    await user.type(screen.getByLabelText('Adresse e-mail'), 'zoe@dupont.fr');
    await user.click(screen.getByRole('button', { name: 'Envoyer l’invitation' }));
    const alert = await screen.findByText(/^Votre rôle \(Acheteur\) ne permet pas ceci\./);
    expect(alert).toHaveTextContent('Vous êtes toujours connecté.');
    expect(screen.queryByText('Une erreur inattendue est survenue. Réessayez.')).toBeNull();
  });

  it('says why the last administrator cannot be demoted', async () => {
    const { user } = renderTeam([
      members([MARIE, LUC]),
      {
        request: { query: ChangeMemberRoleDocument, variables: () => true },
        result: graphqlError('LAST_ADMINISTRATOR'),
      },
    ]);
    await user.selectOptions(await screen.findByLabelText('Rôle de marie@dupont.fr'), 'VIEWER');
    await screen.findByText(
      'Le compte doit garder un administrateur : nommez d’abord un autre administrateur.',
    );
  });

  it('removes a member after asking', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderTeam([
      members([MARIE, LUC]),
      {
        request: { query: RemoveMemberDocument, variables: () => true },
        result: { data: { removeMember: { __typename: 'RemoveMemberPayload', memberId: 'm2' } } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Retirer luc@dupont.fr' }));
    await screen.findByText('luc@dupont.fr a été retiré du compte.');
    expect(screen.queryByRole('button', { name: 'Retirer luc@dupont.fr' })).toBeNull();
  });
});
