import { parse } from 'csv-parse/sync';
import {
  createRng,
  type GeoPoint,
  type PlanningProblem,
  type PlanningTask,
  type PlanningVolunteer,
  type Rng,
} from '../../server/src/modules/planner/index.js';

interface Comune {
  readonly code: string;
  readonly point: GeoPoint;
  readonly population: number;
  readonly areaKm2: number;
}

/**
 * Reads `comuni_cremona.csv` (interior point, 2021 population, area).
 * @throws Error when a required column is missing
 */
export function parseComuni(csv: string): Comune[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row) => {
    const value = (column: string) => {
      const raw = row[column];
      if (raw === undefined) throw new Error(`comuni CSV: missing column ${column}`);
      return raw;
    };
    return {
      code: value('codice_istat'),
      point: { lat: Number(value('punto_interno_lat')), lon: Number(value('punto_interno_lon')) },
      population: Number(value('popolazione_residente_2021_01_01')),
      areaKm2: Number(value('superficie_km2_calcolata')),
    };
  });
}

export interface CremonaDayOptions {
  readonly tasks: number;
  readonly volunteers: number;
  readonly seed: number;
}

/** Picks comuni in proportion to their population. */
function populationSampler(comuni: readonly Comune[], rng: Rng): () => Comune {
  const cumulative: number[] = [];
  let total = 0;
  for (const comune of comuni) cumulative.push((total += comune.population));
  return () => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return comuni[lo]!;
  };
}

/** A point scattered around the comune's interior point, within about its own radius. */
function scatter(comune: Comune, rng: Rng): GeoPoint {
  const radiusKm = Math.sqrt(comune.areaKm2 / Math.PI) * 0.6;
  const r = radiusKm * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const dLat = (r * Math.sin(angle)) / 111.2;
  const dLon = (r * Math.cos(angle)) / (111.2 * Math.cos((comune.point.lat * Math.PI) / 180));
  return { lat: comune.point.lat + dLat, lon: comune.point.lon + dLon };
}

const HOUR = 60;

/**
 * A synthetic but realistic day in the province of Cremona: homes spread around the comuni in
 * proportion to population; morning (8–13), afternoon (14–18) and narrow one-hour windows; 1–3
 * parcels; 5–15 minutes of service; a few tasks needing a car or training; volunteers with
 * morning, afternoon or full-day availability, capacity 12 (20 with a car), at most 12 tasks.
 * 2 % of the tasks have no coordinates, only their comune. Deterministic for a seed.
 * @param comuni output of `parseComuni`
 */
export function generateCremonaDay(comuni: readonly Comune[], options: CremonaDayOptions): PlanningProblem {
  const rng = createRng(options.seed);
  const pick = populationSampler(comuni, rng);
  const tasks: PlanningTask[] = Array.from({ length: options.tasks }, (_, i) => {
    const comune = pick();
    const kind = rng.next();
    let timeWindow;
    if (kind < 0.45) timeWindow = { start: 8 * HOUR, end: 13 * HOUR };
    else if (kind < 0.8) timeWindow = { start: 14 * HOUR, end: 18 * HOUR };
    else {
      const start = 8 * HOUR + 30 * rng.int(17);
      timeWindow = { start, end: start + HOUR };
    }
    const loadDraw = rng.next();
    const load = loadDraw < 0.6 ? 1 : loadDraw < 0.85 ? 2 : 3;
    const skillDraw = rng.next();
    const requiredSkills = skillDraw < 0.05 ? ['car'] : skillDraw < 0.08 ? ['training'] : undefined;
    const withoutAddress = rng.next() < 0.02;
    return {
      id: `task-${i + 1}`,
      location: withoutAddress ? undefined : scatter(comune, rng),
      comuneCode: comune.code,
      timeWindow,
      serviceMinutes: 5 + rng.int(11),
      load,
      requiredSkills,
    };
  });
  const volunteers: PlanningVolunteer[] = Array.from({ length: options.volunteers }, (_, i) => {
    const home = scatter(pick(), rng);
    const shift = rng.next();
    const availability =
      shift < 0.4
        ? { start: 8 * HOUR, end: 18 * HOUR }
        : shift < 0.75
          ? { start: 8 * HOUR, end: 13 * HOUR }
          : { start: 14 * HOUR, end: 18 * HOUR };
    const car = rng.next() < 0.4;
    const skills = [...(car ? ['car'] : []), ...(rng.next() < 0.2 ? ['training'] : [])];
    return {
      id: `volunteer-${i + 1}`,
      start: home,
      availability,
      capacity: car ? 20 : 12,
      skills,
      maxTasks: 12,
    };
  });
  return {
    tasks,
    volunteers,
    comunePoints: Object.fromEntries(comuni.map((c) => [c.code, c.point])),
    distance: { kind: 'haversine', roadFactor: 1.3, speedKmh: 35 },
  };
}
