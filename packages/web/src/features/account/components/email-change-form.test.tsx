import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequestEmailChangeDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { EmailChangeForm } from './email-change-form';

const next = 'marie@nouvelle-adresse.fr';

function render(result: object) {
  return renderRoutes({
    routes: [{ path: '/account', element: <EmailChangeForm /> }],
    path: '/account',
    language: 'en',
    mocks: [
      {
        request: {
          query: RequestEmailChangeDocument,
          variables: { newEmail: next, currentPassword: 'Portail-Demo-2026!' },
        },
        result,
      },
    ],
  });
}

async function fill(user: ReturnType<typeof render>['user']) {
  await user.click(screen.getByRole('button', { name: 'Change the sign-in e-mail' }));
  await user.type(screen.getByLabelText('New sign-in e-mail'), next);
  await user.type(screen.getByLabelText('Current password'), 'Portail-Demo-2026!');
  await user.click(screen.getByRole('button', { name: 'Send the confirmation link' }));
}

describe('changing the sign-in e-mail', () => {
  it('says a link went to the new address and the current one works until then', async () => {
    const { user } = render({
      data: {
        requestEmailChange: {
          __typename: 'EmailChangePayload',
          pendingEmail: next,
          expiresAt: '2026-12-01T10:00:00Z',
        },
      },
    });
    await fill(user);
    expect(await screen.findByRole('status')).toHaveTextContent(
      `A confirmation link was sent to ${next}. Until you open it, sign in with your current address.`,
    );
  });

  it('shows a wrong password under the password field', async () => {
    const { user } = render(graphqlError('INVALID_CREDENTIALS'));
    await fill(user);
    expect(await screen.findByText('The current password is wrong.')).toBeVisible();
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
      'The current password is wrong.',
    );
  });
});
