import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPreview } from './preview';
import type { Stack, StripeSide } from './stack';

// The web app depends on nothing of ours at runtime; its browser tests borrow the other
// packages' built entry points by path, so no workspace dependency is needed.
const packages = fileURLToPath(new URL('../../../', import.meta.url));
const load = (path: string) => import(pathToFileURL(`${packages}${path}`).href);

interface DemoCustomer {
  email: string;
  password: string;
  partyName: string;
}
interface DemoTryton {
  url: string;
  database: string;
  gateway: { login: string; password: string };
  customers: { marie: DemoCustomer; wholesaler: DemoCustomer };
  members: Record<'buyer' | 'accountant', DemoCustomer>;
  mailbox: { messages: { to: string[]; subject: string; text: string }[] };
  stripe: StripeSide | null;
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

/**
 * Resolves once the gateway answers ready on `port`, and it is this child that holds the port:
 * a port found free may be taken by another server before the gateway binds it.
 */
async function waitForGateway(url: string, port: number, child: ChildProcess): Promise<void> {
  const { holdsListener } = (await load('devstack/dist/index.js')) as {
    holdsListener(pid: number, port: number): Promise<boolean | undefined>;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok && (await holdsListener(child.pid as number, port)) !== false) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('gateway was not ready within 60 s');
}

/**
 * Debian's Tryton with the demo data, its SMTP catcher, the built gateway (with `gatewayEnv`
 * added to its settings), the built app.
 */
export async function startRealStack(gatewayEnv: Record<string, string> = {}): Promise<Stack> {
  const demo = await load('demo-data/dist/index.js');
  const port = await freePort();
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const preview = await startPreview(gatewayUrl);
  // E-mail links (password reset) point to the app under test.
  const tryton: DemoTryton = await demo.startDemoTryton({ portalUrl: preview.url });
  const gateway = spawn(process.execPath, [`${packages}gateway/dist/main.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      TRYTON_URL: tryton.url,
      TRYTON_DATABASE: tryton.database,
      TRYTON_GATEWAY_LOGIN: tryton.gateway.login,
      TRYTON_GATEWAY_PASSWORD: tryton.gateway.password,
      LOG_LEVEL: 'warn',
      // Quotas are tested on their own (the gateway's quotas tests); here, a test opening
      // pages faster than a customer would must not be throttled (a detail page is priced up
      // to ~1,000 of the default 4,000 points before it runs, the unused part given back
      // after: the phone runs, right after the desktop ones, met 429 on a busy machine).
      QUOTA_BUCKET_SIZE: '1000000',
      QUOTA_WRITE_BUCKET_SIZE: '1000000',
      ...gatewayEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForGateway(gatewayUrl, port, gateway);
  } catch (error) {
    gateway.kill('SIGTERM');
    await preview.close();
    await tryton.stop();
    throw error;
  }
  const { marie, wholesaler } = tryton.customers;
  return {
    baseURL: preview.url,
    gatewayUrl,
    customer: { email: marie.email, password: marie.password, name: marie.partyName },
    wholesaler: { email: wholesaler.email, password: wholesaler.password },
    members: {
      buyer: { email: tryton.members.buyer.email, password: tryton.members.buyer.password },
      accountant: {
        email: tryton.members.accountant.email,
        password: tryton.members.accountant.password,
      },
    },
    // The next mail to `to`, not an earlier one (a second reset must read its own link).
    waitForMail: async (to) => {
      const { messages } = tryton.mailbox;
      const start = messages.length;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const mail = messages.slice(start).find((m) => m.to.includes(to.toLowerCase()));
        if (mail) return { to, subject: mail.subject, text: mail.text };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no mail to ${to} within 30 s`);
    },
    stripe: tryton.stripe,
    async stop() {
      await preview.close();
      gateway.kill('SIGTERM');
      await new Promise((resolve) => gateway.once('exit', resolve));
      await tryton.stop();
    },
  };
}
