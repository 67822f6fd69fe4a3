import type { Context, TrytonClient } from '@portal/tryton-client';
import { STRIPE_ACCOUNT } from './catalogue.js';

const ACCOUNT_MODEL = 'account.payment.stripe.account';

/** Whether the database has Tryton's Stripe module (an optional module of the portal). */
export async function hasStripe(client: TrytonClient, ctx: Context): Promise<boolean> {
  const modules = await client.model('ir.module').search(
    [
      ['name', '=', 'account_payment_stripe'],
      ['state', '=', 'activated'],
    ],
    { context: ctx },
  );
  return modules.length > 0;
}

/**
 * The company's Stripe account, with a webhook identifier (Tryton's "New identifier" button)
 * and its signing secret, and the Stripe payment journal in euros the portal's online
 * payments go to. Nothing when the database has no account_payment_stripe.
 */
export async function companyStripe(
  client: TrytonClient,
  eur: number,
  ctx: Context,
): Promise<void> {
  if (!(await hasStripe(client, ctx))) return;
  const accounts = client.model(ACCOUNT_MODEL);
  const [account] = await accounts.create(
    [
      {
        name: STRIPE_ACCOUNT.name,
        secret_key: STRIPE_ACCOUNT.secretKey,
        publishable_key: STRIPE_ACCOUNT.publishableKey,
      },
    ],
    { context: ctx },
  );
  if (account === undefined) throw new Error('demo seed: Stripe account not created');
  await accounts.button('new_identifier', [account], { context: ctx });
  await accounts.write(
    [account],
    { webhook_signing_secret: STRIPE_ACCOUNT.webhookSecret },
    { context: ctx },
  );
  await client.model('account.payment.journal').create(
    [
      {
        name: STRIPE_ACCOUNT.journalName,
        process_method: 'stripe',
        stripe_account: account,
        currency: eur,
      },
    ],
    { context: ctx },
  );
}

/** The path of Tryton's webhook route of the demo's Stripe account, or null without one. */
export async function stripeWebhookPath(
  client: TrytonClient,
  database: string,
): Promise<string | null> {
  if (!(await hasStripe(client, {}))) return null;
  const [row] = (await client
    .model(ACCOUNT_MODEL)
    .searchRead([['name', '=', STRIPE_ACCOUNT.name]], ['webhook_identifier'])) as {
    webhook_identifier: string | null;
  }[];
  if (!row?.webhook_identifier) return null;
  return `/${encodeURIComponent(database)}/account_payment_stripe/webhook/${row.webhook_identifier}`;
}
