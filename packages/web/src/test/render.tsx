import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import type { Brand } from '@/brand/brand';
import { BrandProvider } from '@/brand/brand-context';
import { createCache } from '@/lib/apollo';
import { createI18n, type UiLanguage } from '@/lib/i18n';

interface Options {
  routes: RouteObject[];
  path: string;
  mocks: MockLink.MockedResponse[];
  language?: UiLanguage;
  /** The default brand unless given. */
  brand?: Brand;
}

/** Renders routes at `path` with the app's cache policies, i18n and mocked GraphQL. */
export function renderRoutes({ routes, path, mocks, language = 'fr', brand }: Options) {
  const i18n = createI18n(language);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const app = (
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks} cache={createCache()}>
        <RouterProvider router={router} />
      </MockedProvider>
    </I18nextProvider>
  );
  const view = render(brand ? <BrandProvider brand={brand}>{app}</BrandProvider> : app);
  return { ...view, router, i18n, user };
}

/** A GraphQL error as the gateway sends it. */
export function graphqlError(code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message: code, extensions: { code, ...extensions } }] };
}
