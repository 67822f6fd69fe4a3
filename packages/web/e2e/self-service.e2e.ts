import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yViolations, newPage, screenshot, type ViewportName } from './support/browser';
import { gql, realStackSuite, signIn } from './support/suite';

// The customer's writes and paying by transfer, in Chromium against the real stack (a Tryton
// database of its own, from the demo data): what the customer clicks, and what Tryton holds
// afterwards, read back through the gateway.
const suite = realStackSuite();

interface OrderRow {
  number: string;
  reference: string | null;
  state: string;
}

/** Marie's order of the demo data with this reference (the demo's own references). */
async function order(page: Page, reference: string): Promise<OrderRow> {
  const data = await gql<{ viewer: { orders: { edges: { node: OrderRow }[] } } }>(
    page,
    'query ($s: String) { viewer { orders(first: 5, filter: { search: $s }) { edges { node { number reference state } } } } }',
    { s: reference },
  );
  const found = data.viewer.orders.edges.map((e) => e.node).find((o) => o.reference === reference);
  if (!found) throw new Error(`the demo data has no order ${reference} for this customer`);
  return found;
}

/** Opens a page of the app and waits for its content (a section heading). */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
}

async function openOrder(page: Page, number: string) {
  await open(page, `/orders/${encodeURIComponent(number)}`);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe(`Commande ${number}`);
}

describe.each(['desktop', 'phone'] as ViewportName[])('self-service on a %s', (viewport) => {
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    ({ page, consoleErrors } = await newPage(suite.browser, suite.stack.baseURL, viewport));
    await signIn(page, suite.stack.customer);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('answers a quotation: accepted on a desktop, refused when expired then declined on a phone', async () => {
    // The demo has one quotation Marie can accept and one past its validity.
    const reference = viewport === 'desktop' ? 'DUP-2611-A' : 'DUP-2610-B';
    const quotation = await order(page, reference);
    expect(quotation.state).toBe('QUOTATION');
    await openOrder(page, quotation.number);
    const answer = page.getByRole('region', { name: 'Votre réponse à ce devis' });
    await answer.waitFor();
    await screenshot(page, `${viewport}-quotation-answer`);
    expect(await a11yViolations(page)).toEqual([]);

    // The form's own checks come first: nothing is sent without a name and the terms.
    await answer.getByRole('button', { name: 'Accepter le devis' }).click();
    await answer.getByText('Indiquez le nom de la personne qui accepte.').waitFor();

    await answer.getByLabel('Votre nom').fill('Marie Dupont');
    await answer.getByLabel('Votre référence de bon de commande (facultatif)').fill('BC-118');
    await answer.getByLabel('J’accepte les conditions générales de vente').check();
    await answer.getByRole('button', { name: 'Accepter le devis' }).click();
    if (viewport === 'desktop') {
      await page.getByText('Merci : le devis est accepté et la commande confirmée.').waitFor();
      await expect
        .poll(async () => (await order(page, reference)).state)
        .toMatch(/^(CONFIRMED|PROCESSING)$/);
      // Shown again from Tryton, not from the page's memory: no answer form any more.
      await page.reload();
      await page.getByRole('heading', { name: 'Articles' }).waitFor();
      expect(await page.getByRole('region', { name: 'Votre réponse à ce devis' }).count()).toBe(0);
      return;
    }
    await answer.getByText('Ce devis a expiré : demandez-nous-en un nouveau.').waitFor();
    expect((await order(page, reference)).state).toBe('QUOTATION');
    await answer.getByRole('button', { name: 'Refuser', exact: true }).click();
    await answer.getByLabel('Pourquoi ? (facultatif)').fill('Trop tard, merci');
    await answer.getByRole('button', { name: 'Refuser le devis' }).click();
    await page.getByText('Le devis est refusé. Nous en sommes informés.').waitFor();
    await expect.poll(async () => (await order(page, reference)).state).toBe('CANCELLED');
  });

  it('re-orders a past order: a request awaiting review, without what is no longer sold', async () => {
    const past = await order(page, 'DUP-2603-K');
    await openOrder(page, past.number);
    await page.getByRole('button', { name: 'Commander à nouveau' }).click();
    const done = page.getByText('Votre demande est envoyée : nous allons l’examiner.');
    await done.waitFor();
    await page.getByText('Ces articles ne sont plus vendus et ont été retirés :').waitFor();
    await page.locator('.reorder li', { hasText: 'Biscuits sablés' }).waitFor();
    await screenshot(page, `${viewport}-reorder`);
    expect(await a11yViolations(page)).toEqual([]);

    const link = page.locator('.reorder a');
    const number = (await link.textContent())?.trim() ?? '';
    expect(number).not.toBe('');
    await link.click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Commande ${number}`);
    const requested = await gql<{ viewer: { order: { state: string } } }>(
      page,
      'query ($n: String!) { viewer { order(number: $n) { state } } }',
      { n: number },
    );
    expect(requested.viewer.order.state).toBe('REQUESTED');
  });

  it('shows how to pay an unpaid invoice by transfer, with a QR code that loads', async () => {
    const data = await gql<{
      viewer: {
        invoices: {
          edges: {
            node: { number: string; transfer: { iban: string; reference: string } | null };
          }[];
        };
      };
    }>(
      page,
      '{ viewer { invoices(first: 50, filter: { states: [POSTED] }) { edges { node { number transfer { iban reference } } } } } }',
    );
    const unpaid = data.viewer.invoices.edges.map((e) => e.node).find((i) => i.transfer);
    expect(unpaid).toBeDefined();
    await open(page, `/invoices/${encodeURIComponent(unpaid?.number ?? '')}`);
    const transfer = page.getByRole('region', { name: 'Payer par virement' });
    await transfer.waitFor();
    const shown = (await transfer.textContent()) ?? '';
    expect(shown.replace(/\s/g, '')).toContain(unpaid?.transfer?.iban);
    expect(shown).toContain(unpaid?.transfer?.reference);
    const qr = transfer.getByRole('img', { name: /QR code de virement SEPA/ });
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await screenshot(page, `${viewport}-invoice-transfer`);
    expect(await a11yViolations(page)).toEqual([]);
  });

  it('reports a problem: sees the answered one, then files one with a photo (on lines on a desktop, on the whole order on a phone)', async () => {
    // The demo's delivered order with a complaint the company answered.
    const answered = await order(page, 'DUP-2607-G');
    await openOrder(page, answered.number);
    const section = page.getByRole('region', { name: 'Problèmes sur cette commande' });
    await section.getByText('Marchandise abîmée').waitFor();
    await section.getByText(/sac de remplacement/).waitFor();

    const reference = viewport === 'desktop' ? 'DUP-2606-H' : 'DUP-2605-J';
    const target = await order(page, reference);
    await openOrder(page, target.number);
    const problems = page.getByRole('region', { name: 'Problèmes sur cette commande' });
    await problems.getByRole('button', { name: 'Signaler un problème' }).click();
    const form = problems.locator('form');
    // The form's own checks come first: nothing is sent without a kind and a description.
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await form.getByText('Choisissez le type de problème.').waitFor();
    await form.getByText('Décrivez le problème.').waitFor();
    if (viewport === 'desktop') {
      await form.locator('.complaint-lines input[type="checkbox"]').first().check();
      await form.getByLabel('Type de problème').selectOption({ label: 'Marchandise abîmée' });
    } else {
      await form.getByLabel('Type de problème').selectOption({ label: 'Livraison en retard' });
    }
    const text = `Signalé depuis le navigateur (${viewport}).`;
    await form.getByLabel('Que s’est-il passé ?').fill(text);
    await form.getByLabel('Photos ou documents (facultatif)').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    // The errors of corrected fields are gone.
    expect(await form.locator('.field-error').count()).toBe(0);
    await screenshot(page, `${viewport}-complaint-form`);
    expect(await a11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await problems.getByText('Merci : votre signalement est envoyé.', { exact: false }).waitFor();
    await problems.locator('.complaint', { hasText: text }).getByText('Envoyé').waitFor();
    await problems.locator('.complaint', { hasText: text }).getByText('photo.png').waitFor();

    // What Tryton holds, read back through the gateway.
    const data = await gql<{
      viewer: {
        order: {
          complaints: {
            description: string;
            state: string;
            line: { id: string } | null;
            files: { name: string }[];
          }[];
        };
      };
    }>(
      page,
      'query ($n: String!) { viewer { order(number: $n) { complaints { description state line { id } files { name } } } } }',
      { n: target.number },
    );
    const filed = data.viewer.order.complaints.filter((c) => c.description === text);
    expect(filed).toHaveLength(1);
    expect(filed[0]?.state).toBe('SUBMITTED');
    expect(filed[0]?.line === null).toBe(viewport === 'phone');
    expect(filed[0]?.files).toEqual([{ name: 'photo.png' }]);
  });

  it('logged no error in the console (refusals are answers, not failures)', () => {
    // A refused write's HTTP status is logged by Chromium as a failed resource: expected.
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
