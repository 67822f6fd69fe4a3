import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPreview } from './preview';

const gatewayMain = fileURLToPath(new URL('../../../gateway/dist/main.js', import.meta.url));

/** True when the suite can run: a gateway to start (built) or one already running. */
export const stackAvailable = Boolean(process.env.E2E_GATEWAY_URL) || existsSync(gatewayMain);

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Stack {
  /** The built web app, served with its proxy to the gateway. */
  baseURL: string;
  customer: { email: string; password: string; name?: string };
  /** The next e-mail sent to `to`, caught by the test SMTP server; null without one. */
  waitForMail: ((to: string) => Promise<Mail>) | null;
  stop(): Promise<void>;
}

/**
 * E2E_GATEWAY_URL (with E2E_EMAIL and E2E_PASSWORD) points the suite at a gateway that is
 * already running; otherwise it starts the real stack itself (see real-stack.ts).
 */
export async function startStack(): Promise<Stack> {
  const external = process.env.E2E_GATEWAY_URL;
  if (external) {
    const preview = await startPreview(external);
    return {
      baseURL: preview.url,
      customer: {
        email: process.env.E2E_EMAIL ?? '',
        password: process.env.E2E_PASSWORD ?? '',
      },
      waitForMail: null,
      stop: () => preview.close(),
    };
  }
  const { startRealStack } = await import('./real-stack');
  return startRealStack();
}
