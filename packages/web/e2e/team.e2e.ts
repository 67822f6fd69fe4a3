import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  a11yViolations,
  launchChromium,
  newPage,
  screenshot,
  type ViewportName,
} from './support/browser';
import { requireOrSkip, type Stack, startStack } from './support/stack';
import { gql } from './support/suite';

// Company accounts (issue 16) in Chromium against the real stack: what each role sees, and an
// administrator's invitation accepted from Tryton's e-mail, the role changed, the member removed.
let stack: Stack;
let browser: Browser;
const PASSWORD = 'Equipe-Demo-2026!';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
}

/** The names of the main navigation's links, once the page shows them. */
async function navigation(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allTextContents()).map((name) => name.trim());
}

describe.each(['desktop', 'phone'] as ViewportName[])('company accounts on a %s', (viewport) => {
  it('each role sees only what it can use', async (ctx) => {
    requireOrSkip(ctx, stack.members !== null, 'the demo members');
    const members = stack.members as NonNullable<Stack['members']>;
    const expected: [string, string, string[], string[]][] = [
      [
        'administrator',
        stack.customer.email,
        ['Accueil', 'Commandes', 'Factures', 'Documents', 'Équipe', 'Compte'],
        ['Montant à régler', 'Commandes en cours'],
      ],
      ['buyer', members.buyer.email, ['Accueil', 'Commandes', 'Compte'], ['Commandes en cours']],
      [
        'accountant',
        members.accountant.email,
        ['Accueil', 'Factures', 'Documents', 'Compte'],
        ['Montant à régler'],
      ],
    ];
    for (const [role, email, links, cards] of expected) {
      const { page, consoleErrors } = await newPage(browser, stack.baseURL, viewport);
      // Every error code the gateway answered this role: none, not even FORBIDDEN.
      const answered: string[] = [];
      const failed: string[] = [];
      page.on('response', async (response) => {
        // The demo has no brand file (brand.json 404s: the default brand); anything else counts.
        if (response.status() >= 400 && !response.url().includes('/brand/'))
          failed.push(`${response.status()} ${response.url()}`);
        if (!response.url().endsWith('/graphql')) return;
        const body = (await response.json().catch(() => null)) as {
          errors?: { extensions?: { code?: string } }[];
        } | null;
        for (const error of body?.errors ?? []) answered.push(error.extensions?.code ?? '?');
      });
      await signIn(page, email, stack.customer.password);
      expect(await navigation(page), role).toEqual(links);
      for (const card of cards) await page.getByRole('heading', { name: card }).waitFor();
      if (role === 'buyer')
        expect(await page.getByRole('heading', { name: 'Montant à régler' }).count()).toBe(0);
      if (role === 'accountant')
        expect(await page.getByRole('heading', { name: 'Commandes en cours' }).count()).toBe(0);
      await screenshot(page, `${viewport}-dashboard-${role}`);
      expect(await a11yViolations(page)).toEqual([]);
      // A page the role cannot use, opened by its address: no FORBIDDEN error page, a message.
      if (role !== 'administrator') {
        await page.goto('/team');
        await page.getByText('Seuls les administrateurs du compte gèrent l’équipe.').waitFor();
      }
      // Nothing the role may not read was asked: the gateway answered no error at all.
      expect(answered, role).toEqual([]);
      expect(failed, role).toEqual([]);
      expect(
        consoleErrors.filter((e) => !e.includes('Failed to load resource')),
        role,
      ).toEqual([]);
      // A list the role may not read, opened by its address: the gateway answers FORBIDDEN,
      // the page says the role does not allow it, and the member stays signed in.
      if (role === 'buyer') {
        await page.goto('/invoices');
        await page.getByText('Votre rôle (Acheteur) ne permet pas ceci.').waitFor();
        expect(answered).toContain('FORBIDDEN');
        expect(new URL(page.url()).pathname).toBe('/invoices');
        expect(await navigation(page)).toEqual(links);
        await screenshot(page, `${viewport}-forbidden-${role}`);
        expect(await a11yViolations(page)).toEqual([]);
      }
      await page.context().close();
    }
  }, 180_000);

  it('invite → accept → change role → remove', async (ctx) => {
    requireOrSkip(ctx, stack.waitForMail !== null, 'a mail catcher');
    const waitForMail = stack.waitForMail as NonNullable<Stack['waitForMail']>;
    const invitee = `nouveau.${viewport}@example.fr`;
    const admin = await newPage(browser, stack.baseURL, viewport);
    await signIn(admin.page, stack.customer.email, stack.customer.password);
    await admin.page.getByRole('link', { name: 'Équipe' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Équipe' }).waitFor();
    await admin.page.getByRole('list', { name: 'Membres du compte' }).waitFor();

    const mail = waitForMail(invitee);
    await admin.page.getByLabel('Adresse e-mail').fill(invitee);
    await admin.page.getByLabel('Rôle', { exact: true }).selectOption('BUYER');
    await admin.page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await admin.page.getByText(`Invitation envoyée à ${invitee}.`).waitFor();
    const row = admin.page.getByRole('listitem').filter({ hasText: invitee });
    await row.getByText('Invité, lien valable jusqu’au').waitFor();
    await screenshot(admin.page, `${viewport}-team-invited`);
    expect(await a11yViolations(admin.page)).toEqual([]);

    // The link of Tryton's e-mail, opened on the app under test (token in the fragment).
    const { text } = await mail;
    const link = text.match(/https?:\/\/[^\s\]]*\/invitation#[^\s\]]+/)?.[0];
    expect(link, `no invitation link in:\n${text}`).toBeTruthy();
    const url = new URL(link ?? '');
    const member = await newPage(browser, stack.baseURL, viewport);
    await member.page.goto(`/invitation${url.hash}`);
    await member.page.getByRole('heading', { name: 'Rejoindre le portail client' }).waitFor();
    await member.page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await member.page.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
    await screenshot(member.page, `${viewport}-invitation`);
    expect(await a11yViolations(member.page)).toEqual([]);
    await member.page.getByRole('button', { name: 'Accepter et se connecter' }).click();
    await member.page.waitForURL((u) => u.pathname === '/');
    expect(await navigation(member.page)).toEqual(['Accueil', 'Commandes', 'Compte']);
    // The buyer opens a past order of the demo, whose "order again" stays on screen.
    const found = await gql<{
      viewer: { orders: { edges: { node: { number: string; reference: string | null } }[] } };
    }>(
      member.page,
      'query ($s: String) { viewer { orders(first: 5, filter: { search: $s }) { edges { node { number reference } } } } }',
      { s: 'DUP-2603-K' },
    );
    const past = found.viewer.orders.edges.find((e) => e.node.reference === 'DUP-2603-K');
    expect(past, 'the demo order DUP-2603-K').toBeTruthy();
    await member.page.goto(`/orders/${encodeURIComponent(past?.node.number ?? '')}`);
    const orderAgain = member.page.getByRole('button', { name: 'Commander à nouveau' });
    await orderAgain.waitFor();

    // The administrator makes them an accountant: the team names who did it.
    await admin.page.reload();
    const select = admin.page.getByLabel(`Rôle de ${invitee}`);
    await select.selectOption('ACCOUNTANT');
    await admin.page.getByText(`Le rôle de ${invitee} a changé`).waitFor();
    await row.getByText(`rôle changé par ${stack.customer.email}`).waitFor();
    // The page the member still has open: ordering again is refused (FORBIDDEN), in the words
    // the pages use for a role, not as an unexpected error.
    await orderAgain.click();
    await member.page.getByText('Votre rôle (Comptable) ne permet pas ceci.').waitFor();
    expect(await member.page.getByText('Une erreur inattendue est survenue').count()).toBe(0);
    await screenshot(member.page, `${viewport}-forbidden-form`);
    expect(await a11yViolations(member.page)).toEqual([]);
    // Their next page has the new role.
    await member.page.reload();
    await expect
      .poll(() => navigation(member.page))
      .toEqual(['Accueil', 'Factures', 'Documents', 'Compte']);

    // Removed: their session ends at once, the next page asks to sign in again.
    admin.page.once('dialog', (dialog) => void dialog.accept());
    await admin.page.getByRole('button', { name: `Retirer ${invitee}` }).click();
    await admin.page.getByText(`${invitee} a été retiré du compte.`).waitFor();
    expect(await admin.page.getByRole('listitem').filter({ hasText: invitee }).count()).toBe(0);
    await member.page.reload();
    await member.page.waitForURL(/\/sign-in/);
    // And the link cannot be used again.
    await member.page.goto(`/invitation${url.hash}`);
    await member.page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await member.page.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
    await member.page.getByRole('button', { name: 'Accepter et se connecter' }).click();
    await member.page.getByText('Ce lien d’invitation n’est plus valable').waitFor();
    await member.page.context().close();
    await admin.page.context().close();
  }, 180_000);
});
