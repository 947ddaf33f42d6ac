// Legami serves Italian territories: "today" and "tomorrow" are dates in Rome, whatever the server's zone.
const romeDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Rome of an instant, as YYYY-MM-DD. */
export function dateInRome(instant: Date = new Date()): string {
  return romeDate.format(instant);
}

/**
 * Today in Rome, YYYY-MM-DD: the one "today" of Legami — ages, birth dates, insurance and
 * training checks, due dates. Never `new Date().toISOString().slice(0, 10)`, which is the UTC
 * date and is yesterday's between midnight and 01:00 (02:00 in summer) in Italy.
 */
export function todayInRome(): string {
  return dateInRome(new Date());
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD date: Monday = 1 … Sunday = 7. */
export function weekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
