import type { Locale } from './I18nProvider';

/*
 * Money is integer cents everywhere (the server refuses fractions). People type euros the
 * Italian way, "23,50": the text is converted digit by digit, never through a float.
 */

// "23", "23,5", "23,50", "23.50", "1.234,50" (dots as thousands separators), an optional "€".
const EUROS = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d{1,2}))?$/;

/** The cents of an amount typed in euros, or null when it is not an amount. */
export function parseEuroCents(text: string): number | null {
  const compact = text.replace(/[\s€]/g, '');
  const match = EUROS.exec(compact);
  if (!match) return null;
  const euros = Number((match[1] ?? '0').replace(/\./g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** Cents as the text of the amount field: 2350 → "23,50". */
export function centsToInput(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

const TAGS: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

/** 2350 → "23,50 €" (it) or "€23.50" (en). */
export function formatCents(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
