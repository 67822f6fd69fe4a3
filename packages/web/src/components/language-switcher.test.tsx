import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInRoute } from '@/features/auth/routes/sign-in';
import { SessionDocument } from '@/gql/graphql';
import { createApolloClient } from '@/lib/apollo';
import { createI18n } from '@/lib/i18n';
import { renderRoutes } from '@/test/render';

describe('language switch', () => {
  it('switches the whole page to English, remembers it, and updates <html lang>', async () => {
    const { user } = renderRoutes({
      routes: [{ path: '/sign-in', element: <SignInRoute /> }],
      path: '/sign-in',
      mocks: [
        {
          request: { query: SessionDocument },
          result: { data: { viewer: null } },
          maxUsageCount: Number.POSITIVE_INFINITY,
        },
      ],
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Connexion à votre espace client',
    );
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Connexion · Portail client');

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'Sign in to your customer area',
    );
    expect(screen.getByLabelText('E-mail address')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Sign in · Customer portal');
    expect(localStorage.getItem('portal.language')).toBe('en');
    expect(createI18n().language).toBe('en');
  });

  it('sends the UI language as Accept-Language with the same-origin session cookie', async () => {
    const i18n = createI18n('fr');
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ data: { viewer: null } }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = createApolloClient({ getLanguage: () => i18n.language, fetch });
    await client.query({ query: SessionDocument, context: { expectsViewer: false } });
    await i18n.changeLanguage('en');
    await client.query({
      query: SessionDocument,
      fetchPolicy: 'network-only',
      context: { expectsViewer: false },
    });

    const headers = fetch.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get('accept-language'),
    );
    expect(headers).toEqual(['fr', 'en']);
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });
});
