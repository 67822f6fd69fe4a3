import { TrytonDate } from '@portal/tryton-client';
import { badInput } from '../errors.js';

/** A Date scalar value (YYYY-MM-DD) as Tryton's date; anything else is BAD_USER_INPUT. */
export function trytonDate(iso: string): TrytonDate {
  try {
    return TrytonDate.fromISO(iso);
  } catch {
    throw badInput(`Not a date (YYYY-MM-DD): ${JSON.stringify(iso).slice(0, 40)}`);
  }
}

/** Today in the company's time zone would be better; UTC is what Tryton stores. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
