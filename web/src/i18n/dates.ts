// Legami's one "today" is the calendar day in Rome, as on the server (platform/time.ts): a phone or
// a test browser set to another zone (UTC, say, a day behind between midnight and 01:00 in Italy)
// must not show yesterday's tasks or date a form before the day the server counts.
const romeDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar day in Rome, as yyyy-mm-dd (the form of date fields and of the API). */
export function todayIso(now = new Date()): string {
  return romeDate.format(now);
}

/** A calendar day moved by whole days: `addDaysIso('2026-11-30', 1)` → `2026-12-01`. */
export function addDaysIso(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
