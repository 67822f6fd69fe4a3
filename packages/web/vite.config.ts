import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { brandFolder } from './scripts/vite-plugin-brand.ts';
import { graphqlDocuments } from './scripts/vite-plugin-graphql-documents.ts';

// Same-origin in every environment: the dev and preview servers proxy the gateway, traefik does
// it in production, so the session cookie stays first-party and no CORS is involved.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: gateway },
  '/downloads': { target: gateway },
  // GraphiQL's files, when the gateway serves it (GET /graphql from a browser).
  '/graphiql': { target: gateway },
  // Tryton's Stripe checkout page of a payment, relayed by the gateway (its only page of Tryton).
  '^/[^/]+/account_payment_stripe/checkout/': { target: gateway },
};

// The brand folder served at /brand/ by the dev and preview servers (the demo's by default);
// in production it is a folder mounted in the web container (docs/branding.md).
const brandDir =
  process.env.BRAND_DIR ?? fileURLToPath(new URL('./brands/comptoir-lyonnais', import.meta.url));

export default defineConfig({
  plugins: [
    react(),
    graphqlDocuments(fileURLToPath(new URL('./src/gql/gql.ts', import.meta.url))),
    brandFolder(brandDir),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy },
  preview: { proxy },
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
