/*
 * Types of the round planner.
 *
 * Two layers:
 * - the domain layer (tasks, volunteers, plans) used by the rest of Legami;
 * - the numeric VRPTW layer (`VrpInstance`, `VrpSolution`) used by the solver, the feasibility
 *   checker and the benchmark. All times of one instance share one unit (minutes for the
 *   domain layer, the instance's own unit for benchmarks).
 */

/** A WGS84 point in degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** A planar point, for benchmark instances and synthetic problems. */
export interface PlanarPoint {
  readonly x: number;
  readonly y: number;
}

export type Location = GeoPoint | PlanarPoint;

/** A time window in minutes from midnight; `end` is the latest start of service. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** One delivery or visit to plan. */
export interface PlanningTask {
  readonly id: string;
  /** Exact location; when absent, the point of `comuneCode` is used and the stop is flagged. */
  readonly location?: Location;
  /** ISTAT code of the comune, used as the fallback location. */
  readonly comuneCode?: string;
  readonly timeWindow: TimeWindow;
  readonly serviceMinutes: number;
  /** Load units, e.g. parcels. */
  readonly load: number;
  readonly requiredSkills?: readonly string[];
}

/** A volunteer available for one round. */
export interface PlanningVolunteer {
  readonly id: string;
  readonly start: Location;
  /** Where the round ends; defaults to `start`. */
  readonly end?: Location;
  readonly availability: TimeWindow;
  readonly capacity: number;
  readonly skills?: readonly string[];
  /** Maximum number of tasks in the round; unlimited when absent. */
  readonly maxTasks?: number;
}

/** Serializable description of where distances and travel times come from. */
export type DistanceSourceSpec =
  | {
      readonly kind: 'haversine';
      /** Ratio of road distance to great-circle distance; default 1.3. */
      readonly roadFactor?: number;
      /** Average speed in km/h; default 35. */
      readonly speedKmh?: number;
    }
  | {
      readonly kind: 'euclidean';
      /** Distance units travelled per time unit; default 1 (travel time equals distance). */
      readonly speed?: number;
      /** Round each distance to the nearest integer, as TSPLIB EUC_2D does. */
      readonly round?: boolean;
    }
  | {
      readonly kind: 'osrm';
      /** Base URL of an OSRM-compatible server, e.g. `http://localhost:5000`. */
      readonly baseUrl: string;
      readonly profile?: string;
      /** Largest number of sources (and destinations) per request; default 100. */
      readonly maxTableSize?: number;
    };

/** A planning problem: one day (or part of a day) of tasks and volunteers. */
export interface PlanningProblem {
  readonly tasks: readonly PlanningTask[];
  readonly volunteers: readonly PlanningVolunteer[];
  /** Fallback points by ISTAT comune code, for tasks without coordinates. */
  readonly comunePoints?: Readonly<Record<string, GeoPoint>>;
  /** Defaults to haversine × 1.3 at 35 km/h. */
  readonly distance?: DistanceSourceSpec;
}

/** Progress of a running solve. */
export interface PlannerProgress {
  readonly iteration: number;
  readonly elapsedMs: number;
  readonly phase: 'construction' | 'fleet-minimisation' | 'distance' | 'done';
  readonly bestVehicles: number;
  readonly bestDistance: number;
  readonly unserved: number;
}

/** Options of one solve. */
export interface PlannerOptions {
  /** Wall-clock budget in ms; default 10 000. */
  readonly timeLimitMs?: number;
  /** Seed of the pseudo-random generator; default 1. */
  readonly seed?: number;
  /**
   * Iteration budget. When set, the search schedule depends on iterations only, so the same
   * seed and budget give the same plan; the time limit then only acts as an emergency stop.
   */
  readonly maxIterations?: number;
  /** Minimise the number of routes before distance (default true). */
  readonly minimizeVehicles?: boolean;
  readonly onProgress?: (progress: PlannerProgress) => void;
  /** Minimum interval between periodic progress reports; default 250 ms. */
  readonly progressIntervalMs?: number;
}

export type UnservedReason =
  | 'NO_LOCATION'
  | 'INVALID_TIME_WINDOW'
  | 'NO_VOLUNTEERS'
  | 'NO_VOLUNTEER_WITH_SKILLS'
  | 'LOAD_EXCEEDS_CAPACITY'
  | 'TIME_WINDOW_UNREACHABLE'
  | 'NOT_ENOUGH_VOLUNTEERS'
  | 'VOLUNTEER_DROPPED_OUT';

export interface UnservedTask {
  readonly taskId: string;
  readonly reason: UnservedReason;
}

export interface PlannedStop {
  readonly taskId: string;
  /** Minutes from midnight. */
  readonly arrival: number;
  readonly serviceStart: number;
  readonly departure: number;
  readonly load: number;
  /** True when the task had no coordinates and its comune's point was used. */
  readonly approximateLocation: boolean;
  /** True for stops already done before a re-plan. */
  readonly completed?: boolean;
}

export interface PlannedRound {
  readonly volunteerId: string;
  readonly stops: readonly PlannedStop[];
  readonly departure: number;
  readonly returnTime: number;
  /** Road distance in km (or instance units for planar problems). */
  readonly distance: number;
  readonly load: number;
}

export interface Plan {
  readonly rounds: readonly PlannedRound[];
  readonly unserved: readonly UnservedTask[];
  readonly volunteersUsed: number;
  readonly totalDistance: number;
  readonly stats: {
    readonly iterations: number;
    readonly elapsedMs: number;
    readonly seed: number;
  };
}

/* ---------- numeric VRPTW layer ---------- */

export interface VrpCustomer {
  /** Row/column of this customer in the matrices. */
  readonly node: number;
  readonly ready: number;
  /** Latest start of service. */
  readonly due: number;
  readonly service: number;
  readonly demand: number;
  readonly requiredSkills?: readonly string[];
}

export interface VrpVehicle {
  readonly startNode: number;
  readonly endNode: number;
  /** Earliest departure from the start. */
  readonly ready: number;
  /** Latest arrival at the end. */
  readonly due: number;
  readonly capacity: number;
  readonly maxTasks?: number;
  readonly skills?: readonly string[];
}

export interface VrpInstance {
  readonly name?: string;
  readonly nodeCount: number;
  /** Row-major `nodeCount × nodeCount` distances (the cost). */
  readonly distances: Float64Array;
  /** Row-major `nodeCount × nodeCount` travel times. */
  readonly durations: Float64Array;
  readonly customers: readonly VrpCustomer[];
  /** The fleet; a solution may leave vehicles unused. */
  readonly vehicles: readonly VrpVehicle[];
  /**
   * Travel times satisfy the triangle inequality (Euclidean, haversine). Lets the solver stop
   * scanning a route as soon as a customer's window is missed; road matrices should leave it unset.
   */
  readonly triangleInequality?: boolean;
}

export interface VrpRoute {
  /** Index in `VrpInstance.vehicles`. */
  readonly vehicle: number;
  /** Customer indices in visiting order. */
  readonly customers: readonly number[];
}

export interface VrpSolution {
  readonly routes: readonly VrpRoute[];
  /** Customers left out (unservable or no room). */
  readonly unassigned: readonly number[];
  readonly vehicles: number;
  readonly distance: number;
}

export interface VrpSolveResult {
  readonly solution: VrpSolution;
  readonly iterations: number;
  readonly elapsedMs: number;
  /** Lower bound on the routes needed to serve every servable customer. */
  readonly vehicleLowerBound: number;
  /** Customers that no vehicle can serve even alone, and why. */
  readonly unservable: readonly { readonly customer: number; readonly reason: UnservedReason }[];
}
