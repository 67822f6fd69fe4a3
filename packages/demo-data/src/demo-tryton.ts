import { createHash } from 'node:crypto';
import {
  type DatabaseTemplate,
  databaseTemplate,
  type MailCatcher,
  type StripeStandIn,
  startMailCatcher,
  startStripeStandIn,
  startTryton,
} from '@portal/devstack';
import { TrytonClient, TrytonDate } from '@portal/tryton-client';
import {
  CUSTOMERS,
  type CustomerSpec,
  DEMO_PASSWORD,
  MEMBERS,
  type MemberSpec,
  STRIPE_ACCOUNT,
} from './catalogue.js';
import { seedDemo } from './seed.js';
import { stripeWebhookPath } from './stripe.js';

/** Bump when the seed changes what it creates: cached databases are keyed by it. */
const SEED_VERSION = 8;

export const GATEWAY_LOGIN = 'portal_gateway';
/** The technical user's demo password; production sets TRYTON_GATEWAY_PASSWORD. */
export const DEFAULT_GATEWAY_PASSWORD = 'Gateway-Demo-Pass-2026!';

export interface DemoCustomer {
  email: string;
  password: string;
  partyName: string;
  partyId: number;
}

export interface DemoTryton {
  url: string;
  database: string;
  gateway: { login: string; password: string };
  admin: { login: string; password: string };
  customers: Record<'marie' | 'jean' | 'wholesaler', DemoCustomer>;
  /** The grocery's (Marie's) buyer and accountant: members with their roles (issue 16). */
  members: Record<MemberSpec['key'], DemoCustomer & { role: MemberSpec['role'] }>;
  /** The party that has no web user. */
  noWebUserParty: { name: string; id: number };
  mailbox: Pick<MailCatcher, 'waitFor' | 'messages'>;
  /**
   * The Stripe stand-in Tryton's Stripe module talks to, already pointed at the demo
   * account's webhook; null when the series has no account_payment_stripe (7.0).
   */
  stripe: StripeStandIn | null;
  stop(): Promise<void>;
}

function today(): TrytonDate {
  return TrytonDate.fromISO(new Date().toISOString().slice(0, 10));
}

/**
 * The demo database, built once per month and seed version (dates are relative to the day
 * it is built, so the dashboard always has the last twelve months) and cached.
 */
export async function demoTemplate(gatewayPassword = DEFAULT_GATEWAY_PASSWORD): Promise<{
  template: DatabaseTemplate;
  parties: Record<CustomerSpec['key'], number>;
}> {
  const day = today();
  const secret = createHash('sha256').update(gatewayPassword).digest('hex').slice(0, 8);
  const key = `demo-v${SEED_VERSION}-${day.toISOString().slice(0, 7)}-${secret}`;
  const template = await databaseTemplate({
    key,
    build: async (server) => {
      const client = new TrytonClient({
        url: server.url,
        database: server.database,
        maxInFlight: 4,
        // The seed's calls are batches (hundreds of sales or invoices in one transaction):
        // a busy 2-core machine takes longer than a customer's request would be given.
        timeoutMs: 300_000,
      });
      await client.login('admin', server.adminPassword);
      try {
        await seedDemo(client, { today: day, gatewayLogin: GATEWAY_LOGIN, gatewayPassword });
      } finally {
        await client.logout().catch(() => undefined);
        await client.close();
      }
    },
  });
  return { template, parties: await partyIds(template) };
}

/** Party ids are stable for a given template; read them once from a throwaway server. */
const partyCache = new Map<string, Record<CustomerSpec['key'], number>>();
async function partyIds(template: DatabaseTemplate): Promise<Record<CustomerSpec['key'], number>> {
  const cached = partyCache.get(template.file);
  if (cached) return cached;
  const server = await startTryton({ template });
  const client = new TrytonClient({ url: server.url, database: server.database });
  try {
    await client.login('admin', template.adminPassword);
    const rows = (await client
      .model('party.party')
      .searchRead([['name', 'in', CUSTOMERS.map((c) => c.party)]], ['id', 'name'])) as {
      id: number;
      name: string;
    }[];
    const ids = Object.fromEntries(
      CUSTOMERS.map((c) => [c.key, rows.find((r) => r.name === c.party)?.id ?? 0]),
    ) as Record<CustomerSpec['key'], number>;
    partyCache.set(template.file, ids);
    return ids;
  } finally {
    await client.close();
    await server.stop();
  }
}

/**
 * A fresh copy of the demo database served by a real trytond on a free loopback port, with
 * an SMTP catcher for the e-mails Tryton sends (password reset, e-mail validation).
 */
export async function startDemoTryton(
  options: { portalUrl?: string; port?: number; dir?: string; gatewayPassword?: string } = {},
): Promise<DemoTryton> {
  const gatewayPassword = options.gatewayPassword ?? DEFAULT_GATEWAY_PASSWORD;
  const { template, parties } = await demoTemplate(gatewayPassword);
  const mailbox = await startMailCatcher();
  const stripe = await startStripeStandIn({
    secretKey: STRIPE_ACCOUNT.secretKey,
    webhookSecret: STRIPE_ACCOUNT.webhookSecret,
  });
  const stopAll = async () => {
    await stripe.stop();
    await mailbox.stop();
  };
  const server = await startTryton({
    template,
    smtpUrl: mailbox.url,
    stripeApiBase: stripe.url,
    ...(options.portalUrl ? { portalUrl: options.portalUrl } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.dir ? { dir: options.dir } : {}),
  }).catch(async (error: unknown) => {
    await stopAll();
    throw error;
  });
  const webhook = await demoWebhookPath(server.url, server.database, template.adminPassword).catch(
    async (error: unknown) => {
      await server.stop();
      await stopAll();
      throw error;
    },
  );
  if (webhook) stripe.webhookUrl = `${server.url}${webhook}`;
  else await stripe.stop();
  const customer = (key: 'marie' | 'jean' | 'wholesaler'): DemoCustomer => {
    const spec = CUSTOMERS.find((c) => c.key === key) as CustomerSpec;
    return {
      email: spec.email ?? '',
      password: DEMO_PASSWORD,
      partyName: spec.party,
      partyId: parties[key],
    };
  };
  const noWebUser = CUSTOMERS.find((c) => c.key === 'noWebUser') as CustomerSpec;
  return {
    url: server.url,
    database: server.database,
    gateway: { login: GATEWAY_LOGIN, password: gatewayPassword },
    admin: { login: 'admin', password: template.adminPassword },
    customers: {
      marie: customer('marie'),
      jean: customer('jean'),
      wholesaler: customer('wholesaler'),
    },
    noWebUserParty: { name: noWebUser.party, id: parties.noWebUser },
    members: Object.fromEntries(
      MEMBERS.map((m) => [
        m.key,
        { ...customer(m.customer as 'marie'), email: m.email, role: m.role },
      ]),
    ) as DemoTryton['members'],
    mailbox,
    stripe: webhook ? stripe : null,
    async stop() {
      await server.stop();
      await stopAll();
    },
  };
}

/** Tryton's webhook route of the demo's Stripe account, asked as the admin; null without it. */
async function demoWebhookPath(
  url: string,
  database: string,
  adminPassword: string,
): Promise<string | null> {
  const client = new TrytonClient({ url, database });
  try {
    await client.login('admin', adminPassword);
    return await stripeWebhookPath(client, database);
  } finally {
    await client.logout().catch(() => undefined);
    await client.close();
  }
}
