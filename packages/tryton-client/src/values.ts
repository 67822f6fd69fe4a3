/**
 * Value types for what JSON cannot carry exactly: Tryton's Decimal, date, datetime, time and
 * timedelta. Money never becomes a JS number: `Decimal` keeps an exact unscaled BigInt.
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** An exact decimal number: `Decimal.from('36.00').toString() === '36.00'`. */
export class Decimal {
  private constructor(
    /** The digits without the point, with the sign. */
    readonly unscaled: bigint,
    /** How many of those digits are after the point. */
    readonly scale: number,
  ) {}

  static from(value: string | number | bigint | Decimal): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return new Decimal(value, 0);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`Decimal: not a finite number: ${value}`);
      return Decimal.from(String(value));
    }
    const match = DECIMAL.exec(value.trim());
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      throw new RangeError(`Decimal: not a decimal number: ${JSON.stringify(value)}`);
    }
    const [, sign, whole = '', fraction = '', exponent = '0'] = match;
    let scale = fraction.length - Number(exponent);
    let digits = BigInt(`${whole}${fraction}` || '0');
    if (scale < 0) {
      digits *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(sign === '-' ? -digits : digits, scale);
  }

  private static aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
    const scale = Math.max(a.scale, b.scale);
    return [
      a.unscaled * 10n ** BigInt(scale - a.scale),
      b.unscaled * 10n ** BigInt(scale - b.scale),
      scale,
    ];
  }

  add(other: Decimal | string | number): Decimal {
    const [a, b, scale] = Decimal.aligned(this, Decimal.from(other));
    return new Decimal(a + b, scale);
  }

  sub(other: Decimal | string | number): Decimal {
    const [a, b, scale] = Decimal.aligned(this, Decimal.from(other));
    return new Decimal(a - b, scale);
  }

  mul(other: Decimal | string | number): Decimal {
    const o = Decimal.from(other);
    return new Decimal(this.unscaled * o.unscaled, this.scale + o.scale);
  }

  neg(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  abs(): Decimal {
    return this.unscaled < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1. */
  cmp(other: Decimal | string | number): -1 | 0 | 1 {
    const [a, b] = Decimal.aligned(this, Decimal.from(other));
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Decimal | string | number): boolean {
    return this.cmp(other) === 0;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  isNegative(): boolean {
    return this.unscaled < 0n;
  }

  /** Rounded half to even (Python's and Tryton's default) to `digits` places. */
  toFixed(digits: number): string {
    if (digits >= this.scale) {
      return new Decimal(this.unscaled * 10n ** BigInt(digits - this.scale), digits).toString();
    }
    const divisor = 10n ** BigInt(this.scale - digits);
    const negative = this.unscaled < 0n;
    const magnitude = negative ? -this.unscaled : this.unscaled;
    let quotient = magnitude / divisor;
    const remainder = magnitude % divisor;
    const twice = remainder * 2n;
    if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
    return new Decimal(negative ? -quotient : quotient, digits).toString();
  }

  /** Lossy: for charts and arithmetic that tolerates floats, never for money shown as text. */
  toNumber(): number {
    return Number(this.toString());
  }

  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled)
      .toString()
      .padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = this.scale ? `.${digits.slice(digits.length - this.scale)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A calendar date without time zone. */
export class TrytonDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {
    const check = new Date(Date.UTC(year, month - 1, day));
    if (
      !Number.isInteger(year) ||
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day
    ) {
      throw new RangeError(`TrytonDate: invalid date ${year}-${month}-${day}`);
    }
  }

  static fromISO(text: string): TrytonDate {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) throw new RangeError(`TrytonDate: not an ISO date: ${JSON.stringify(text)}`);
    return new TrytonDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  /** Midnight UTC of that day. */
  toDate(): Date {
    return new Date(Date.UTC(this.year, this.month - 1, this.day));
  }

  toISOString(): string {
    return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
  }

  toString(): string {
    return this.toISOString();
  }

  toJSON(): string {
    return this.toISOString();
  }
}

/** A naive UTC date and time with microseconds, as Tryton stores them. */
export class TrytonDateTime {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour = 0,
    readonly minute = 0,
    readonly second = 0,
    readonly microsecond = 0,
  ) {}

  static fromDate(date: Date): TrytonDateTime {
    return new TrytonDateTime(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds() * 1000,
    );
  }

  /** A JS Date (milliseconds: the microseconds below are dropped). */
  toDate(): Date {
    return new Date(
      Date.UTC(
        this.year,
        this.month - 1,
        this.day,
        this.hour,
        this.minute,
        this.second,
        Math.floor(this.microsecond / 1000),
      ),
    );
  }

  toISOString(): string {
    return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}T${pad(this.hour)}:${pad(
      this.minute,
    )}:${pad(this.second)}.${pad(this.microsecond, 6)}Z`;
  }

  toString(): string {
    return this.toISOString();
  }

  toJSON(): string {
    return this.toISOString();
  }
}

export class TrytonTime {
  constructor(
    readonly hour = 0,
    readonly minute = 0,
    readonly second = 0,
    readonly microsecond = 0,
  ) {}

  toString(): string {
    return `${pad(this.hour)}:${pad(this.minute)}:${pad(this.second)}.${pad(this.microsecond, 6)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** A duration in seconds (fractional: microseconds are kept). */
export class TrytonTimeDelta {
  constructor(readonly seconds: number) {}

  toJSON(): number {
    return this.seconds;
  }
}
