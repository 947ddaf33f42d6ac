import type { AccessPoint } from '../../../../shared/src/catalog/catalog.schemas';
import type { Locale } from '../../i18n/I18nProvider';
import type { CatalogMessages } from '../../i18n/catalog.it';
import { todayIso } from '../../i18n/dates';
import { formatCents } from '../../i18n/money';

/** "7,20 € a pasto"; "Gratuito" for zero. */
export function unitPrice(t: CatalogMessages, locale: Locale, cents: number, unit: string): string {
  if (cents === 0) return t.price.free;
  return t.price.amount(formatCents(cents, locale), t.units.per[unit] ?? '');
}

/** "lunedì 09:00–12:30, …", one entry per opening. */
export function openingHoursText(t: CatalogMessages, hours: AccessPoint['openingHours']): string[] {
  return [...hours]
    .sort((a, b) => a.day - b.day || a.from.localeCompare(b.from))
    .map((h) => t.hours(t.days[h.day] ?? String(h.day), h.from, h.to));
}

/** The current month, `YYYY-MM`: where the statement starts. */
export function currentMonth(now = new Date()): string {
  return todayIso(now).slice(0, 7);
}
