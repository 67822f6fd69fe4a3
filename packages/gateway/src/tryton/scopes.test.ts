import type { Domain } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { customerScope, SCOPED_MODELS } from './scopes.js';
import { nested } from './values.js';

const SALE_STATES = ['quotation', 'confirmed', 'processing', 'done', 'cancelled'];
const INVOICE_STATES = ['posted', 'paid', 'cancelled'];
const sale = (p: number[]): Domain => [
  ['party', 'in', p],
  [
    'OR',
    [
      ['state', 'in', SALE_STATES],
      ['number', '!=', null],
    ],
    // Only the drafts the customer requested on the portal (re-orders awaiting review).
    [
      ['state', '=', 'draft'],
      ['portal_requested', '=', true],
    ],
  ],
];
const invoice = (p: number[]): Domain => [
  ['type', '=', 'out'],
  ['party', 'in', p],
  ['state', 'in', INVOICE_STATES],
  ['number', '!=', null],
];

/**
 * The whole domain each scoped model must get for the parties `p`, written out: emptying or
 * loosening any one scope (say `saleScope` returning `[]`, which reads every customer's sales
 * once Tryton's rules are wide) fails its case here, without Tryton. The integration tests prove
 * the same layer against a real Tryton whose rules are widened (test/isolation-layers.test.ts).
 */
const EXPECTED: Record<string, (p: number[]) => Domain> = {
  'sale.sale': sale,
  'sale.line': (p) => [
    ['sale.party', 'in', p],
    [
      'OR',
      [
        ['sale.state', 'in', SALE_STATES],
        ['sale.number', '!=', null],
      ],
      [
        ['sale.state', '=', 'draft'],
        ['sale.portal_requested', '=', true],
      ],
    ],
  ],
  'account.invoice': invoice,
  'account.invoice.line': (p) => [
    ['invoice.type', '=', 'out'],
    ['invoice.party', 'in', p],
    ['invoice.state', 'in', INVOICE_STATES],
    ['invoice.number', '!=', null],
  ],
  'account.invoice.tax': (p) => [
    ['invoice.type', '=', 'out'],
    ['invoice.party', 'in', p],
    ['invoice.state', 'in', INVOICE_STATES],
    ['invoice.number', '!=', null],
  ],
  'account.move.line': (p) => [
    ['party', 'in', p],
    ['move.state', '=', 'posted'],
  ],
  'stock.shipment.out': (p) => [['customer', 'in', p]],
  'party.address': (p) => [['party', 'in', p]],
  'party.contact_mechanism': (p) => [['party', 'in', p]],
  'ir.attachment': (p) => [
    ['type', '=', 'data'],
    [
      'OR',
      ['resource.id', 'in', p, 'party.party'],
      [
        ['resource.party', 'in', p, 'sale.sale'],
        ['resource.state', '!=', 'draft', 'sale.sale'],
      ],
      [
        ['resource.party', 'in', p, 'account.invoice'],
        ['resource.state', 'in', INVOICE_STATES, 'account.invoice'],
      ],
      ['resource.customer', 'in', p, 'sale.complaint'],
    ],
  ],
  'sale.complaint': (p) => [['customer', 'in', p]],
};

/** Every party list a domain compares with, however deep: where the customer is named. */
function partyLists(domain: Domain): unknown[] {
  return domain.flatMap((clause) => {
    if (!Array.isArray(clause)) return [];
    if (typeof clause[0] === 'string' && typeof clause[1] === 'string')
      return clause[1] === 'in' ? [clause[2]] : [];
    return partyLists(clause as Domain);
  });
}

describe('customerScope', () => {
  it('has a case here for every model of the registry, and no other', () => {
    expect([...SCOPED_MODELS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('scopes %s to the customer’s parties', (model, expected) => {
    expect(customerScope(model, [7, 9])).toEqual(expected([7, 9]));
    expect(customerScope(model, [8])).toEqual(expected([8]));
  });

  it.each(Object.keys(EXPECTED))('names the parties in %s’s scope, never empty', (model) => {
    const scope = customerScope(model, [7]);
    expect(scope.length).toBeGreaterThan(0);
    expect(partyLists(scope)).toContainEqual([7]);
    expect(customerScope(model, [8])).not.toEqual(scope);
  });

  it('refuses a model that has no scope rather than reading it unscoped', () => {
    expect(() => customerScope('res.user', [7])).toThrow(/no customer scope for res.user/);
    expect(() => customerScope('account.move', [7])).toThrow(/no customer scope/);
  });
});

describe('nested', () => {
  it('prefixes every leaf, keeps operators and the model of a reference leaf', () => {
    expect(
      nested('sale', [
        'OR',
        ['party', 'in', [1]],
        [
          ['state', '=', 'done'],
          ['x', '!=', null],
        ],
      ]),
    ).toEqual([
      'OR',
      ['sale.party', 'in', [1]],
      [
        ['sale.state', '=', 'done'],
        ['sale.x', '!=', null],
      ],
    ]);
    expect(nested('a', [['resource.id', 'in', [1], 'party.party']])).toEqual([
      ['a.resource.id', 'in', [1], 'party.party'],
    ]);
  });
});
