import type { DistanceSourceSpec, GeoPoint, Location, PlanarPoint } from './planner.types.js';

/** All-pairs travel data among `size` points, row-major (`from * size + to`). */
export interface TravelMatrices {
  readonly size: number;
  /** km for geographic sources, coordinate units for planar ones. */
  readonly distances: Float64Array;
  /** Minutes for geographic sources, distance / speed for planar ones. */
  readonly durations: Float64Array;
  /** True when durations obey the triangle inequality (not guaranteed for road networks). */
  readonly triangleInequality: boolean;
}

/** Anything that can produce travel matrices for a list of points. */
export interface DistanceMatrixSource {
  matrices(points: readonly Location[]): Promise<TravelMatrices>;
}

const EARTH_RADIUS_KM = 6371.0088;
export const DEFAULT_ROAD_FACTOR = 1.3;
export const DEFAULT_SPEED_KMH = 35;

function isGeo(point: Location): point is GeoPoint {
  return 'lat' in point;
}

function requireGeo(point: Location): GeoPoint {
  if (!isGeo(point)) throw new TypeError('This distance source needs lat/lon points, got x/y.');
  return point;
}

function requirePlanar(point: Location): PlanarPoint {
  if (isGeo(point)) throw new TypeError('The Euclidean source needs x/y points, got lat/lon.');
  return point;
}

/**
 * Great-circle distance between two WGS84 points.
 * @param a first point, degrees
 * @param b second point, degrees
 * @returns distance in km
 */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function buildMatrices(
  size: number,
  distance: (from: number, to: number) => number,
  minutesPerUnit: number,
): TravelMatrices {
  const distances = new Float64Array(size * size);
  const durations = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const d = distance(i, j);
      distances[i * size + j] = d;
      distances[j * size + i] = d;
      durations[i * size + j] = d * minutesPerUnit;
      durations[j * size + i] = d * minutesPerUnit;
    }
  }
  return { size, distances, durations, triangleInequality: true };
}

/**
 * Road-distance estimate without a network: great-circle distance × road factor, at a constant speed.
 * @param points lat/lon points
 * @param roadFactor ratio road / great-circle distance
 * @param speedKmh average speed
 * @throws TypeError when a point is planar
 */
export function haversineMatrices(
  points: readonly Location[],
  roadFactor = DEFAULT_ROAD_FACTOR,
  speedKmh = DEFAULT_SPEED_KMH,
): TravelMatrices {
  const geo = points.map(requireGeo);
  return buildMatrices(geo.length, (i, j) => haversineKm(geo[i]!, geo[j]!) * roadFactor, 60 / speedKmh);
}

/**
 * Planar Euclidean distances, as in the Solomon and TSPLIB benchmarks.
 * @param points x/y points
 * @param speed distance units per time unit (1: travel time equals distance)
 * @param round round each distance to the nearest integer (TSPLIB EUC_2D)
 * @throws TypeError when a point is geographic
 */
export function euclideanMatrices(points: readonly Location[], speed = 1, round = false): TravelMatrices {
  const planar = points.map(requirePlanar);
  return buildMatrices(
    planar.length,
    (i, j) => {
      const d = Math.hypot(planar[i]!.x - planar[j]!.x, planar[i]!.y - planar[j]!.y);
      return round ? Math.round(d) : d;
    },
    1 / speed,
  );
}

interface OsrmTableResponse {
  code: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

export interface OsrmSourceOptions {
  readonly baseUrl: string;
  readonly profile?: string;
  readonly maxTableSize?: number;
  /** Injected for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * Travel matrices from an OSRM-compatible `/table/v1/{profile}/` endpoint, requested in blocks of at
 * most `maxTableSize` sources × `maxTableSize` destinations (servers cap the table size).
 * Unreachable pairs (null in the response) become Infinity, so the solver never uses them.
 * @param options server URL, profile (default `driving`), block size (default 100), fetch
 */
export function osrmSource(options: OsrmSourceOptions): DistanceMatrixSource {
  const profile = options.profile ?? 'driving';
  const block = options.maxTableSize ?? 100;
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async matrices(points) {
      const geo = points.map(requireGeo);
      const size = geo.length;
      const distances = new Float64Array(size * size);
      const durations = new Float64Array(size * size);
      for (let si = 0; si < size; si += block) {
        const sources = geo.slice(si, si + block);
        for (let di = 0; di < size; di += block) {
          const destinations = geo.slice(di, di + block);
          const coords = [...sources, ...destinations]
            .map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`)
            .join(';');
          const sourceIdx = sources.map((_, k) => k).join(';');
          const destIdx = destinations.map((_, k) => sources.length + k).join(';');
          const url = `${base}/table/v1/${profile}/${coords}?sources=${sourceIdx}&destinations=${destIdx}&annotations=duration,distance`;
          const response = await doFetch(url);
          if (!response.ok) throw new Error(`OSRM table request failed with HTTP ${response.status}`);
          const body = (await response.json()) as OsrmTableResponse;
          if (body.code !== 'Ok' || !body.durations || !body.distances) {
            throw new Error(`OSRM table request failed: ${body.code} ${body.message ?? ''}`.trim());
          }
          for (let a = 0; a < sources.length; a++) {
            for (let b = 0; b < destinations.length; b++) {
              const seconds = body.durations[a]?.[b];
              const meters = body.distances[a]?.[b];
              const cell = (si + a) * size + di + b;
              durations[cell] = seconds === null || seconds === undefined ? Infinity : seconds / 60;
              distances[cell] = meters === null || meters === undefined ? Infinity : meters / 1000;
            }
          }
        }
      }
      return { size, distances, durations, triangleInequality: false };
    },
  };
}

/**
 * Builds the source described by a serializable spec (what crosses a worker boundary).
 * @param spec the description; haversine × 1.3 at 35 km/h when absent
 * @param fetchImpl fetch used by the OSRM source
 */
export function createDistanceSource(
  spec?: DistanceSourceSpec,
  fetchImpl?: typeof fetch,
): DistanceMatrixSource {
  const resolved: DistanceSourceSpec = spec ?? { kind: 'haversine' };
  switch (resolved.kind) {
    case 'haversine':
      return {
        matrices: async (points) => haversineMatrices(points, resolved.roadFactor, resolved.speedKmh),
      };
    case 'euclidean':
      return { matrices: async (points) => euclideanMatrices(points, resolved.speed, resolved.round) };
    case 'osrm':
      return osrmSource({ ...resolved, fetch: fetchImpl });
  }
}
