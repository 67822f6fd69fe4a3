import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the part of Stripe's API that Tryton's account_payment_stripe calls
 * when a customer pays an invoice online (read from the module's payment.py and
 * checkout.html, 7.6 and 8.0):
 *
 * - `POST /v1/payment_intents`: `Payment.stripe_checkout` (form-encoded: amount, currency,
 *   automatic_payment_methods[enabled], capture_method, description, off_session; the
 *   `Idempotency-Key` header `payment_intent-<payment key>` answers the same intent again);
 * - `GET /v1/payment_intents/<id>` (`expand[0]=latest_charge`): the checkout page (its
 *   `client_secret`), the checkout's `/end` route and the "Pull" button (`stripe_pull`).
 *
 * Every call must carry the account's secret key (`Authorization: Bearer sk_...`), else
 * 401 as Stripe answers. What the customer does on Stripe's side is played by `succeed` and
 * `cancel` (or `POST /_stand-in/payment_intents/<id>/succeed|cancel` for a person trying the
 * demo): the intent changes and the event Stripe would send (`payment_intent.succeeded`,
 * `charge.succeeded`, `payment_intent.canceled`) is posted to Tryton's webhook, signed with
 * Stripe's scheme: `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "t.body")>`.
 *
 * Not covered (the portal's flow never calls them): customers, setup intents, payment
 * methods, customer sessions, charges, refunds, disputes, `Event.list` (the cron for
 * accounts without a webhook).
 */
export interface StripeStandIn {
  /** `http://127.0.0.1:<port>`: trytond's `[portal_api] stripe_api_base`. */
  url: string;
  secretKey: string;
  /** The webhook signing secret Tryton's Stripe account checks. */
  webhookSecret: string;
  /** Tryton's webhook route of the account; events are posted there. Set once Tryton runs. */
  webhookUrl: string | undefined;
  /** The intents created so far, by id. */
  intents: Map<string, PaymentIntent>;
  /** The customer paid: the intent succeeds and the events are posted (their HTTP statuses). */
  succeed(id: string): Promise<number[]>;
  /** The customer gave up (or the card was refused for good): the intent is cancelled. */
  cancel(id: string): Promise<number[]>;
  stop(): Promise<void>;
}

export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  capture_method: string;
  client_secret: string;
  created: number;
  customer: string | null;
  description: string | null;
  last_payment_error: null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  status: 'requires_payment_method' | 'succeeded' | 'canceled';
}

interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  currency: string;
  failure_code: null;
  failure_message: null;
  paid: boolean;
  payment_intent: string;
  status: 'succeeded';
}

/** Stripe's webhook signature of `payload` at `timestamp` (seconds), as Stripe sends it. */
export function stripeSignature(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

function stripeError(response: ServerResponse, status: number, type: string, message: string) {
  send(response, status, { error: { type, message } });
}

/**
 * Starts the stand-in on 127.0.0.1 and a free port. `secretKey` and `webhookSecret` are the
 * ones of the Stripe account in Tryton.
 */
export async function startStripeStandIn(options: {
  secretKey: string;
  webhookSecret: string;
  webhookUrl?: string;
}): Promise<StripeStandIn> {
  const intents = new Map<string, PaymentIntent>();
  const charges = new Map<string, Charge>();
  const byIdempotencyKey = new Map<string, string>();

  const createIntent = (form: URLSearchParams, key: string | undefined): PaymentIntent => {
    const known = key ? byIdempotencyKey.get(key) : undefined;
    if (known) return intents.get(known) as PaymentIntent;
    const intentId = id('pi');
    const intent: PaymentIntent = {
      id: intentId,
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      amount_capturable: 0,
      amount_received: 0,
      currency: (form.get('currency') ?? '').toLowerCase(),
      capture_method: form.get('capture_method') ?? 'automatic',
      client_secret: `${intentId}_secret_${randomBytes(8).toString('hex')}`,
      created: Math.floor(Date.now() / 1000),
      customer: form.get('customer') || null,
      description: form.get('description') || null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: {},
      status: 'requires_payment_method',
    };
    intents.set(intentId, intent);
    if (key) byIdempotencyKey.set(key, intentId);
    return intent;
  };

  const withCharge = (intent: PaymentIntent, expand: string[]) =>
    expand.includes('latest_charge') && intent.latest_charge
      ? { ...intent, latest_charge: charges.get(intent.latest_charge) }
      : intent;

  const post = async (type: string, object: unknown): Promise<number> => {
    if (!standIn.webhookUrl) throw new Error('stripe stand-in: no webhook URL yet');
    const event = {
      id: id('evt'),
      object: 'event',
      api_version: '2023-08-16',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      type,
      data: { object },
    };
    const payload = JSON.stringify(event);
    const response = await fetch(standIn.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripeSignature(
          payload,
          options.webhookSecret,
          Math.floor(Date.now() / 1000),
        ),
      },
      body: payload,
    });
    await response.arrayBuffer();
    return response.status;
  };

  const intentOf = (intentId: string): PaymentIntent => {
    const intent = intents.get(intentId);
    if (!intent) throw new Error(`stripe stand-in: no payment intent ${intentId}`);
    return intent;
  };

  const succeed = async (intentId: string): Promise<number[]> => {
    const intent = intentOf(intentId);
    const charge: Charge = {
      id: id('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      captured: true,
      currency: intent.currency,
      failure_code: null,
      failure_message: null,
      paid: true,
      payment_intent: intent.id,
      status: 'succeeded',
    };
    charges.set(charge.id, charge);
    Object.assign(intent, {
      status: 'succeeded',
      amount_received: intent.amount,
      latest_charge: charge.id,
    });
    // Stripe's order: the charge, then the intent.
    return [await post('charge.succeeded', charge), await post('payment_intent.succeeded', intent)];
  };

  const cancel = async (intentId: string): Promise<number[]> => {
    const intent = intentOf(intentId);
    intent.status = 'canceled';
    return [await post('payment_intent.canceled', intent)];
  };

  const api = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (request.headers.authorization !== `Bearer ${options.secretKey}`) {
      stripeError(response, 401, 'invalid_request_error', 'Invalid API Key provided.');
      return;
    }
    const path = url.pathname;
    if (request.method === 'POST' && path === '/v1/payment_intents') {
      const form = new URLSearchParams(await body(request));
      const amount = Number(form.get('amount'));
      if (!Number.isSafeInteger(amount) || amount < 1 || !form.get('currency')) {
        stripeError(response, 400, 'invalid_request_error', 'Missing amount or currency.');
        return;
      }
      const key = request.headers['idempotency-key'];
      send(response, 200, createIntent(form, typeof key === 'string' ? key : undefined));
      return;
    }
    const match = /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/.exec(path);
    if (request.method === 'GET' && match) {
      const intent = intents.get(match[1] as string);
      if (!intent) {
        stripeError(response, 404, 'invalid_request_error', 'No such payment_intent.');
        return;
      }
      // stripe-python sends lists indexed (`expand[0]=latest_charge`), other clients `expand[]`.
      const expand = [...url.searchParams]
        .filter(([name]) => /^expand\[\d*\]$/.test(name))
        .map(([, value]) => value);
      send(response, 200, withCharge(intent, expand));
      return;
    }
    stripeError(response, 404, 'invalid_request_error', `Unrecognized request URL (${path}).`);
  };

  const control = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const match = /^\/_stand-in\/payment_intents\/([A-Za-z0-9_]+)\/(succeed|cancel)$/.exec(
      url.pathname,
    );
    if (request.method !== 'POST' || !match || !intents.has(match[1] as string)) {
      send(response, 404, { error: 'not found' });
      return;
    }
    const action = match[2] === 'succeed' ? succeed : cancel;
    send(response, 200, { webhooks: await action(match[1] as string) });
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const handle = url.pathname.startsWith('/_stand-in/') ? control : api;
    handle(request, response, url).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { error: { type: 'api_error', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const standIn: StripeStandIn = {
    url: `http://127.0.0.1:${port}`,
    secretKey: options.secretKey,
    webhookSecret: options.webhookSecret,
    webhookUrl: options.webhookUrl,
    intents,
    succeed,
    cancel,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
