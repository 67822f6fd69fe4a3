import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Serves the production build (dist/) exactly as a static server would, with the same-origin
 * proxy of /graphql and /downloads to the gateway under test.
 */
export async function startPreview(
  gatewayUrl: string,
): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error('packages/web/dist is missing: run `pnpm --filter @portal/web build` first');
  }
  const proxy = {
    '/graphql': { target: gatewayUrl },
    '/downloads': { target: gatewayUrl },
  };
  const server: PreviewServer = await preview({
    root,
    configFile: false,
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
