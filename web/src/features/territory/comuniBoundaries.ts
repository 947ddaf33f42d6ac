import rings from '../../../../shared/src/territory/comuni-boundaries.json';

/*
 * Municipal boundaries of the province of Cremona: ISTAT limits of June 2023 as published by
 * Openpolis (geojson-italy), CC BY 4.0. Simplified for drawing only (Douglas–Peucker, 0.002°,
 * 4 decimals, outer rings only): each ring is a string of "lon,lat" pairs.
 */

export type LatLng = [number, number];

const parsed = new Map<string, LatLng[][]>(
  Object.entries(rings as Record<string, string[]>).map(([code, list]) => [
    code,
    list.map((ring) =>
      ring.split(' ').map((pair) => {
        const [lon, lat] = pair.split(',').map(Number);
        return [lat ?? 0, lon ?? 0] as LatLng;
      }),
    ),
  ]),
);

/** The outline(s) of a comune as Leaflet positions, by ISTAT code; empty when unknown. */
export function comuneOutline(istatCode: string): LatLng[][] {
  return parsed.get(istatCode) ?? [];
}
