import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { routes } from './app/router';
import { applyBrand } from './brand/apply-brand';
import { loadBrand, reportBrand } from './brand/brand';
import { BrandProvider } from './brand/brand-context';
import { createApolloClient } from './lib/apollo';
import { createI18n, loadLanguage, storedLanguage } from './lib/i18n';
import './styles.css';

const language = storedLanguage() ?? 'fr';
// Created first: the router starts fetching the page's chunk while the brand file loads.
const router = createBrowserRouter(routes);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The brand comes before the first paint (no flash of the default look); loadBrand never
// throws and gives up after a few seconds: a missing or bad file shows the default brand.
// The customer's language, if not French, loads meanwhile (its own chunk).
Promise.all([loadBrand(), loadLanguage(language).catch(() => undefined)]).then(([brand]) => {
  const i18n = createI18n(language);
  const client = createApolloClient({ getLanguage: () => i18n.language });
  reportBrand(brand);
  document.documentElement.dataset.brand = brand.status;
  applyBrand(brand.brand);
  createRoot(root).render(
    <StrictMode>
      <BrandProvider brand={brand.brand}>
        <Providers client={client} i18n={i18n}>
          <RouterProvider router={router} />
        </Providers>
      </BrandProvider>
    </StrictMode>,
  );
});
