import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPreview } from './preview';
import type { Mail, Stack } from './stack';

// The web app depends on nothing of ours at runtime; its browser tests borrow the other
// packages' test entry points by path, so no workspace dependency is needed.
const packages = fileURLToPath(new URL('../../../', import.meta.url));
const load = (path: string) => import(pathToFileURL(`${packages}${path}`).href);

interface SmtpCatcher {
  port: number;
  waitForMail(to: string): Promise<Mail>;
  stop(): Promise<void>;
}
interface DemoTryton {
  url: string;
  database: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForGateway(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('gateway did not answer within 60 s');
}

/** Debian's Tryton with the demo data, the SMTP catcher, the built gateway, the built app. */
export async function startRealStack(): Promise<Stack> {
  const devstack = await load('devstack/src/index.ts');
  const demo = await load('demo-data/src/index.ts');
  const smtp: SmtpCatcher = await devstack.startSmtpCatcher();
  const tryton: DemoTryton = await demo.startDemoTryton({ smtpPort: smtp.port });
  const port = await freePort();
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const gateway = spawn(process.execPath, [`${packages}gateway/dist/main.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      TRYTON_URL: tryton.url,
      TRYTON_DATABASE: tryton.database,
      TRYTON_GATEWAY_LOGIN: 'portal_gateway',
      TRYTON_GATEWAY_PASSWORD:
        process.env.TRYTON_GATEWAY_PASSWORD ?? 'portal-gateway-demo-password',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForGateway(gatewayUrl, gateway);
  const preview = await startPreview(gatewayUrl);
  const customer = demo.DEMO.customer as { email: string; password: string; name?: string };
  return {
    baseURL: preview.url,
    customer: { ...customer },
    waitForMail: (to) => smtp.waitForMail(to),
    async stop() {
      await preview.close();
      gateway.kill('SIGTERM');
      await tryton.stop();
      await smtp.stop();
    },
  };
}
