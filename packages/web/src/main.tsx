import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { routes } from './app/router';
import { createApolloClient } from './lib/apollo';
import { createI18n } from './lib/i18n';
import './styles.css';

const i18n = createI18n();
const client = createApolloClient({ getLanguage: () => i18n.language });
const router = createBrowserRouter(routes);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Providers client={client} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
