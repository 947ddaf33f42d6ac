import type { VrpInstance, VrpRoute } from '../../server/src/modules/planner/index.js';

export interface BaselineResult {
  readonly routes: VrpRoute[];
  readonly unassigned: number[];
}

/**
 * Greedy nearest-neighbour baseline: vehicles are filled one after the other; each goes to the
 * unserved customer whose service can start soonest (ties: nearest) among those it can still serve (skills, capacity, task limit, window, and time to get
 * back), and returns when none is left. Written independently of the solver, as a yardstick.
 * @param instance the problem
 */
export function greedyNearestNeighbour(instance: VrpInstance): BaselineResult {
  const size = instance.nodeCount;
  const served = new Array<boolean>(instance.customers.length).fill(false);
  let remaining = instance.customers.length;
  const routes: VrpRoute[] = [];
  instance.vehicles.forEach((vehicle, v) => {
    if (remaining === 0) return;
    const skills = new Set(vehicle.skills ?? []);
    const route: number[] = [];
    let position = vehicle.startNode;
    let clock = vehicle.ready;
    let load = 0;
    for (;;) {
      let next = -1;
      let nextDistance = Infinity;
      let nextStart = 0;
      instance.customers.forEach((customer, c) => {
        if (served[c] || route.length >= (vehicle.maxTasks ?? Infinity)) return;
        if (load + customer.demand > vehicle.capacity) return;
        if (!(customer.requiredSkills ?? []).every((s) => skills.has(s))) return;
        const start = Math.max(clock + instance.durations[position * size + customer.node]!, customer.ready);
        if (start > customer.due) return;
        if (
          start + customer.service + instance.durations[customer.node * size + vehicle.endNode]! >
          vehicle.due
        )
          return;
        // Nearest in time (travel plus waiting), then in distance: plain distance ignores windows.
        const d = (start - clock) * 1e6 + instance.distances[position * size + customer.node]!;
        if (d < nextDistance) {
          next = c;
          nextDistance = d;
          nextStart = start;
        }
      });
      if (next < 0) break;
      const customer = instance.customers[next]!;
      served[next] = true;
      remaining--;
      route.push(next);
      clock = nextStart + customer.service;
      position = customer.node;
      load += customer.demand;
    }
    if (route.length > 0) routes.push({ vehicle: v, customers: route });
  });
  const unassigned = served.flatMap((s, c) => (s ? [] : [c]));
  return { routes, unassigned };
}
