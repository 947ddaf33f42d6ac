/*
 * Independent feasibility checker. Deliberately shares no evaluation code with the solver: it walks
 * each route from scratch with plain arithmetic, so a bug in the solver's incremental schedules
 * cannot hide itself.
 */
import type { VrpInstance, VrpRoute } from './planner.types.js';

export type ViolationKind =
  | 'unknown-customer'
  | 'unknown-vehicle'
  | 'missing-customer'
  | 'duplicate-customer'
  | 'unserved-but-routed'
  | 'vehicle-reused'
  | 'too-many-vehicles'
  | 'time-window'
  | 'vehicle-availability'
  | 'capacity'
  | 'skill'
  | 'max-tasks';

export interface Violation {
  readonly kind: ViolationKind;
  /** Index of the route in the checked list. */
  readonly route?: number;
  readonly customer?: number;
  readonly message: string;
}

export interface CheckResult {
  readonly feasible: boolean;
  readonly violations: readonly Violation[];
  /** Non-empty routes. */
  readonly vehicles: number;
  readonly distance: number;
}

export interface CheckOptions {
  /** Most routes allowed; defaults to the fleet size. */
  readonly maxVehicles?: number;
  /** Customers the plan declares unserved; they may (and must) be absent from the routes. */
  readonly declaredUnserved?: readonly number[];
  /** Recomputes distances instead of reading the instance matrix (e.g. from the raw coordinates). */
  readonly distance?: (fromNode: number, toNode: number) => number;
  /** Recomputes travel times instead of reading the instance matrix. */
  readonly duration?: (fromNode: number, toNode: number) => number;
  /** Slack for float comparisons; default 1e-6. */
  readonly tolerance?: number;
}

/**
 * Checks a set of routes against an instance: every customer served exactly once (or declared
 * unserved), time windows (latest start of service), vehicle availability, capacity, skills, task
 * limits, fleet size and vehicle count. Also recomputes the total distance.
 * @param instance the problem
 * @param routes the routes to check, one per used vehicle
 * @param options limits and independent distance functions
 * @returns every violation found (empty when feasible)
 */
export function checkSolution(
  instance: VrpInstance,
  routes: readonly VrpRoute[],
  options: CheckOptions = {},
): CheckResult {
  const tolerance = options.tolerance ?? 1e-6;
  const size = instance.nodeCount;
  const distance = options.distance ?? ((a: number, b: number) => instance.distances[a * size + b] ?? NaN);
  const duration = options.duration ?? ((a: number, b: number) => instance.durations[a * size + b] ?? NaN);
  const violations: Violation[] = [];
  const visits = new Map<number, number>();
  const usedVehicles = new Set<number>();
  const declared = new Set(options.declaredUnserved ?? []);
  let totalDistance = 0;
  let vehicles = 0;

  routes.forEach((route, routeIndex) => {
    if (route.customers.length === 0) return;
    vehicles++;
    const vehicle = instance.vehicles[route.vehicle];
    if (!vehicle) {
      violations.push({
        kind: 'unknown-vehicle',
        route: routeIndex,
        message: `Vehicle ${route.vehicle} does not exist.`,
      });
      return;
    }
    if (usedVehicles.has(route.vehicle)) {
      violations.push({
        kind: 'vehicle-reused',
        route: routeIndex,
        message: `Vehicle ${route.vehicle} has two routes.`,
      });
    }
    usedVehicles.add(route.vehicle);
    const skills = new Set(vehicle.skills ?? []);
    if (vehicle.maxTasks !== undefined && route.customers.length > vehicle.maxTasks) {
      violations.push({
        kind: 'max-tasks',
        route: routeIndex,
        message: `Route ${routeIndex} has ${route.customers.length} tasks, limit ${vehicle.maxTasks}.`,
      });
    }
    let clock = vehicle.ready;
    let position = vehicle.startNode;
    let load = 0;
    for (const c of route.customers) {
      const customer = instance.customers[c];
      if (!customer) {
        violations.push({
          kind: 'unknown-customer',
          route: routeIndex,
          customer: c,
          message: `Customer ${c} does not exist.`,
        });
        continue;
      }
      visits.set(c, (visits.get(c) ?? 0) + 1);
      for (const skill of customer.requiredSkills ?? []) {
        if (!skills.has(skill)) {
          violations.push({
            kind: 'skill',
            route: routeIndex,
            customer: c,
            message: `Customer ${c} needs skill "${skill}" that vehicle ${route.vehicle} lacks.`,
          });
        }
      }
      totalDistance += distance(position, customer.node);
      const arrival = clock + duration(position, customer.node);
      const start = Math.max(arrival, customer.ready);
      if (!(start <= customer.due + tolerance)) {
        violations.push({
          kind: 'time-window',
          route: routeIndex,
          customer: c,
          message: `Customer ${c} served at ${start.toFixed(2)}, after its latest start ${customer.due}.`,
        });
      }
      clock = start + customer.service;
      position = customer.node;
      load += customer.demand;
    }
    totalDistance += distance(position, vehicle.endNode);
    const back = clock + duration(position, vehicle.endNode);
    if (!(back <= vehicle.due + tolerance)) {
      violations.push({
        kind: 'vehicle-availability',
        route: routeIndex,
        message: `Route ${routeIndex} ends at ${back.toFixed(2)}, after the vehicle's end ${vehicle.due}.`,
      });
    }
    if (load > vehicle.capacity + tolerance) {
      violations.push({
        kind: 'capacity',
        route: routeIndex,
        message: `Route ${routeIndex} carries ${load}, capacity ${vehicle.capacity}.`,
      });
    }
  });

  instance.customers.forEach((_, c) => {
    const count = visits.get(c) ?? 0;
    if (declared.has(c)) {
      if (count > 0) {
        violations.push({
          kind: 'unserved-but-routed',
          customer: c,
          message: `Customer ${c} is declared unserved but routed.`,
        });
      }
    } else if (count === 0) {
      violations.push({ kind: 'missing-customer', customer: c, message: `Customer ${c} is not served.` });
    } else if (count > 1) {
      violations.push({
        kind: 'duplicate-customer',
        customer: c,
        message: `Customer ${c} is served ${count} times.`,
      });
    }
  });

  const maxVehicles = options.maxVehicles ?? instance.vehicles.length;
  if (vehicles > maxVehicles) {
    violations.push({
      kind: 'too-many-vehicles',
      message: `${vehicles} routes, at most ${maxVehicles} allowed.`,
    });
  }
  return { feasible: violations.length === 0, violations, vehicles, distance: totalDistance };
}
