/**
 * Geocoding of a person's address through a Nominatim-compatible service (`GEOCODER_URL`), off
 * unless configured. Only the street, the comune and the country are sent — never a name or a
 * codice fiscale. A slow, failing or empty answer gives no point: the caller keeps the comune's
 * point as the flagged fallback ("posizione da confermare").
 */

export interface GeocodeQuery {
  /** Street and house number, as written by the operator ("Via Garibaldi 84"). */
  street: string;
  comuneName: string;
  postalCode?: string | undefined;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

// A help line waits on the answer while the operator is on the phone: a short deadline.
const TIMEOUT_MS = 3000;
// Nominatim's usage policy asks for an identifying User-Agent.
const USER_AGENT = 'Legami/0.1 (welfare di comunità; geocodifica degli indirizzi)';
// Around the province of Cremona with a margin: an answer far away is a wrong match, not a point.
const PLAUSIBLE = { south: 44.8, north: 45.7, west: 9.3, east: 10.7 };

/** The `/search` address of a structured Nominatim query for an Italian address. */
export function geocodeUrl(baseUrl: string, query: GeocodeQuery): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + '/search');
  url.searchParams.set('street', query.street);
  url.searchParams.set('city', query.comuneName);
  if (query.postalCode) url.searchParams.set('postalcode', query.postalCode);
  url.searchParams.set('country', 'Italia');
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('limit', '1');
  return url.toString();
}

/** The first hit of a Nominatim answer, if it is a usable point near the province. */
export function pointOf(body: unknown): GeoPoint | null {
  if (!Array.isArray(body) || body.length === 0) return null;
  const first = body[0] as { lat?: unknown; lon?: unknown };
  const latitude = Number(first.lat);
  const longitude = Number(first.lon);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (latitude < PLAUSIBLE.south || latitude > PLAUSIBLE.north) return null;
  if (longitude < PLAUSIBLE.west || longitude > PLAUSIBLE.east) return null;
  return { latitude, longitude };
}

/**
 * The point of an address, or null (service off, unreachable, slow, no match).
 * Never throws: an address without a point is still a valid address.
 */
export async function geocodeAddress(
  baseUrl: string | null | undefined,
  query: GeocodeQuery,
  onFailure?: (reason: string) => void,
): Promise<GeoPoint | null> {
  if (!baseUrl || query.street.trim() === '') return null;
  try {
    const response = await fetch(geocodeUrl(baseUrl, query), {
      headers: { accept: 'application/json', 'user-agent': USER_AGENT },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      onFailure?.(`HTTP ${response.status}`);
      return null;
    }
    return pointOf(await response.json());
  } catch (error) {
    // The address is personal data: only the kind of failure is logged.
    onFailure?.((error as Error).name);
    return null;
  }
}
