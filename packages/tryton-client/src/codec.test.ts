import { describe, expect, it } from 'vitest';
import { decode, encode, encodeValue } from './codec.js';
import { Decimal, TrytonDate, TrytonDateTime, TrytonTime, TrytonTimeDelta } from './values.js';

describe('codec', () => {
  it('writes Tryton’s wire form', () => {
    expect(encodeValue(Decimal.from('36.00'))).toEqual({ __class__: 'Decimal', decimal: '36.00' });
    expect(encodeValue(TrytonDate.fromISO('2026-11-23'))).toEqual({
      __class__: 'date',
      year: 2026,
      month: 11,
      day: 23,
    });
    expect(encodeValue(new TrytonTimeDelta(3600))).toEqual({
      __class__: 'timedelta',
      seconds: 3600,
    });
    expect(encodeValue(new TrytonTime(8, 5, 0, 12))).toEqual({
      __class__: 'time',
      hour: 8,
      minute: 5,
      second: 0,
      microsecond: 12,
    });
    expect(encodeValue({ a: undefined, b: null })).toEqual({ b: null });
  });

  it('round-trips every value type anywhere in a structure', () => {
    const value = {
      params: [
        [['amount', '>', Decimal.from('-0.000000000001')]],
        {
          when: new TrytonDateTime(2024, 2, 29, 23, 59, 59, 999999),
          day: TrytonDate.fromISO('2024-02-29'),
        },
      ],
      nested: [
        {
          at: new TrytonTime(0, 0, 0, 1),
          delay: new TrytonTimeDelta(0.000001),
          big: Decimal.from('123456789012345678901234.5678'),
        },
      ],
      float: 37.5,
      text: 'Café',
    };
    const back = decode(encode(value)) as typeof value;
    expect(back.params[0]).toEqual([['amount', '>', Decimal.from('-0.000000000001')]]);
    expect((back.params[1] as { when: TrytonDateTime }).when.toISOString()).toBe(
      '2024-02-29T23:59:59.999999Z',
    );
    expect((back.params[1] as { day: TrytonDate }).day.toISOString()).toBe('2024-02-29');
    expect(back.nested[0]?.big.toString()).toBe('123456789012345678901234.5678');
    expect(back.nested[0]?.delay.seconds).toBe(0.000001);
    expect(back.float).toBe(37.5);
    expect(back.text).toBe('Café');
  });

  it('round-trips empty and large bytes, with Python-style line breaks', () => {
    const empty = decode(encode(new Uint8Array(0))) as Uint8Array;
    expect(empty).toBeInstanceOf(Uint8Array);
    expect(empty.byteLength).toBe(0);
    const large = new Uint8Array(1_000_000).map((_, i) => (i * 31) % 256);
    const wire = encode(large);
    expect(wire).toContain('\\n');
    const back = decode(wire) as Uint8Array;
    expect(Buffer.from(back).equals(Buffer.from(large))).toBe(true);
  });

  it('turns JS Dates into UTC datetimes', () => {
    expect(encodeValue(new Date('2026-11-24T10:00:00.250Z'))).toEqual({
      __class__: 'datetime',
      year: 2026,
      month: 11,
      day: 24,
      hour: 10,
      minute: 0,
      second: 0,
      microsecond: 250000,
    });
  });
});
