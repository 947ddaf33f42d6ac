import type { Locale } from './I18nProvider';

const TAGS: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

/** `1985-01-24` → `24/01/1985` (it) or `24/01/1985` (en-GB): dates are calendar days, no time zone. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(TAGS[locale], { timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** An instant in the reader's time zone, to the minute. */
export function formatDateTime(isoInstant: string, locale: Locale): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}
