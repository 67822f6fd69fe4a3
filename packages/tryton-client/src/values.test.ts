import { describe, expect, it } from 'vitest';
import { Decimal, TrytonDate, TrytonDateTime } from './values.js';

describe('Decimal', () => {
  it('keeps the exact string form, scale included', () => {
    for (const text of [
      '36.00',
      '-0.5',
      '0',
      '12345678901234567890.123456789',
      '-1384.56',
      '0.000001',
    ]) {
      expect(Decimal.from(text).toString()).toBe(text);
    }
    expect(Decimal.from('1e3').toString()).toBe('1000');
    expect(Decimal.from('1.5E-3').toString()).toBe('0.0015');
    expect(Decimal.from(0.1).toString()).toBe('0.1');
  });

  it('adds, subtracts and multiplies exactly', () => {
    expect(Decimal.from('0.1').add('0.2').toString()).toBe('0.3');
    expect(Decimal.from('10.00').sub('0.01').toString()).toBe('9.99');
    expect(Decimal.from('24.50').mul('2.5').toString()).toBe('61.250');
    expect(Decimal.from('-3.20').mul('24').toString()).toBe('-76.80');
    expect(Decimal.from('99999999999999999999.99').add('0.01').toString()).toBe(
      '100000000000000000000.00',
    );
  });

  it('rounds half to even like Python', () => {
    expect(Decimal.from('2.345').toFixed(2)).toBe('2.34');
    expect(Decimal.from('2.355').toFixed(2)).toBe('2.36');
    expect(Decimal.from('-2.345').toFixed(2)).toBe('-2.34');
    expect(Decimal.from('2.3451').toFixed(2)).toBe('2.35');
    expect(Decimal.from('7').toFixed(2)).toBe('7.00');
  });

  it('compares and refuses what is not a number', () => {
    expect(Decimal.from('1.10').cmp('1.1')).toBe(0);
    expect(Decimal.from('-1').cmp('0')).toBe(-1);
    expect(Decimal.from('0.00').isZero()).toBe(true);
    for (const bad of ['', 'abc', '1.2.3', '--1', 'NaN'])
      expect(() => Decimal.from(bad)).toThrow(RangeError);
    expect(() => Decimal.from(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('accepts leap days and refuses impossible dates', () => {
    expect(TrytonDate.fromISO('2024-02-29').toISOString()).toBe('2024-02-29');
    expect(() => TrytonDate.fromISO('2026-02-29')).toThrow(RangeError);
    expect(() => TrytonDate.fromISO('2026-13-01')).toThrow(RangeError);
    expect(() => TrytonDate.fromISO('24/11/2026')).toThrow(RangeError);
  });

  it('keeps microseconds in datetimes', () => {
    const value = new TrytonDateTime(2026, 11, 24, 9, 30, 5, 123456);
    expect(value.toISOString()).toBe('2026-11-24T09:30:05.123456Z');
    expect(value.toDate().toISOString()).toBe('2026-11-24T09:30:05.123Z');
    expect(TrytonDateTime.fromDate(new Date('2026-01-02T03:04:05.678Z')).microsecond).toBe(678000);
  });
});
