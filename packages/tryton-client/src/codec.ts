import { Decimal, TrytonDate, TrytonDateTime, TrytonTime, TrytonTimeDelta } from './values.js';

/**
 * Tryton's JSON-RPC encoding: values JSON cannot carry are objects with a `__class__` key.
 * Both directions, anywhere in params or results.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Base64 with a line break every 76 characters, as Python's `base64.encodebytes`. */
function base64Lines(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return text.replace(/.{76}(?=.)/g, '$&\n');
}

/** Turns JS values into Tryton's JSON form (walks the value: `toJSON` must not run first). */
export function encodeValue(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return { __class__: 'Decimal', decimal: value.toString() };
  if (value instanceof Decimal) return { __class__: 'Decimal', decimal: value.toString() };
  if (value instanceof TrytonDate) {
    return { __class__: 'date', year: value.year, month: value.month, day: value.day };
  }
  if (value instanceof TrytonDateTime) {
    const { year, month, day, hour, minute, second, microsecond } = value;
    return { __class__: 'datetime', year, month, day, hour, minute, second, microsecond };
  }
  if (value instanceof Date) return encodeValue(TrytonDateTime.fromDate(value));
  if (value instanceof TrytonTime) {
    const { hour, minute, second, microsecond } = value;
    return { __class__: 'time', hour, minute, second, microsecond };
  }
  if (value instanceof TrytonTimeDelta) return { __class__: 'timedelta', seconds: value.seconds };
  if (value instanceof Uint8Array) return { __class__: 'bytes', base64: base64Lines(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = encodeValue(item);
    }
    return out;
  }
  throw new TypeError(`tryton-client: cannot encode a ${typeof value}`);
}

export function encode(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' ? value : fallback;
}

function reviveClass(object: Record<string, unknown>): unknown {
  switch (object.__class__) {
    case 'Decimal':
      return Decimal.from(String(object.decimal));
    case 'date':
      return new TrytonDate(num(object.year), num(object.month), num(object.day));
    case 'datetime':
      return new TrytonDateTime(
        num(object.year),
        num(object.month),
        num(object.day),
        num(object.hour),
        num(object.minute),
        num(object.second),
        num(object.microsecond),
      );
    case 'time':
      return new TrytonTime(
        num(object.hour),
        num(object.minute),
        num(object.second),
        num(object.microsecond),
      );
    case 'timedelta':
      return new TrytonTimeDelta(num(object.seconds));
    case 'bytes':
      return new Uint8Array(Buffer.from(String(object.base64), 'base64'));
    default:
      return object;
  }
}

/** Parses a Tryton JSON-RPC body, reviving Decimal, dates, times, durations and bytes. */
export function decode(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>).__class__ === 'string'
      ? reviveClass(value as Record<string, unknown>)
      : value,
  );
}
