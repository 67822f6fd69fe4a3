import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser';
import { type Stack, startStack } from './stack';

/**
 * The file's stack and Chromium, started before its tests and stopped after them. No stack, no
 * browser: every test of the file fails with the reason; a browser test never skips itself.
 */
export function realStackSuite(
  /** Settings of the gateway the file starts (the real stack only), e.g. a small export limit. */
  gatewayEnv: Record<string, string> = {},
): { readonly stack: Stack; readonly browser: Browser } {
  const suite = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    suite.stack = await startStack(gatewayEnv);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}

/** Signs `customer` in on the sign-in page (French) and waits for the dashboard. */
export async function signIn(page: Page, customer: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Adresse e-mail').fill(customer.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(customer.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The gateway's answer for the signed-in customer (the page's cookie), which has no error. */
export async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}
