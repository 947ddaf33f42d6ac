/** Today's calendar day where the user is, as yyyy-mm-dd (the form of date fields and of the API). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar day moved by whole days: `addDaysIso('2026-11-30', 1)` → `2026-12-01`. */
export function addDaysIso(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
