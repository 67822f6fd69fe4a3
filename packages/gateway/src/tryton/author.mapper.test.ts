import { describe, expect, it } from 'vitest';
import { AUTHOR_FIELDS, author } from './author.mapper.js';
import { toMember } from './member.mapper.js';
import { SALE_FIELDS, type SaleRead, toOrder } from './sale.mapper.js';

describe('authors', () => {
  it('reads the e-mail the module recorded; nothing when the staff wrote it', () => {
    expect(author({ portal_accepted_by_email: 'paul@example.fr' }, 'acceptedBy')).toEqual({
      email: 'paul@example.fr',
    });
    // Tryton reads an empty Char as false or null.
    expect(author({ portal_accepted_by_email: false }, 'acceptedBy')).toBeNull();
    expect(author({ portal_declined_by_email: null }, 'declinedBy')).toBeNull();
  });

  it('are read with every order', () => {
    for (const field of [
      AUTHOR_FIELDS.requestedBy,
      AUTHOR_FIELDS.acceptedBy,
      AUTHOR_FIELDS.declinedBy,
    ])
      expect(SALE_FIELDS).toContain(field);
    const order = toOrder({
      id: 7,
      state: 'confirmed',
      'currency.': { code: 'EUR' },
      portal_accepted_by_email: 'paul@example.fr',
      portal_requested_by_email: null,
    } as unknown as SaleRead);
    expect(order).toMatchObject({
      acceptedBy: { email: 'paul@example.fr' },
      requestedBy: null,
      declinedBy: null,
    });
  });

  it('name who changed a member’s role; none in an answer stored before there was one', () => {
    const row = {
      id: 3,
      email: 'luc@example.fr',
      role: 'buyer',
      state: 'active',
      invited_by: 'marie@example.fr',
      invitation_expires: null,
      created: null,
    };
    expect(toMember({ ...row, role_changed_by: 'marie@example.fr' }).roleChangedBy).toEqual({
      email: 'marie@example.fr',
    });
    expect(toMember({ ...row, role_changed_by: null }).roleChangedBy).toBeNull();
    // A replay answers what the idempotency key stored, maybe from before the field.
    expect(toMember(row).roleChangedBy).toBeNull();
  });
});
