import { weekday, addDays } from '../../platform/time.js';
import type { ORDER_STATUSES } from '../../../../shared/src/catalog/catalog.schemas.js';

/* The order lifecycle and capacity periods: pure rules. */

type Status = (typeof ORDER_STATUSES)[number];
export type OrderAction = 'confirm' | 'decline' | 'deliver' | 'close' | 'cancel';

export interface Transition {
  from: readonly Status[];
  to: Status;
  by: 'provider' | 'provider_or_beneficiary';
  needsReason: boolean;
  /** Past participle for messages ("non può essere confermato"). */
  label: string;
}

// requested → confirmed → delivered → closed; declined (by the provider) or cancelled, with a reason.
const TRANSITIONS: Record<OrderAction, Transition> = {
  confirm: { from: ['requested'], to: 'confirmed', by: 'provider', needsReason: false, label: 'confermato' },
  decline: { from: ['requested'], to: 'declined', by: 'provider', needsReason: true, label: 'rifiutato' },
  deliver: {
    from: ['confirmed'],
    to: 'delivered',
    by: 'provider',
    needsReason: false,
    label: 'segnato come erogato',
  },
  close: { from: ['delivered'], to: 'closed', by: 'provider', needsReason: false, label: 'chiuso' },
  cancel: {
    from: ['requested', 'confirmed'],
    to: 'cancelled',
    by: 'provider_or_beneficiary',
    needsReason: true,
    label: 'annullato',
  },
};

export function transitionOf(action: OrderAction): Transition {
  return TRANSITIONS[action];
}

/** Statuses reachable from `status` by some action. */
export function nextStatuses(status: Status): Status[] {
  return Object.values(TRANSITIONS)
    .filter((t) => t.from.includes(status))
    .map((t) => t.to);
}

/** The capacity period a start date falls in: the day, the ISO week's Monday, or the month. */
export function periodKeyOf(startDate: string, period: 'day' | 'week' | 'month' | null): string {
  if (period === 'day') return startDate;
  if (period === 'week') return `W${addDays(startDate, 1 - weekday(startDate))}`;
  if (period === 'month') return startDate.slice(0, 7);
  return 'all';
}
