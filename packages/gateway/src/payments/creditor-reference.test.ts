import { describe, expect, it } from 'vitest';
import { creditorReference, isCreditorReference, isIban, mod97 } from './creditor-reference.js';

describe('creditor references (ISO 11649)', () => {
  // Published examples: ISO 11649's own, the EPC's, and two from banks' documentation.
  it.each(['RF18539007547034', 'RF712348231', 'RF45G72UUR', 'RF6518K5', 'RF18 5390 0754 7034'])(
    'accepts the known-valid %s',
    (reference) => {
      expect(isCreditorReference(reference)).toBe(true);
    },
  );

  it.each(['RF19539007547034', 'RF18539007547035', 'RF18', 'XX18539007547034', 'RF1853900754703'])(
    'refuses %s (wrong check digits, body, or prefix)',
    (reference) => {
      expect(isCreditorReference(reference)).toBe(false);
    },
  );

  it('rebuilds the check digits of the published examples from their bodies', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(creditorReference('2348231')).toBe('RF712348231');
    expect(creditorReference('G72UUR')).toBe('RF45G72UUR');
    expect(creditorReference('18K5')).toBe('RF6518K5');
  });

  it('makes a valid reference of an invoice number, keeping its letters and digits', () => {
    const reference = creditorReference('FA2026-00012');
    expect(reference).toMatch(/^RF\d{2}FA202600012$/);
    expect(isCreditorReference(reference as string)).toBe(true);
    expect(creditorReference('fa2026/00012')).toBe(reference);
  });

  it('gives none for an empty number or one longer than 21 letters and digits', () => {
    expect(creditorReference('--')).toBeNull();
    expect(creditorReference('A'.repeat(21))).toMatch(/^RF\d{2}A{21}$/);
    expect(creditorReference('A'.repeat(22))).toBeNull();
  });

  it('checks IBANs with the same mod 97', () => {
    expect(isIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(mod97('30006000011234567890189152776')).toBe(1);
    expect(() => mod97('12-3')).toThrow(RangeError);
  });
});
