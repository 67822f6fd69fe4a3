import { type TrytonClient, UnavailableError, UserError } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors.js';
import { PortalGateway } from './portal-gateway.js';

/** A client whose every call fails with `error`: what the gateway makes of Tryton's failures. */
function failing(error: Error): PortalGateway {
  const client = {
    call: async () => {
      throw error;
    },
  } as unknown as TrytonClient;
  return new PortalGateway(client, async () => undefined);
}

const credential = { kind: 'session' as const, key: 's' };

describe('PortalGateway', () => {
  it("turns a user error raised inside a write into INVALID_STATE REFUSED_BY_ERP, without Tryton's message", async () => {
    const gateway = failing(new UserError('Credit limit of 5000 € exceeded for Dupont.'));
    const refused = await gateway
      .write('accept_quotation', [], credential, 'fr')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayError);
    expect((refused as GatewayError).code).toBe('INVALID_STATE');
    expect((refused as GatewayError).extensions.reason).toBe('REFUSED_BY_ERP');
    expect((refused as GatewayError).message).not.toMatch(/5000|Dupont/);
  });

  it('keeps NOT_FOUND for a user error outside writes, and TRYTON_UNAVAILABLE for an outage', async () => {
    const read = await failing(new UserError('rule'))
      .sessionUser('s')
      .catch((error: unknown) => error);
    expect((read as GatewayError).code).toBe('NOT_FOUND');
    const down = await failing(new UnavailableError('down'))
      .write('accept_quotation', [], credential, 'fr')
      .catch((error: unknown) => error);
    expect((down as GatewayError).code).toBe('TRYTON_UNAVAILABLE');
  });
});
