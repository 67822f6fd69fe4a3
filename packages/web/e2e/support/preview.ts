import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';
import { brandFolder } from '../../scripts/vite-plugin-brand';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Serves the production build (dist/) exactly as a static server would, with the same-origin
 * proxy of /graphql and /downloads to the gateway under test, and `brandDir` at /brand/ as
 * the folder mounted in production (null: none, the default brand).
 */
export async function startPreview(
  gatewayUrl: string,
  brandDir: string | null = null,
): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error('packages/web/dist is missing: run `pnpm --filter @portal/web build` first');
  }
  const proxy = {
    '/graphql': { target: gatewayUrl },
    '/downloads': { target: gatewayUrl },
    '^/[^/]+/account_payment_stripe/checkout/': { target: gatewayUrl },
  };
  const server: PreviewServer = await preview({
    root,
    configFile: false,
    plugins: [brandFolder(brandDir)],
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, proxy },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
