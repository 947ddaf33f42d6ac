import { compileInstance, unservableReason, type CompiledInstance } from './compiled-instance.js';
import { constructInitialSolution, sortCustomers, type InsertionOrder } from './construction.js';
import type {
  PlannerOptions,
  PlannerProgress,
  UnservedReason,
  VrpInstance,
  VrpRoute,
  VrpSolveResult,
} from './planner.types.js';
import { createRng, type Rng } from './rng.js';
import { isBetter, SolutionState, type Score, type SolutionSnapshot } from './solution.state.js';

/** Parameters of the SISR ruin-and-recreate search (Christiaens & Vanden Berghe 2020). */
export interface SisrParameters {
  /** Average number of customers removed per iteration (c̄). */
  readonly averageRemoved: number;
  /** Longest string removed from one route (L^max). */
  readonly maxStringLength: number;
  /** Probability to stop growing the preserved part of a split string (α). */
  readonly splitRate: number;
  /** Probability that an insertion position is skipped (γ). */
  readonly blinkRate: number;
  /** Start and final temperatures of the annealing, as multiples of the average arc length. */
  readonly initialTemperature: number;
  readonly finalTemperature: number;
  /** Largest share of the budget spent eliminating routes before optimising distance. */
  readonly fleetShare: number;
  /** Weights of the insertion orders used by recreate. */
  readonly orderWeights: Readonly<Record<InsertionOrder, number>>;
}

export const DEFAULT_SISR: SisrParameters = {
  averageRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.01,
  blinkRate: 0.01,
  initialTemperature: 3,
  finalTemperature: 0.01,
  fleetShare: 0.4,
  orderWeights: { random: 4, demand: 4, far: 2, close: 1, due: 2 },
};

const DEFAULT_TIME_LIMIT_MS = 10_000;
const ORDERS: readonly InsertionOrder[] = ['random', 'demand', 'far', 'close', 'due'];

/**
 * Anytime stopping rule. With `maxIterations` the search schedule is a function of the iteration
 * count only, so a seed + iteration budget reproduces the same solution; with a pure time limit the
 * number of iterations (and so the solution) depends on the machine's speed and load.
 */
class Budget {
  iteration = 0;
  constructor(
    private readonly startMs: number,
    private readonly timeLimitMs: number,
    private readonly maxIterations: number | undefined,
  ) {}

  elapsedMs(): number {
    return performance.now() - this.startMs;
  }

  /** Share of the budget used, in [0, 1]. */
  fraction(): number {
    if (this.maxIterations !== undefined) return Math.min(1, this.iteration / this.maxIterations);
    return Math.min(1, this.elapsedMs() / this.timeLimitMs);
  }

  exhausted(): boolean {
    return (
      (this.maxIterations !== undefined && this.iteration >= this.maxIterations) ||
      this.elapsedMs() >= this.timeLimitMs
    );
  }
}

class SisrSearch {
  private readonly order: Int32Array;
  private readonly keys: Float64Array;
  private readonly routeStamp: Int32Array;
  private stamp = 0;
  private readonly orderThresholds: Float64Array;
  private readonly best: SolutionSnapshot;
  private readonly bestScore: Score = { unassigned: 0, routes: 0, distance: 0 };
  private readonly current: Score = { unassigned: 0, routes: 0, distance: 0 };
  private readonly candidate: Score = { unassigned: 0, routes: 0, distance: 0 };
  private lastReportMs = -Infinity;
  private phase: PlannerProgress['phase'] = 'construction';

  constructor(
    private readonly inst: CompiledInstance,
    private readonly state: SolutionState,
    private readonly rng: Rng,
    private readonly budget: Budget,
    private readonly params: SisrParameters,
    private readonly minimizeVehicles: boolean,
    private readonly options: PlannerOptions,
  ) {
    this.order = new Int32Array(inst.n);
    this.keys = new Float64Array(inst.n);
    this.routeStamp = new Int32Array(inst.m);
    const weights = ORDERS.map((o) => params.orderWeights[o]);
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    this.orderThresholds = Float64Array.from(weights, (w) => (acc += w / total));
    this.best = state.createSnapshot();
  }

  run(): void {
    constructInitialSolution(this.state, this.rng, this.minimizeVehicles);
    this.state.setBlinkRate(this.params.blinkRate, this.rng);
    this.state.scoreInto(this.current);
    this.state.saveTo(this.best);
    Object.assign(this.bestScore, this.current);
    this.report(true);
    this.eliminateRoutes();
    this.state.loadFrom(this.best);
    this.state.scoreInto(this.current);
    this.minimiseDistance();
    this.phase = 'done';
    this.report(true);
  }

  bestSnapshot(): SolutionSnapshot {
    return this.best;
  }

  /**
   * Route elimination with absence counters (SISR fleet minimisation): whenever every customer is
   * served, the solution is recorded and one route is dissolved; ruin-and-recreate then tries to
   * re-serve its customers within the smaller fleet, accepting a candidate when fewer customers, or
   * customers left out less (or equally) often so far, remain unassigned; accepting ties lets the
   * search drift across plateaus, which eliminated more routes in tests. Also repairs a construction
   * that could not serve everyone.
   */
  private eliminateRoutes(): void {
    const { state, inst, budget } = this;
    const absences = new Float64Array(inst.n);
    this.phase = 'fleet-minimisation';
    const shareLimit = this.params.fleetShare;
    const target = this.minimizeVehicles ? inst.vehicleLowerBound : Infinity;
    // Routes allowed: a ruin may empty a route, and recreate may then use that vehicle again.
    let fleet = state.routeCount();
    while (!budget.exhausted() && budget.fraction() < shareLimit) {
      if (state.unassignedCount === 0) {
        this.recordIfBetter();
        fleet = state.routeCount();
        if (fleet <= target) break;
        state.beginMove();
        state.removeRoute(this.pickRouteToRemove());
        state.commit();
        fleet--;
      }
      budget.iteration++;
      const beforeCount = state.unassignedCount;
      const beforeAbsence = this.absenceSum(absences);
      state.beginMove();
      this.ruin();
      this.recreate(fleet);
      const afterAbsence = this.absenceSum(absences);
      for (let i = 0; i < state.unassignedCount; i++) absences[state.unassigned[i]!]!++;
      if (state.unassignedCount < beforeCount || afterAbsence <= beforeAbsence) state.commit();
      else state.rollback();
      this.report(false);
    }
    if (state.unassignedCount === 0) this.recordIfBetter();
  }

  private absenceSum(absences: Float64Array): number {
    let sum = 0;
    for (let i = 0; i < this.state.unassignedCount; i++) sum += absences[this.state.unassigned[i]!]!;
    return sum;
  }

  private pickRouteToRemove(): number {
    const { state, inst } = this;
    let chosen = -1;
    let seen = 0;
    for (let r = 0; r < inst.m; r++) {
      if (state.len[r]! === 0) continue;
      seen++;
      if (this.rng.int(seen) === 0) chosen = r;
    }
    return chosen;
  }

  /** Simulated annealing on distance, never accepting more unassigned customers or more routes. */
  private minimiseDistance(): void {
    const { state, budget, params } = this;
    this.phase = 'distance';
    const arcs = Math.max(1, this.inst.servableCount + this.current.routes);
    const averageArc = this.current.distance / arcs || 1;
    const t0 = params.initialTemperature * averageArc;
    const tf = params.finalTemperature * averageArc;
    const startFraction = budget.fraction();
    const span = Math.max(1e-9, 1 - startFraction);
    while (!budget.exhausted()) {
      budget.iteration++;
      const progress = Math.min(1, (budget.fraction() - startFraction) / span);
      const temperature = t0 * Math.pow(tf / t0, progress);
      // Never more routes than the current solution, unless routes are free or customers wait.
      const maxRoutes =
        !this.minimizeVehicles || this.current.unassigned > 0 ? this.inst.m : this.current.routes;
      state.beginMove();
      this.ruin();
      this.recreate(maxRoutes);
      state.scoreInto(this.candidate);
      if (this.accepts(temperature)) {
        state.commit();
        Object.assign(this.current, this.candidate);
        this.recordIfBetter();
      } else {
        state.rollback();
      }
      this.report(false);
    }
  }

  private accepts(temperature: number): boolean {
    const a = this.candidate;
    const b = this.current;
    if (a.unassigned !== b.unassigned) return a.unassigned < b.unassigned;
    if (this.minimizeVehicles && a.routes !== b.routes) return a.routes < b.routes;
    return a.distance < b.distance - temperature * Math.log(this.rng.next());
  }

  private recordIfBetter(): void {
    const score = this.state.scoreInto(this.candidate);
    if (!isBetter(score, this.bestScore, this.minimizeVehicles)) return;
    Object.assign(this.bestScore, score);
    this.state.saveTo(this.best);
    this.report(true);
  }

  /** SISR ruin: removes strings from routes near a random seed customer. */
  private ruin(): void {
    const { state, inst, rng, params } = this;
    const routes = state.routeCount();
    if (routes === 0) return;
    const assigned = inst.servableCount - state.unassignedCount;
    const averageLength = assigned / routes;
    // Few long routes (Solomon type 2) need bigger ruins than SISR's defaults, tuned on many short ones.
    const scale = Math.min(2, Math.max(1, averageLength / 20));
    const maxString = Math.min(params.maxStringLength * scale, averageLength);
    const maxStrings = (4 * params.averageRemoved * scale) / (1 + maxString) - 1;
    const strings = Math.floor(rng.next() * maxStrings) + 1;
    const stamp = ++this.stamp;
    const seed = this.randomServable();
    const k = inst.neighbourCount;
    let removed = 0;
    for (let i = -1; i < k && removed < strings; i++) {
      const c = i < 0 ? seed : inst.neighbours[seed * k + i]!;
      const r = state.custRoute[c]!;
      if (r < 0 || this.routeStamp[r] === stamp) continue;
      this.routeStamp[r] = stamp;
      removed++;
      const length = state.len[r]!;
      const limit = Math.min(length, maxString);
      const count = Math.floor(rng.next() * limit) + 1;
      const pos = state.custPos[c]!;
      if (count === length || rng.next() < 0.5) {
        const lo = Math.max(0, pos - count + 1);
        const hi = Math.min(pos, length - count);
        state.removeRange(r, lo + rng.int(hi - lo + 1), count);
      } else {
        let kept = 1;
        while (count + kept < length && rng.next() >= params.splitRate) kept++;
        const total = count + kept;
        const lo = Math.max(0, pos - total + 1);
        const hi = Math.min(pos, length - total);
        const from = lo + rng.int(hi - lo + 1);
        state.removeRange(r, from, total, from + rng.int(count + 1), kept);
      }
    }
  }

  private randomServable(): number {
    const { inst, rng } = this;
    for (;;) {
      const c = rng.int(inst.n);
      if (inst.servable[c]) return c;
    }
  }

  private recreate(maxRoutes: number): void {
    const { state, inst, rng } = this;
    const count = state.unassignedCount;
    this.order.set(state.unassigned.subarray(0, count));
    const u = rng.next();
    let kind = 0;
    while (kind < ORDERS.length - 1 && u >= this.orderThresholds[kind]!) kind++;
    sortCustomers(inst, this.order, count, ORDERS[kind]!, rng, this.keys);
    state.recreate(this.order, count, maxRoutes);
  }

  private report(force: boolean): void {
    const callback = this.options.onProgress;
    if (!callback) return;
    const now = this.budget.elapsedMs();
    if (!force && now - this.lastReportMs < (this.options.progressIntervalMs ?? 250)) return;
    this.lastReportMs = now;
    callback({
      iteration: this.budget.iteration,
      elapsedMs: now,
      phase: this.phase,
      bestVehicles: this.bestScore.routes,
      bestDistance: this.bestScore.distance,
      unserved: this.bestScore.unassigned + (this.inst.n - this.inst.servableCount),
    });
  }
}

/**
 * Solves a VRPTW instance (heterogeneous fleet, skills, task limits) with SISR ruin-and-recreate:
 * construction, route elimination, then simulated annealing on distance. Hierarchical objective:
 * most customers served, then fewest routes (unless `minimizeVehicles` is false), then least distance.
 * Deterministic for a given seed and `maxIterations`; with only a time limit the result depends on
 * how many iterations fit in the time.
 * @param instance the numeric problem
 * @param options time limit, seed, iteration budget, progress callback
 * @param params search parameters (defaults suit Solomon-like instances)
 * @throws RangeError when the instance is malformed
 */
export function solveVrptw(
  instance: VrpInstance,
  options: PlannerOptions = {},
  params: SisrParameters = DEFAULT_SISR,
): VrpSolveResult {
  const budget = new Budget(
    performance.now(),
    options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    options.maxIterations,
  );
  const inst = compileInstance(instance);
  const state = new SolutionState(inst);
  const search = new SisrSearch(
    inst,
    state,
    createRng(options.seed ?? 1),
    budget,
    params,
    options.minimizeVehicles ?? true,
    options,
  );
  search.run();
  state.loadFrom(search.bestSnapshot());
  const routes: VrpRoute[] = [];
  for (let r = 0; r < inst.m; r++) {
    const length = state.len[r]!;
    if (length === 0) continue;
    const base = r * state.stride;
    routes.push({ vehicle: r, customers: Array.from(state.cust.subarray(base, base + length)) });
  }
  const unservable: { customer: number; reason: UnservedReason }[] = [];
  for (let c = 0; c < inst.n; c++) {
    const reason = unservableReason(inst, c);
    if (reason) unservable.push({ customer: c, reason });
  }
  return {
    solution: {
      routes,
      unassigned: [
        ...Array.from(state.unassigned.subarray(0, state.unassignedCount)),
        ...unservable.map((u) => u.customer),
      ],
      vehicles: routes.length,
      distance: state.totalDistance(),
    },
    iterations: budget.iteration,
    elapsedMs: budget.elapsedMs(),
    vehicleLowerBound: inst.vehicleLowerBound,
    unservable,
  };
}
