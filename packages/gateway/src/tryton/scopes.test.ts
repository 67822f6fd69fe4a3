import { describe, expect, it } from 'vitest';
import { customerScope } from './scopes.js';
import { nested } from './values.js';

describe('customerScope', () => {
  it('scopes lines through their order or invoice', () => {
    expect(customerScope('sale.line', [7])).toContainEqual(['sale.party', 'in', [7]]);
    expect(customerScope('account.invoice.line', [7])).toContainEqual(['invoice.party', 'in', [7]]);
    expect(customerScope('account.invoice.tax', [7])).toContainEqual(['invoice.type', '=', 'out']);
  });

  it('refuses a model that has no scope rather than reading it unscoped', () => {
    expect(() => customerScope('res.user', [7])).toThrow(/no customer scope for res.user/);
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
