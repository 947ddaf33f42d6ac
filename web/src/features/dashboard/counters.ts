import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import type { Messages } from '../../i18n/it';
import type { Locale } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';

export type CounterKey = keyof Messages['dashboard']['counters'];

const COUNTERS: CounterKey[] = [
  'requestsToday',
  'awaitingTriage',
  'tasksToday',
  'unassignedToday',
  'overdue',
  'doneToday',
  'failedToday',
  'awaitingDecision',
  'volunteersActive',
  'moneyAdvancedCents',
  'moneyToReimburseCents',
];

// Counters that call for action when not zero.
export const ALERTING: CounterKey[] = [
  'awaitingTriage',
  'unassignedToday',
  'overdue',
  'failedToday',
  'awaitingDecision',
];

/** The day's counters as label, formatted value and whether they need attention. */
export function countersOf(d: Dashboard, t: Messages, locale: Locale) {
  return COUNTERS.map((key) => ({
    key,
    label: t.dashboard.counters[key],
    value: key.endsWith('Cents') ? formatCents(d[key], locale) : formatNumber(d[key], locale),
    alert: ALERTING.includes(key) && d[key] > 0,
  }));
}
