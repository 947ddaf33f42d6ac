import type { Task } from '../../../../shared/src/tasks/tasks.schemas';

/** A volunteer's stops in the order of the published round; tasks outside a round follow, by time. */
export function orderStops(tasks: readonly Task[]): Task[] {
  const key = (t: Task) => t.plannedStart ?? t.windowStart ?? '99:99';
  return [...tasks].sort((a, b) => {
    const pa = a.roundPosition ?? Number.MAX_SAFE_INTEGER;
    const pb = b.roundPosition ?? Number.MAX_SAFE_INTEGER;
    return pa !== pb ? pa - pb : key(a).localeCompare(key(b));
  });
}

/** `tel:` link for a phone number as people write it ("370 641 7551", "+39 0372 …"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * Directions to a stop in the browser (OpenStreetMap, from wherever the phone is), by coordinates
 * when known, else by address.
 */
export function directionsHref(
  task: Pick<Task, 'latitude' | 'longitude' | 'address' | 'comuneName'>,
): string {
  if (task.latitude !== null && task.longitude !== null) {
    return `https://www.openstreetmap.org/directions?route=;${task.latitude}%2C${task.longitude}`;
  }
  const query = [task.address, task.comuneName].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** `geo:` link that opens the phone's own maps app; null without coordinates. */
export function geoHref(task: Pick<Task, 'latitude' | 'longitude'>): string | null {
  if (task.latitude === null || task.longitude === null) return null;
  return `geo:${task.latitude},${task.longitude}`;
}

/** A calendar day in the user's time zone as YYYY-MM-DD, `offset` days from today. */
export function localDate(offset = 0, now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
