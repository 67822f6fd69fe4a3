import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeStandIn, startStripeStandIn, stripeSignature } from './stripe-stand-in.js';

const SECRET = 'sk_test_unit';

describe('Stripe stand-in', () => {
  let stripe: StripeStandIn;
  const call = (path: string, init: RequestInit = {}, key = SECRET) =>
    fetch(`${stripe.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
    });
  const create = (idempotencyKey: string) =>
    call('/v1/payment_intents', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': idempotencyKey,
      },
      body: 'amount=1250&currency=EUR&capture_method=automatic&description=FA1',
    });

  beforeAll(async () => {
    stripe = await startStripeStandIn({ secretKey: SECRET, webhookSecret: 'whsec_unit' });
  });
  afterAll(async () => {
    await stripe.stop();
  });

  it('creates a payment intent once per idempotency key, and reads it back', async () => {
    const first = (await (await create('k1')).json()) as { id: string; amount: number };
    const again = (await (await create('k1')).json()) as { id: string };
    const other = (await (await create('k2')).json()) as { id: string };
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(first).toMatchObject({
      amount: 1250,
      currency: 'eur',
      status: 'requires_payment_method',
    });
    const read = await call(`/v1/payment_intents/${first.id}?expand[0]=latest_charge`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(first.id);
    expect((await call('/v1/payment_intents/pi_none')).status).toBe(404);
  });

  it('refuses a call without the secret key, as Stripe does', async () => {
    expect((await call('/v1/payment_intents/pi_x', {}, 'sk_test_wrong')).status).toBe(401);
  });

  it("signs like Stripe: t and v1 = HMAC-SHA256 of 't.payload'", () => {
    const expected = createHmac('sha256', 'whsec_x').update('1700000000.{"a":1}').digest('hex');
    expect(stripeSignature('{"a":1}', 'whsec_x', 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });
});
