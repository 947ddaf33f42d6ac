import type { CompiledInstance } from './compiled-instance.js';
import type { Rng } from './rng.js';
import { isBetter, type Score, type SolutionState } from './solution.state.js';

/** Orders in which unassigned customers are inserted (SISR sorts, plus latest-start first). */
export type InsertionOrder = 'random' | 'demand' | 'far' | 'close' | 'due';

/**
 * Sorts `list[0..count)` in place by the given order. Lists are short during the search, so an
 * insertion sort on precomputed keys is used (stable, allocation-free).
 * @param keys scratch array of at least `count` cells
 */
export function sortCustomers(
  inst: CompiledInstance,
  list: Int32Array,
  count: number,
  order: InsertionOrder,
  rng: Rng,
  keys: Float64Array,
): void {
  if (order === 'random') {
    for (let i = count - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    const c = list[i]!;
    keys[i] =
      order === 'demand'
        ? -inst.demand[c]!
        : order === 'far'
          ? -inst.depotDistance[c]!
          : order === 'close'
            ? inst.depotDistance[c]!
            : inst.due[c]!;
  }
  for (let i = 1; i < count; i++) {
    const c = list[i]!;
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      list[j + 1] = list[j]!;
      keys[j + 1] = keys[j]!;
      j--;
    }
    list[j + 1] = c;
    keys[j + 1] = k;
  }
}

const CONSTRUCTION_ORDERS: readonly InsertionOrder[] = ['due', 'far', 'demand', 'random'];

/**
 * Builds the starting solution by cheapest feasible insertion of every servable customer, opening a
 * route only when no used route can take the customer. Several insertion orders are tried and the
 * best (hierarchically) is kept in `state`.
 * @param state an empty solution (every servable customer unassigned)
 */
export function constructInitialSolution(state: SolutionState, rng: Rng, minimizeVehicles: boolean): void {
  const inst = state.inst;
  const empty = state.createSnapshot();
  state.saveTo(empty);
  const best = state.createSnapshot();
  const bestScore: Score = { unassigned: Infinity, routes: Infinity, distance: Infinity };
  const score: Score = { unassigned: 0, routes: 0, distance: 0 };
  const order = new Int32Array(inst.n);
  const keys = new Float64Array(inst.n);
  for (const kind of CONSTRUCTION_ORDERS) {
    state.loadFrom(empty);
    const count = state.unassignedCount;
    order.set(state.unassigned.subarray(0, count));
    sortCustomers(inst, order, count, kind, rng, keys);
    state.recreate(order, count, inst.m);
    state.commit();
    if (isBetter(state.scoreInto(score), bestScore, minimizeVehicles)) {
      Object.assign(bestScore, score);
      state.saveTo(best);
    }
  }
  state.loadFrom(best);
}
