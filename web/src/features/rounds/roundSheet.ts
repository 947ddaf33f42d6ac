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

type Place = Pick<Task, 'latitude' | 'longitude' | 'address' | 'comuneName' | 'approximateLocation'>;

/** The phone's maps app: Apple Maps on iOS, the geo: intent on Android, none on a computer. */
export type MapsPlatform = 'ios' | 'android' | 'other';

export function mapsPlatform(userAgent: string, maxTouchPoints = 0): MapsPlatform {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  // iPadOS asks for desktop pages and says "Macintosh"; only its touch screen tells it apart.
  if (/Macintosh/.test(userAgent) && maxTouchPoints > 1) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'other';
}

/** The address as a maps app searches it: street and number, comune, country. */
export function addressQuery(place: Pick<Task, 'address' | 'comuneName'>): string {
  return [place.address, place.comuneName, 'Italia'].filter(Boolean).join(', ');
}

/** A point worth navigating to: the geocoded address, not the comune's centre standing in for it. */
const exactPoint = (place: Place) =>
  place.latitude !== null && place.longitude !== null && !place.approximateLocation;

/**
 * Directions to a stop in the browser (OpenStreetMap, from wherever the phone is): to the point
 * when the address was geocoded, else a search for the address itself.
 */
export function directionsHref(place: Place): string {
  if (exactPoint(place)) {
    return `https://www.openstreetmap.org/directions?route=;${place.latitude}%2C${place.longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressQuery(place))}`;
}

/**
 * A link that opens the ADDRESS in the phone's own maps app, which finds the house better than a
 * point can: Apple Maps on iOS (a maps.apple.com address opens the app), the `geo:` intent with a
 * query on Android (Google Maps, OsmAnd, …). Null on a computer, or without an address.
 */
export function mapsAppHref(place: Place, platform: MapsPlatform): string | null {
  if (platform === 'other' || !place.address) return null;
  const q = encodeURIComponent(addressQuery(place));
  if (platform === 'ios') {
    const near = exactPoint(place) ? `&ll=${place.latitude},${place.longitude}` : '';
    return `https://maps.apple.com/?daddr=${q}${near}`;
  }
  return `geo:0,0?q=${q}`;
}

/** The maps platform of this browser. */
export function currentMapsPlatform(): MapsPlatform {
  if (typeof navigator === 'undefined') return 'other';
  return mapsPlatform(navigator.userAgent, navigator.maxTouchPoints);
}
