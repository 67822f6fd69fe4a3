import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandFromText } from '../src/brand/brand';
import { espaceClientSnippet } from '../src/brand/snippet';
import { ARTIFACTS, launchChromium, newPage, screenshot } from './support/browser';
import { startPreview } from './support/preview';
import { type Stack, startStack } from './support/stack';

// One build (dist/), served three times with three brand folders: the demo's, a second brand
// that only the tests know, and a broken file. What differs on screen can only come from the
// brand file read at run time.
const folder = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const BRANDS = {
  demo: folder('../brands/comptoir-lyonnais'),
  second: folder('./brands/maison-verte'),
  broken: folder('./brands/broken'),
};
type BrandName = keyof typeof BRANDS;

interface BrandFile {
  name: string;
  colours: { primary: string; background: string };
  font: { stack: string; files?: { family: string }[] };
  links: Record<'home' | 'contact' | 'legalNotice' | 'privacyPolicy', string>;
  welcome: { fr: string; en: string };
}
const file = (name: BrandName): BrandFile =>
  JSON.parse(readFileSync(`${BRANDS[name]}/brand.json`, 'utf8'));

let stack: Stack;
let browser: Browser;
const previews = {} as Record<BrandName, { url: string; close(): Promise<void> }>;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  for (const name of Object.keys(BRANDS) as BrandName[]) {
    previews[name] = await startPreview(stack.gatewayUrl, BRANDS[name]);
  }
});

afterAll(async () => {
  await browser?.close();
  for (const preview of Object.values(previews)) await preview.close();
  await stack?.stop();
});

/** Every axe violation, whatever its impact: the brands must add none. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** What the page shows of the brand, read from the rendered DOM and computed styles. */
async function shownBrand(page: Page) {
  // The logo loads after the page renders: wait until it has loaded or failed (a broken logo
  // is complete with no width, which the assertions then catch), never read it half-way.
  await page.waitForFunction(
    () => document.querySelector<HTMLImageElement>('header img.logo-image')?.complete !== false,
  );
  return page.evaluate(() => {
    const footerLinks = [...document.querySelectorAll<HTMLAnchorElement>('.brand-footer a')];
    const logo = document.querySelector<HTMLImageElement>('header img.logo-image');
    const button = document.querySelector('button[type="submit"], .btn-primary');
    return {
      status: document.documentElement.dataset.brand,
      name: document.querySelector('header .logo-text')?.textContent,
      logoLoaded: Boolean(logo?.complete && logo.naturalWidth > 0),
      favicon: document.querySelector('link[rel="icon"]')?.getAttribute('href'),
      links: footerLinks.map((a) => a.getAttribute('href')),
      background: getComputedStyle(document.body).backgroundColor,
      primary: button ? getComputedStyle(button).backgroundColor : null,
      font: getComputedStyle(document.body).fontFamily,
    };
  });
}

describe.each(['demo', 'second'] as BrandName[])('the %s brand', (name) => {
  const brand = file(name);
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    ({ page, consoleErrors } = await newPage(browser, previews[name].url, 'desktop'));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('brands the sign-in page: name, logo, icon, colours, font, links, welcome text', async () => {
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe(`Connexion · ${brand.name}`);
    const shown = await shownBrand(page);
    expect(shown).toMatchObject({
      status: 'custom',
      name: brand.name,
      logoLoaded: true,
      links: [
        brand.links.home,
        brand.links.contact,
        brand.links.legalNotice,
        brand.links.privacyPolicy,
      ],
      background: rgb(brand.colours.background),
      primary: rgb(brand.colours.primary),
      font: brand.font.stack,
    });
    expect(shown.favicon).toMatch(/^\/brand\//);
    expect((await page.request.get(shown.favicon ?? '')).status()).toBe(200);
    await page.getByText(brand.welcome.fr).waitFor();
    for (const family of brand.font.files ?? []) {
      await expect
        .poll(() => page.evaluate((f) => document.fonts.check(`16px "${f}"`), family.family))
        .toBe(true);
    }
    await screenshot(page, `brand-${name}-sign-in`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(brand.welcome.en).waitFor();
    expect(await page.title()).toBe(`Sign in · ${brand.name}`);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByText(brand.welcome.fr).waitFor();
  });

  it('brands the signed-in pages', async () => {
    await page.getByLabel('Adresse e-mail').fill(stack.customer.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(stack.customer.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.big-number').waitFor();
    expect(await page.title()).toBe(`Tableau de bord · ${brand.name}`);
    const shown = await shownBrand(page);
    expect(shown.name).toBe(brand.name);
    expect(shown.logoLoaded).toBe(true);
    expect(shown.links).toHaveLength(4);
    await screenshot(page, `brand-${name}-dashboard`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Factures', exact: true }).click();
    await page.locator('table.data-table tbody tr').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('gives the showcase site an "Espace client" button in the brand style, to the portal', async () => {
    const resolved = brandFromText(readFileSync(`${BRANDS[name]}/brand.json`, 'utf8')).brand;
    const snippet = espaceClientSnippet(resolved, previews[name].url);
    const showcase = await newPage(browser, previews[name].url, 'desktop');
    try {
      await showcase.page.setContent(
        `<!doctype html><html lang="fr"><head><title>${brand.name}</title></head><body><main><h1>${brand.name}</h1><p>${snippet}</p></main></body></html>`,
      );
      const link = showcase.page.getByRole('link', { name: 'Espace client' });
      expect(await link.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(
        rgb(brand.colours.primary),
      );
      expect(await axeViolations(showcase.page)).toEqual([]);
      await link.screenshot({ path: `${ARTIFACTS}brand-${name}-snippet.png` });
      await link.click();
      await showcase.page.waitForURL(/\/sign-in/);
      await expect.poll(() => showcase.page.title()).toBe(`Connexion · ${brand.name}`);
    } finally {
      await showcase.context.close();
    }
  });

  it('brands the phone layout', async () => {
    const phone = await newPage(browser, previews[name].url, 'phone');
    try {
      await phone.page.goto('/sign-in');
      await phone.page.getByText(brand.welcome.fr).waitFor();
      await screenshot(phone.page, `brand-${name}-phone-sign-in`);
      expect(await axeViolations(phone.page)).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});

describe('one build, several brands', () => {
  it('serves the same files to every brand: only /brand/ differs', async () => {
    const pages = await Promise.all(
      Object.values(previews).map(async (p) => (await fetch(`${p.url}/sign-in`)).text()),
    );
    expect(new Set(pages).size).toBe(1);
    const names = await Promise.all(
      Object.values(previews).map(async (p) => (await fetch(`${p.url}/brand/brand.json`)).text()),
    );
    expect(new Set(names).size).toBe(3);
  });
});

describe('a broken brand file', () => {
  it('shows the default brand, and says what is wrong in the console', async () => {
    const { page, context, consoleErrors } = await newPage(browser, previews.broken.url, 'desktop');
    try {
      await page.goto('/sign-in');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.title()).toBe('Connexion · Portail client');
      const shown = await shownBrand(page);
      expect(shown).toMatchObject({ status: 'fallback', name: 'Portail client', links: [] });
      expect(shown.primary).toBe(rgb('#1d4ed8'));
      const report = consoleErrors.find((e) =>
        e.startsWith('Brand file /brand/brand.json refused'),
      );
      expect(report).toContain('name: must not be empty');
      expect(report).toContain('colours.primary: expected a #rrggbb colour');
      expect(report).toContain('links.home: expected an https:// address');
      expect(report).toContain('(file): unknown key "welcom"');
      // The portal still works: the sign-in form is there and usable.
      await page.getByLabel('Adresse e-mail').fill(stack.customer.email);
      await page.getByLabel('Mot de passe', { exact: true }).fill(stack.customer.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.locator('.big-number').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
