import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { portalSchema } from '../schema/build.js';
import { countedList, guardedFields } from './permission-fields.js';
import { allows, MEMBER, PUBLIC, ROLE_SCOPES, SCOPES } from './permissions.js';

describe('permissions', () => {
  it('every field of Query, Mutation and Customer, and every link to an area, declares one', async () => {
    const fields = guardedFields(await portalSchema());
    const undeclared = fields.filter((f) => !f.permission?.length).map((f) => f.path);
    expect(undeclared).toEqual([]);
    // The list is read from the schema: the known links are in it.
    const paths = fields.map((f) => f.path);
    for (const path of ['Customer.orders', 'Order.invoices', 'Invoice.orders', 'Mutation.login'])
      expect(paths).toContain(path);
  });

  it('a count beside a nested list declares what its list declares', async () => {
    const schema = await portalSchema();
    const counts: string[] = [];
    for (const type of [schema.getType('Order'), schema.getType('Invoice')]) {
      if (!isObjectType(type)) throw new Error('no Order or Invoice type');
      for (const field of Object.values(type.getFields())) {
        const list = countedList(type, field);
        if (!list) continue;
        counts.push(`${type.name}.${field.name}`);
        expect(field.extensions?.permission, field.name).toEqual(list.extensions?.permission);
      }
    }
    expect(counts.sort()).toEqual([
      'Invoice.documentCount',
      'Invoice.lineCount',
      'Invoice.orderCount',
      'Invoice.taxCount',
      'Order.complaintCount',
      'Order.documentCount',
      'Order.invoiceCount',
      'Order.lineCount',
      'Order.shipmentCount',
    ]);
  });

  it('declares only known permissions', async () => {
    const known = new Set<string>([...SCOPES, MEMBER, PUBLIC]);
    for (const field of guardedFields(await portalSchema()))
      for (const p of field.permission ?? []) expect(known.has(p), field.path).toBe(true);
  });

  it('a role allows its scopes and nothing else', () => {
    expect(allows(ROLE_SCOPES.buyer, ['orders:write'])).toBe(true);
    expect(allows(ROLE_SCOPES.buyer, ['invoices:read'])).toBe(false);
    expect(allows(ROLE_SCOPES.viewer, [MEMBER])).toBe(true);
    expect(allows([], ['orders:read'])).toBe(false);
    expect(allows(ROLE_SCOPES.administrator, [...SCOPES])).toBe(true);
  });
});
