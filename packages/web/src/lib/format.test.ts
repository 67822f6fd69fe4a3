import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatMonth } from './format';

// Intl's spaces, spelled out: a narrow no-break space groups French thousands and a no-break
// space comes before the euro sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formats of the two languages', () => {
  const amount = { amount: '1384.50', currency: 'EUR' };

  it('writes money in French and in English', () => {
    expect(formatMoney(amount, 'fr')).toBe(`1${NNBSP}384,50${NBSP}€`);
    expect(formatMoney(amount, 'en')).toBe('€1,384.50');
    expect(formatMoney({ amount: '0', currency: 'EUR' }, 'en')).toBe('€0.00');
    expect(formatMoney({ amount: '-12.5', currency: 'EUR' }, 'en')).toBe('-€12.50');
  });

  it('writes calendar days in French and in English', () => {
    expect(formatDate('2026-11-24', 'fr')).toBe('24 nov. 2026');
    expect(formatDate('2026-11-24', 'en')).toBe('24 Nov 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
  });

  it('names months in French and in English', () => {
    expect(formatMonth('2026-03', 'fr', 'long')).toBe('mars 2026');
    expect(formatMonth('2026-03', 'en', 'long')).toBe('March 2026');
    expect(formatMonth('2026-03', 'en', 'short')).toBe('Mar');
  });
});
