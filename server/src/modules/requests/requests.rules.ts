import { addDays } from '../../platform/time.js';
import {
  dateInPast,
  recurrenceNotAllowed,
  recurrenceUntilInvalid,
  windowInvalid,
} from './requests.errors.js';

// A weekly delivery is planned at most 12 weeks ahead; it is renewed with a new request.
export const MAX_WEEKLY_OCCURRENCES = 12;

export interface Schedule {
  preferredDate?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  recurrence?: 'none' | 'weekly';
  recurrenceUntil?: string | null;
}

/**
 * Checks the requested timing against today and the intervention type.
 * @throws 422 for a reversed window, a past date, or a recurrence the type does not allow.
 */
export function validateSchedule(schedule: Schedule, recurringAllowed: boolean, today: string): void {
  if (schedule.windowStart && schedule.windowEnd && schedule.windowStart >= schedule.windowEnd)
    throw windowInvalid();
  if (schedule.preferredDate && schedule.preferredDate < today) throw dateInPast();
  if (schedule.recurrence === 'weekly') {
    if (!recurringAllowed) throw recurrenceNotAllowed();
    const start = schedule.preferredDate ?? today;
    const until = schedule.recurrenceUntil;
    if (!until || until < start || until > addDays(start, 7 * (MAX_WEEKLY_OCCURRENCES - 1)))
      throw recurrenceUntilInvalid();
  }
}

/** The dates a request's tasks fall on: one, or every week from the start to `recurrenceUntil`. */
export function taskDates(schedule: Schedule, today: string): string[] {
  const start = schedule.preferredDate ?? today;
  if (schedule.recurrence !== 'weekly' || !schedule.recurrenceUntil) return [start];
  const dates: string[] = [];
  for (
    let date = start;
    date <= schedule.recurrenceUntil && dates.length < MAX_WEEKLY_OCCURRENCES;
    date = addDays(date, 7)
  ) {
    dates.push(date);
  }
  return dates;
}
