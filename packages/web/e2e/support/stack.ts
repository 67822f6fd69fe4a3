import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'vitest';
import { startPreview } from './preview';

const gatewayMain = fileURLToPath(new URL('../../../gateway/dist/main.js', import.meta.url));

/**
 * CI=true: every prerequisite is required. Elsewhere a test that needs what an external
 * gateway cannot give (its mailbox, a second customer) is skipped, and says why.
 */
export const required = process.env.CI === 'true';

/** Skips the test outside CI; fails it in CI, where a skipped test would pass unnoticed. */
export function requireOrSkip(ctx: TestContext, ok: boolean, what: string): void {
  if (ok) return;
  if (required) throw new Error(`browser tests: ${what} is missing (CI=true: not skipped)`);
  ctx.skip(`${what} is missing`);
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Stack {
  /** The built web app, served with its proxy to the gateway. */
  baseURL: string;
  /** The gateway, for more previews of the same build (another brand). */
  gatewayUrl: string;
  customer: { email: string; password: string; name?: string };
  /** A customer with more than one page of orders (the demo's wholesaler); null if unknown. */
  wholesaler: { email: string; password: string } | null;
  /** The first customer's buyer and accountant (issue 16); null when unknown. */
  members: Record<'buyer' | 'accountant', { email: string; password: string }> | null;
  /** The next e-mail sent to `to`, caught by the test SMTP server; null without one. */
  waitForMail: ((to: string) => Promise<Mail>) | null;
  /**
   * The Stripe stand-in Tryton's account_payment_stripe talks to (packages/devstack): what the
   * customer does on Stripe's side; null against an external gateway or without the module.
   */
  stripe: StripeSide | null;
  stop(): Promise<void>;
}

export interface StripeSide {
  /** The payment intents Tryton created, by id, oldest first. */
  intents: Map<string, { id: string; amount: number; status: string }>;
  /** The customer paid: Stripe's signed webhooks reach Tryton (their HTTP statuses). */
  succeed(id: string): Promise<number[]>;
}

/**
 * E2E_GATEWAY_URL (with E2E_EMAIL and E2E_PASSWORD, and E2E_WHOLESALER_EMAIL and
 * E2E_WHOLESALER_PASSWORD for a customer with more than one page of orders) points the suite at a gateway that is
 * already running; otherwise it starts the real stack itself (see real-stack.ts).
 */
export async function startStack(gatewayEnv: Record<string, string> = {}): Promise<Stack> {
  const external = process.env.E2E_GATEWAY_URL;
  if (!external && !existsSync(gatewayMain)) {
    throw new Error(
      'browser tests: packages/gateway/dist/main.js is missing: run `pnpm -r build` first, or set E2E_GATEWAY_URL',
    );
  }
  if (external) {
    const preview = await startPreview(external);
    return {
      baseURL: preview.url,
      gatewayUrl: external,
      customer: {
        email: process.env.E2E_EMAIL ?? '',
        password: process.env.E2E_PASSWORD ?? '',
      },
      wholesaler: process.env.E2E_WHOLESALER_EMAIL
        ? {
            email: process.env.E2E_WHOLESALER_EMAIL,
            password: process.env.E2E_WHOLESALER_PASSWORD ?? '',
          }
        : null,
      members: null,
      waitForMail: null,
      stripe: null,
      stop: () => preview.close(),
    };
  }
  const { startRealStack } = await import('./real-stack');
  return startRealStack(gatewayEnv);
}
