import type { UnservedReason, VrpInstance } from './planner.types.js';

/**
 * A `VrpInstance` flattened into typed arrays for the solver's hot loops, plus precomputed
 * neighbour lists, vehicle classes and a lower bound on the number of routes.
 */
export interface CompiledInstance {
  /** Customers. */
  readonly n: number;
  /** Vehicles (= routes slots). */
  readonly m: number;
  /** Matrix side. */
  readonly size: number;
  readonly dist: Float64Array;
  readonly time: Float64Array;
  readonly node: Int32Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly service: Float64Array;
  readonly demand: Float64Array;
  readonly vStart: Int32Array;
  readonly vEnd: Int32Array;
  readonly vReady: Float64Array;
  readonly vDue: Float64Array;
  readonly vCap: Float64Array;
  readonly vMaxTasks: Int32Array;
  /** `compat[v * n + c]` = 1 when vehicle v has every skill customer c needs. */
  readonly compat: Uint8Array;
  /** Vehicles with identical attributes share a class; one empty vehicle per class is enough to try. */
  readonly vClass: Int32Array;
  readonly classCount: number;
  /** 1 when some vehicle can serve the customer on its own. */
  readonly servable: Uint8Array;
  readonly servableCount: number;
  /** `neighbours[c * neighbourCount + k]`: k-th nearest servable customer to c. */
  readonly neighbours: Int32Array;
  readonly neighbourCount: number;
  /** Distance from the nearest vehicle start, for the far/close insertion orders. */
  readonly depotDistance: Float64Array;
  readonly triangleInequality: boolean;
  /** Longest possible route (route buffers' stride). */
  readonly maxRouteLength: number;
  readonly vehicleLowerBound: number;
}

/** Tolerance for time and capacity comparisons (schedules are sums of floats). */
export const EPS = 1e-7;

function soloFeasible(
  inst: Pick<
    CompiledInstance,
    'size' | 'time' | 'node' | 'ready' | 'due' | 'service' | 'vStart' | 'vEnd' | 'vReady' | 'vDue'
  >,
  v: number,
  c: number,
): boolean {
  const size = inst.size;
  const cn = inst.node[c]!;
  const arrival = inst.vReady[v]! + inst.time[inst.vStart[v]! * size + cn]!;
  if (arrival > inst.due[c]! + EPS) return false;
  const start = Math.max(arrival, inst.ready[c]!);
  return start + inst.service[c]! + inst.time[cn * size + inst.vEnd[v]!]! <= inst.vDue[v]! + EPS;
}

/**
 * Flattens an instance for the solver.
 * @param instance the numeric problem
 * @throws RangeError when the matrices do not match `nodeCount` or a node index is out of range
 */
export function compileInstance(instance: VrpInstance): CompiledInstance {
  const size = instance.nodeCount;
  if (instance.distances.length !== size * size || instance.durations.length !== size * size) {
    throw new RangeError(`Matrices must have ${size * size} cells.`);
  }
  const n = instance.customers.length;
  const m = instance.vehicles.length;
  const checkNode = (node: number) => {
    if (!Number.isInteger(node) || node < 0 || node >= size)
      throw new RangeError(`Node ${node} out of range.`);
    return node;
  };
  const node = Int32Array.from(instance.customers, (c) => checkNode(c.node));
  const ready = Float64Array.from(instance.customers, (c) => c.ready);
  const due = Float64Array.from(instance.customers, (c) => c.due);
  const service = Float64Array.from(instance.customers, (c) => c.service);
  const demand = Float64Array.from(instance.customers, (c) => c.demand);
  const vStart = Int32Array.from(instance.vehicles, (v) => checkNode(v.startNode));
  const vEnd = Int32Array.from(instance.vehicles, (v) => checkNode(v.endNode));
  const vReady = Float64Array.from(instance.vehicles, (v) => v.ready);
  const vDue = Float64Array.from(instance.vehicles, (v) => v.due);
  const vCap = Float64Array.from(instance.vehicles, (v) => v.capacity);
  const vMaxTasks = Int32Array.from(instance.vehicles, (v) => Math.min(v.maxTasks ?? n, n));

  const compat = new Uint8Array(m * n);
  instance.vehicles.forEach((vehicle, v) => {
    const skills = new Set(vehicle.skills ?? []);
    instance.customers.forEach((customer, c) => {
      compat[v * n + c] = (customer.requiredSkills ?? []).every((s) => skills.has(s)) ? 1 : 0;
    });
  });

  const classKeys = new Map<string, number>();
  const vClass = Int32Array.from(instance.vehicles, (v) => {
    const key = [
      v.startNode,
      v.endNode,
      v.ready,
      v.due,
      v.capacity,
      v.maxTasks ?? n,
      [...(v.skills ?? [])].sort().join('|'),
    ].join(';');
    const existing = classKeys.get(key);
    if (existing !== undefined) return existing;
    classKeys.set(key, classKeys.size);
    return classKeys.size - 1;
  });

  const partial = { size, time: instance.durations, node, ready, due, service, vStart, vEnd, vReady, vDue };
  const servable = new Uint8Array(n);
  let servableCount = 0;
  for (let c = 0; c < n; c++) {
    for (let v = 0; v < m; v++) {
      if (
        compat[v * n + c] &&
        demand[c]! <= vCap[v]! + EPS &&
        vMaxTasks[v]! >= 1 &&
        soloFeasible(partial, v, c)
      ) {
        servable[c] = 1;
        servableCount++;
        break;
      }
    }
  }

  const dist = instance.distances;
  const servableList: number[] = [];
  for (let c = 0; c < n; c++) if (servable[c]) servableList.push(c);
  const neighbourCount = Math.max(0, Math.min(servableList.length - 1, 150));
  const neighbours = new Int32Array(n * neighbourCount);
  for (const c of servableList) {
    const row = node[c]! * size;
    const others = servableList.filter((o) => o !== c);
    others.sort((a, b) => dist[row + node[a]!]! - dist[row + node[b]!]!);
    for (let k = 0; k < neighbourCount; k++) neighbours[c * neighbourCount + k] = others[k]!;
  }

  const depotDistance = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let best = Infinity;
    for (let v = 0; v < m; v++) best = Math.min(best, dist[vStart[v]! * size + node[c]!]!);
    depotDistance[c] = best;
  }

  const maxRouteLength = Math.max(
    1,
    Math.min(
      n,
      vMaxTasks.reduce((a, b) => Math.max(a, b), 0),
    ),
  );
  const base = {
    n,
    m,
    size,
    dist,
    time: instance.durations,
    node,
    ready,
    due,
    service,
    demand,
    vStart,
    vEnd,
    vReady,
    vDue,
    vCap,
    vMaxTasks,
    compat,
    vClass,
    classCount: classKeys.size,
    servable,
    servableCount,
    neighbours,
    neighbourCount,
    depotDistance,
    triangleInequality: instance.triangleInequality ?? false,
    maxRouteLength,
  };
  return { ...base, vehicleLowerBound: vehicleLowerBound(base) };
}

/**
 * Lower bound on the routes needed for all servable customers: total demand over the largest
 * capacity, customers over the largest task limit and, for a single vehicle class, a greedy clique
 * of pairwise incompatible customers (no route can hold two of them).
 */
function vehicleLowerBound(inst: Omit<CompiledInstance, 'vehicleLowerBound'>): number {
  const { n, m } = inst;
  if (inst.servableCount === 0 || m === 0) return 0;
  let totalDemand = 0;
  for (let c = 0; c < n; c++) if (inst.servable[c]) totalDemand += inst.demand[c]!;
  const maxCap = inst.vCap.reduce((a, b) => Math.max(a, b), 0);
  const maxTasks = inst.vMaxTasks.reduce((a, b) => Math.max(a, b), 0);
  let bound = Math.max(1, Math.ceil(totalDemand / maxCap - 1e-6), Math.ceil(inst.servableCount / maxTasks));
  if (inst.classCount === 1) bound = Math.max(bound, cliqueBound(inst));
  return Math.min(bound, m);
}

function pairFeasible(inst: Omit<CompiledInstance, 'vehicleLowerBound'>, a: number, b: number): boolean {
  const { size, time, node } = inst;
  if (inst.demand[a]! + inst.demand[b]! > inst.vCap[0]! + EPS || inst.vMaxTasks[0]! < 2) return false;
  if (!inst.compat[a] || !inst.compat[b]) return false;
  const arrivalA = inst.vReady[0]! + time[inst.vStart[0]! * size + node[a]!]!;
  const startA = Math.max(arrivalA, inst.ready[a]!);
  const arrivalB = startA + inst.service[a]! + time[node[a]! * size + node[b]!]!;
  if (arrivalB > inst.due[b]! + EPS) return false;
  const startB = Math.max(arrivalB, inst.ready[b]!);
  return startB + inst.service[b]! + time[node[b]! * size + inst.vEnd[0]!]! <= inst.vDue[0]! + EPS;
}

function cliqueBound(inst: Omit<CompiledInstance, 'vehicleLowerBound'>): number {
  const { n } = inst;
  const conflict = new Uint8Array(n * n);
  const degree = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    if (!inst.servable[a]) continue;
    for (let b = a + 1; b < n; b++) {
      if (!inst.servable[b] || pairFeasible(inst, a, b) || pairFeasible(inst, b, a)) continue;
      conflict[a * n + b] = conflict[b * n + a] = 1;
      degree[a]!++;
      degree[b]!++;
    }
  }
  const order = Array.from({ length: n }, (_, c) => c)
    .filter((c) => inst.servable[c])
    .sort((a, b) => degree[b]! - degree[a]!);
  let best = 0;
  // A few greedy starts are enough: the bound only ends the route-elimination phase early.
  for (let s = 0; s < Math.min(order.length, 20); s++) {
    const clique = [order[s]!];
    for (const c of order) {
      if (clique.every((k) => conflict[k * n + c])) clique.push(c);
    }
    best = Math.max(best, clique.length);
  }
  return best;
}

/**
 * Why no vehicle can serve a customer on its own, or null when one can.
 * @param inst compiled instance
 * @param c customer index
 */
export function unservableReason(inst: CompiledInstance, c: number): UnservedReason | null {
  if (inst.servable[c]) return null;
  if (inst.m === 0) return 'NO_VOLUNTEERS';
  if (inst.due[c]! < inst.ready[c]!) return 'INVALID_TIME_WINDOW';
  let skilled = false;
  let roomy = false;
  for (let v = 0; v < inst.m; v++) {
    if (!inst.compat[v * inst.n + c]) continue;
    skilled = true;
    if (inst.demand[c]! <= inst.vCap[v]! + EPS && inst.vMaxTasks[v]! >= 1) roomy = true;
  }
  if (!skilled) return 'NO_VOLUNTEER_WITH_SKILLS';
  if (!roomy) return 'LOAD_EXCEEDS_CAPACITY';
  return 'TIME_WINDOW_UNREACHABLE';
}
