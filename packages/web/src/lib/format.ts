// Display helpers. Amounts arrive as exact decimal strings; converting to a number only for
// display is safe at invoice magnitudes (no arithmetic is done on them here).

export interface MoneyValue {
  amount: string;
  currency: string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${locale}${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${locale}${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

export function formatMoney(money: MoneyValue, language: string): string {
  return numberFormat(localeOf(language), { style: 'currency', currency: money.currency }).format(
    Number(money.amount),
  );
}

export function formatCompactMoney(amount: number, currency: string, language: string): string {
  return numberFormat(localeOf(language), {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(localeOf(language), { maximumFractionDigits: 3 }).format(value);
}

/** Dates are calendar days ("2026-11-24"): parse them as local dates, not UTC instants. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function formatDate(value: string, language: string): string {
  const date = value.length > 10 ? new Date(value) : parseDay(value);
  return dateFormat(localeOf(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(
    date,
  );
}

export function formatMonth(
  month: string,
  language: string,
  style: 'narrow' | 'short' | 'long',
): string {
  return dateFormat(localeOf(language), {
    month: style,
    ...(style === 'long' ? { year: 'numeric' } : {}),
  }).format(parseDay(`${month}-01`));
}

export function formatBytes(size: number, language: string, units: Record<string, string>): string {
  const steps = ['B', 'kB', 'MB', 'GB'] as const;
  let value = size;
  let step = 0;
  while (value >= 1024 && step < steps.length - 1) {
    value /= 1024;
    step += 1;
  }
  const digits = step === 0 || value >= 10 ? 0 : 1;
  const number = numberFormat(localeOf(language), { maximumFractionDigits: digits }).format(value);
  return `${number} ${units[steps[step] ?? 'B']}`;
}
