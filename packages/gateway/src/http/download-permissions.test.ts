import type { ServerResponse } from 'node:http';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ROLE_SCOPES } from '../auth/permissions.js';
import { portalSchema } from '../schema/build.js';
import { downloadPermissions, neededFor, permitted } from './download-permissions.js';

/** A response that keeps what was written. */
function response() {
  const sent: { status?: number; body?: string } = {};
  const res = {
    writeHead(status: number) {
      sent.status = status;
      return res;
    },
    end(body: string) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { res, sent };
}

describe('download permissions', () => {
  it('are the @Allow of the GraphQL fields reading the same data', async () => {
    const permissions = downloadPermissions(await portalSchema());
    expect(neededFor(permissions, '/downloads/invoices/SW52b2ljZToz.pdf')).toEqual([
      'invoices:read',
    ]);
    expect(neededFor(permissions, '/downloads/documents/RG9jdW1lbnQ6YXR0YWNobWVudC0x')).toEqual([
      'documents:read',
    ]);
    expect(neededFor(permissions, '/downloads/exports/invoices.zip')).toEqual(['invoices:read']);
    expect(neededFor(permissions, '/downloads/exports/invoices.csv')).toEqual(['invoices:read']);
    expect(neededFor(permissions, '/downloads/exports/orders.csv')).toEqual(['orders:read']);
    // Not a download: left to the handlers' 404.
    expect(neededFor(permissions, '/downloads/exports/secrets.csv')).toBeNull();
    expect(neededFor(permissions, '/downloads/elsewhere')).toBeNull();
  });

  it('refuse to start when a field they name declares nothing', () => {
    const bare = buildSchema('type Query { viewer: Customer } type Customer { invoices: Int }');
    expect(() => downloadPermissions(bare)).toThrow(/Customer\.invoices/);
  });

  it('answer 403 FORBIDDEN with the role and what was needed, in the downloads’ shape', async () => {
    const permissions = downloadPermissions(await portalSchema());
    const refused = response();
    const buyer = { role: 'buyer' as const, scopes: [...ROLE_SCOPES.buyer] };
    expect(permitted(permissions, '/downloads/exports/invoices.zip', buyer, refused.res)).toBe(
      false,
    );
    expect(refused.sent.status).toBe(403);
    expect(JSON.parse(refused.sent.body ?? '{}')).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'Your role (buyer) does not allow this.',
        role: 'BUYER',
        needed: ['invoices:read'],
      },
    });
    const allowed = response();
    expect(permitted(permissions, '/downloads/exports/orders.csv', buyer, allowed.res)).toBe(true);
    expect(allowed.sent.status).toBeUndefined();
    // A token narrowed to invoices: no orders, even for an administrator.
    const token = { role: 'administrator' as const, scopes: ['invoices:read' as const] };
    expect(permitted(permissions, '/downloads/exports/orders.csv', token, response().res)).toBe(
      false,
    );
    expect(permitted(permissions, '/downloads/invoices/x.pdf', token, response().res)).toBe(true);
  });
});
