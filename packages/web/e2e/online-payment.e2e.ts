import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yViolations, newPage, screenshot, type ViewportName } from './support/browser';
import { requireOrSkip, type Stack } from './support/stack';
import { gql, realStackSuite, signIn } from './support/suite';

// Paying an invoice online, in Chromium against the real stack: the portal opens Tryton's
// Stripe checkout page (relayed by the gateway, on the portal's origin) in a tab of its own,
// the customer pays on Stripe's side (played by the devstack's Stripe stand-in: its signed
// webhooks reach Tryton, as Stripe's would; Stripe's card form itself, loaded from
// js.stripe.com, cannot run offline), Stripe sends the tab to Tryton's return URL, whose page
// closes the tab, and the invoice shows the payment.
const suite = realStackSuite();

interface UnpaidInvoice {
  number: string;
  canPayOnline: boolean;
  amountDue: { amount: string };
  onlinePayments: { state: string }[];
}

async function invoice(page: Page, number?: string): Promise<UnpaidInvoice> {
  const data = await gql<{ viewer: { invoices: { edges: { node: UnpaidInvoice }[] } } }>(
    page,
    `{ viewer { invoices(first: 50, filter: { unpaid: true }) { edges { node {
      number canPayOnline amountDue { amount } onlinePayments { state } } } } } }`,
  );
  const found = data.viewer.invoices.edges
    .map((edge) => edge.node)
    .find((node) => (number ? node.number === number : node.canPayOnline));
  if (!found) throw new Error('the demo data has no unpaid invoice payable online');
  return found;
}

describe.each(['desktop', 'phone'] as ViewportName[])('paying online on a %s', (viewport) => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await newPage(suite.browser, suite.stack.baseURL, viewport));
    await signIn(page, suite.stack.customer);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('pays 10 € in a checkout tab that closes itself, and the invoice shows the payment', async (ctx) => {
    requireOrSkip(ctx, suite.stack.stripe !== null, 'the Stripe stand-in');
    const stripe = suite.stack.stripe as NonNullable<Stack['stripe']>;
    const before = await invoice(page);
    await page.goto(`/invoices/${encodeURIComponent(before.number)}`);
    const region = page.getByRole('region', { name: 'Payer en ligne' });
    await region.waitFor();
    /** How many of the invoice's online payments show `state` ("en cours", "payé"). */
    const shown = async (state: string) =>
      ((await region.textContent()) ?? '').split(` · ${state}`).length - 1;
    const paidBefore = await shown('payé');
    const amount = region.getByLabel(/Montant à payer/);
    await amount.fill('10,00');
    const intents = stripe.intents.size;

    // The tab opens at the click, and goes to Tryton's checkout page once the gateway answers.
    const [checkout] = await Promise.all([
      page.context().waitForEvent('page'),
      region.getByRole('button', { name: 'Payer en ligne' }).click(),
    ]);
    await checkout.waitForURL(
      /\/account_payment_stripe\/checkout\/account\.payment\/[0-9a-f]{32}$/,
    );
    // On the portal's own origin: the gateway relays Tryton's page (Tryton is not public).
    expect(new URL(checkout.url()).origin).toBe(new URL(suite.stack.baseURL).origin);
    expect(await checkout.content()).toContain('js.stripe.com');
    await region.getByRole('status').waitFor();
    expect(await region.getByRole('status').textContent()).toContain('nouvel onglet');
    await screenshot(page, `${viewport}-pay-online-started`);
    expect(await a11yViolations(page)).toEqual([]);

    // Stripe's side: one intent of 10 €. The customer pays on Stripe's page, which sends the
    // tab to Tryton's return URL: Tryton's page closes the tab (allowed: a script of the
    // portal opened it), and the portal reads the invoice again.
    expect(stripe.intents.size).toBe(intents + 1);
    const intent = [...stripe.intents.values()].at(-1);
    expect(intent?.amount).toBe(1000);
    const closed = checkout.waitForEvent('close', { timeout: 30_000 });
    await checkout.goto(`${checkout.url()}/end`).catch(() => undefined);
    await closed;
    await region.getByRole('status').waitFor({ state: 'detached' });
    await expect.poll(() => shown('en cours')).toBe(1);

    // Stripe's webhooks reach Tryton a moment later: the invoice, still following its payment,
    // shows it paid without a reload.
    expect(await stripe.succeed(intent?.id ?? '')).toEqual([204, 204]);
    await expect.poll(() => shown('payé'), { timeout: 20_000 }).toBe(paidBefore + 1);
    expect(await shown('en cours')).toBe(0);
    const after = await invoice(page, before.number);
    expect(Number(after.amountDue.amount)).toBeCloseTo(Number(before.amountDue.amount) - 10, 2);
    expect(after.onlinePayments.map((p) => p.state)).toContain('SUCCEEDED');
    await screenshot(page, `${viewport}-pay-online-done`);
  });
});
