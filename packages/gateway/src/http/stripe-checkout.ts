import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../errors.js';
import { charge, type DownloadQuota } from './downloads.js';
import { sendError } from './respond.js';

/**
 * Tryton's Stripe checkout page of a payment and its `/end` (account_payment_stripe's
 * routes.py), relayed by the gateway so that Tryton's only public route is Stripe's webhook
 * (issue 15): GET `/<database>/account_payment_stripe/checkout/account.payment/<id>[/end]`,
 * where `<id>` is the payment's `stripe_checkout_id` (a UUID's 32 hex digits), the page's
 * only secret. Nothing else of Tryton is reachable through it: another database, model or id
 * shape is a 404 without a call.
 */
const CHECKOUT_PATH =
  /^\/([^/]+)\/account_payment_stripe\/checkout\/account\.payment\/([0-9a-f]{32})(\/end)?$/;

/** What a checkout page takes from the caller's bucket: Tryton asks Stripe for the intent. */
export const CHECKOUT_COST = 10;

/** Tryton's page is a few kB; anything this large is not that page. */
const MAX_PAGE_BYTES = 1024 * 1024;

/**
 * The page's policy, the same as traefik's `security-headers-stripe-checkout`
 * (traefik/dynamic.yml; keep both equal, `stripe-checkout.test.ts` compares them): Stripe.js
 * from js.stripe.com draws the card form in Stripe's frames and talks to api.stripe.com, and
 * Tryton's inline script carries the payment's client secret, so no hash can name it and
 * Tryton sends no nonce: 'unsafe-inline' here and nowhere else of the portal. The page holds
 * no portal session.
 */
export const CHECKOUT_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' https://js.stripe.com",
  "style-src 'unsafe-inline'",
  'img-src https://*.stripe.com data:',
  'frame-src https://js.stripe.com https://hooks.stripe.com',
  'connect-src https://api.stripe.com',
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Whether the request is for a checkout page of this gateway's database. */
export function isCheckoutPath(pathname: string, database: string): boolean {
  const match = CHECKOUT_PATH.exec(pathname);
  return match !== null && match[1] === encodeURIComponent(database);
}

export interface CheckoutRelay {
  /** Tryton's base URL (`TRYTON_URL`). */
  trytonUrl: string;
  timeoutMs: number;
  /** The caller's IP (trusted hops applied) and the scheme the caller used. */
  clientIp: string;
  forwardedProto: string;
  quota: DownloadQuota;
}

/**
 * Relays one checkout request to Tryton. Tryton builds the page's return URL from the
 * request (`request.base_url + '/end'`, behind `[web] num_proxies = 1`): the gateway sends it
 * the caller's host and scheme, so the return comes back through the portal's origin. Only
 * Tryton's status, type and body come back; the caller's cookies and headers never go to
 * Tryton. A 403 or 404 of Tryton's is NOT_FOUND; no answer in time, TRYTON_UNAVAILABLE.
 */
export async function relayCheckout(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  relay: CheckoutRelay,
): Promise<void> {
  const limits = await charge(relay.quota, CHECKOUT_COST, res);
  if (!limits) return;
  let answer: Response;
  let body: Buffer;
  try {
    answer = await fetch(new URL(pathname, relay.trytonUrl), {
      redirect: 'manual',
      signal: AbortSignal.timeout(relay.timeoutMs),
      headers: {
        accept: 'text/html',
        'x-forwarded-for': relay.clientIp,
        'x-forwarded-host': req.headers.host ?? 'localhost',
        'x-forwarded-proto': relay.forwardedProto,
      },
    });
    const length = Number(answer.headers.get('content-length') ?? 0);
    if (length > MAX_PAGE_BYTES) throw new Error('checkout page too large');
    body = Buffer.from(await answer.arrayBuffer());
    if (body.byteLength > MAX_PAGE_BYTES) throw new Error('checkout page too large');
  } catch {
    throw new GatewayError('TRYTON_UNAVAILABLE', 'The payment page is unavailable; try again.');
  }
  if (answer.status === 403 || answer.status === 404) {
    return sendError(res, 404, new GatewayError('NOT_FOUND', 'No such payment page.'), limits);
  }
  if (answer.status !== 200) {
    throw new GatewayError('TRYTON_UNAVAILABLE', 'The payment page is unavailable; try again.');
  }
  res.writeHead(200, {
    ...limits,
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.byteLength),
    'content-security-policy': CHECKOUT_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
  res.end(body);
}
