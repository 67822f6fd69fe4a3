import { describe, expect, it } from 'vitest';
import { a11yViolations, newPage, screenshot, type ViewportName } from './support/browser';
import { realStackSuite, signIn } from './support/suite';

/**
 * The gateway's GraphiQL (GET /graphql from a browser, on outside production): the same axe
 * check as the app's pages, and no header typed in it kept by the browser.
 */
const suite = realStackSuite();

describe('GraphiQL, the gateway’s GraphQL playground', () => {
  async function openGraphiQL() {
    const opened = await newPage(suite.browser, suite.stack.gatewayUrl, 'desktop');
    await opened.page.goto('/graphql');
    await opened.page.locator('.graphiql-tab-button').first().waitFor();
    // Monaco's editors are filled once their workers answered.
    await opened.page.getByText('mutation SignIn').waitFor();
    return opened;
  }

  it('axe (WCAG 2.x A and AA, best practices, every impact) finds no violation, with one tab and with two', async () => {
    const { page, context, consoleErrors } = await openGraphiQL();
    try {
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'GraphQL playground – Portail clients',
      );
      expect(await a11yViolations(page)).toEqual([]);
      // A second tab: each tab then has a close button, and the active tab is marked.
      await page.getByRole('button', { name: 'New tab' }).click();
      await page.locator('.graphiql-tab-button').nth(1).waitFor();
      await page.locator('.graphiql-tab-button').first().click();
      expect(await page.locator('.graphiql-tab-button[aria-current="true"]').textContent()).toBe(
        'SignIn',
      );
      expect(await a11yViolations(page)).toEqual([]);
      // The tabs are still reached and switched with the keyboard alone.
      await page.locator('.graphiql-tab-button').nth(1).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.graphiql-tab-button[aria-current="true"]').textContent())
        .toBe('<untitled>');
      await screenshot(page, 'graphiql-desktop');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a Bearer token typed in its headers editor out of localStorage', async () => {
    const { page, context } = await openGraphiQL();
    try {
      await page.getByRole('button', { name: 'Headers' }).click();
      const editor = page.locator('.graphiql-editor-tool .monaco-editor').last();
      await editor.click();
      await page.keyboard.type('"Authorization": "Bearer e2e-secret-token"');
      await expect.poll(() => editor.textContent()).toContain('e2e-secret-token');
      // GraphiQL writes its state (the query, the tabs) to localStorage as it changes: it
      // did write, and nothing it wrote holds the token.
      await page.keyboard.press('Tab');
      await page.waitForTimeout(1000);
      const stored = await page.evaluate(() =>
        Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
      );
      expect(stored.some((entry) => entry.startsWith('graphiql:'))).toBe(true);
      expect(stored.filter((entry) => entry.includes('e2e-secret-token'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The app's pages that no other browser test runs axe on. */
describe.each(['desktop', 'phone'] as ViewportName[])(
  'pages without another axe check, on a %s',
  (viewport) => {
    it('axe finds no violation, and the console no error, on forgot-password, validate-email (a used link) and not-found', async () => {
      const { page, context, consoleErrors } = await newPage(
        suite.browser,
        suite.stack.baseURL,
        viewport,
      );
      try {
        // No brand is mounted here: its brand.json must not be a failed load on every page
        // (it was a 404, four console errors on these pages).
        await page.goto('/forgot-password');
        await page.getByRole('heading', { name: 'Mot de passe oublié', level: 1 }).waitFor();
        expect(await page.locator('html').getAttribute('data-brand')).toBe('default');
        expect(await a11yViolations(page)).toEqual([]);
        expect(consoleErrors).toEqual([]);

        await page.goto('/validate-email#token=e2e-not-a-token');
        await page.getByText('Ce lien de validation n’est plus valide').waitFor();
        expect(await a11yViolations(page)).toEqual([]);
        expect(consoleErrors).toEqual([]);

        await signIn(page, suite.stack.customer);
        await page.goto('/no-such-page');
        await page.locator('.not-found').waitFor();
        expect(await a11yViolations(page)).toEqual([]);
        await screenshot(page, `${viewport}-not-found`);
        expect(consoleErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  },
);
