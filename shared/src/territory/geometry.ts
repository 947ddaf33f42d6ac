/**
 * Plane geometry on the comuni boundaries (shared/src/territory/comuni-boundaries.json: ISTAT limits
 * of June 2023 by Openpolis, CC BY 4.0, simplified; each ring a string of "lon,lat" pairs). At the
 * scale of a comune, longitude and latitude can be treated as plane coordinates.
 */

export type LonLat = readonly [number, number];

/** "lon,lat lon,lat …" → pairs. */
export function parseRing(ring: string): LonLat[] {
  return ring.split(' ').map((pair) => {
    const [lon, lat] = pair.split(',').map(Number);
    return [lon ?? 0, lat ?? 0] as const;
  });
}

/** Even–odd rule: is the point inside the ring? */
export function insideRing(lon: number, lat: number, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside any of a comune's outer rings (a comune may have exclaves). */
export function insideRings(lon: number, lat: number, rings: readonly (readonly LonLat[])[]): boolean {
  return rings.some((ring) => insideRing(lon, lat, ring));
}

/**
 * A point drawn uniformly inside the rings by rejection in their bounding box, using `rand` for
 * the draws; null when the rings are empty or nothing was hit in `tries` draws.
 */
export function randomPointInside(
  rings: readonly (readonly LonLat[])[],
  rand: () => number,
  tries = 200,
): { latitude: number; longitude: number } | null {
  const all = rings.flat();
  if (all.length === 0) return null;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  for (let i = 0; i < tries; i++) {
    const lon = west + rand() * (east - west);
    const lat = south + rand() * (north - south);
    if (insideRings(lon, lat, rings))
      return { latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lon * 1e6) / 1e6 };
  }
  return null;
}
