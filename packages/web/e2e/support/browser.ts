import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Debian's Chromium: Playwright's own browser download is not available on these machines. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function newPage(browser: Browser, baseURL: string, viewport: ViewportName) {
  const context = await browser.newContext({
    ...VIEWPORTS[viewport],
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors };
}

/**
 * A PNG in e2e/artifacts. Phones get the visible screen (the tab bar is fixed), desktops the
 * whole page; `fullPage` takes a phone's whole page too, for what lies below its first screen.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const fullPage = options.fullPage ?? (page.viewportSize()?.width ?? 0) > 640;
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage, animations: 'disabled' });
}

/** The element's box; fails when it is not shown. */
export async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not shown: ${locator}`);
  return { ...found, right: found.x + found.width, bottom: found.y + found.height };
}

/** What axe checks: WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices (landmarks, headings). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Axe on the current page: every violation of AXE_TAGS, whatever its impact (minor and
 * moderate included: a missing main landmark or level-one heading is "moderate"), described
 * for a person.
 */
export async function a11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** What each element inside `root` draws of a box: its bordered sides and its shadow. */
export async function edgesInside(
  root: Locator,
): Promise<{ name: string; sides: string[]; shadow: boolean }[]> {
  return root.evaluate((container) =>
    [...container.querySelectorAll('*')].flatMap((element) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      // Visually hidden (a phone table's header) or not shown: draws nothing.
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') return [];
      const sides = ['top', 'right', 'bottom', 'left'].filter(
        (side) =>
          style.getPropertyValue(`border-${side}-style`) !== 'none' &&
          Number.parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0,
      );
      const shadow = style.boxShadow !== 'none';
      if (!sides.length && !shadow) return [];
      const name = `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}`;
      return [{ name, sides, shadow }];
    }),
  );
}

/**
 * The elements inside `card` that draw a box of their own: a border on three or four sides, or
 * a shadow (a card inside the card, whose borders double the card's). Dividers (one side) are
 * not boxes.
 */
export async function boxesInside(card: Locator): Promise<string[]> {
  return (await edgesInside(card))
    .filter((edge) => edge.sides.length >= 3 || edge.shadow)
    .map((edge) => `${edge.name} (${edge.sides.join(' ')}${edge.shadow ? ', shadow' : ''})`);
}
