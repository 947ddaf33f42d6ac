import { EPS, type CompiledInstance } from './compiled-instance.js';
import type { Rng } from './rng.js';

/** Hierarchical quality of a solution: unassigned customers, then routes, then distance. */
export interface Score {
  unassigned: number;
  routes: number;
  distance: number;
}

/**
 * Compares two scores hierarchically.
 * @param minimizeVehicles when false, the number of routes is ignored
 * @returns true when a is strictly better than b
 */
export function isBetter(a: Score, b: Score, minimizeVehicles: boolean): boolean {
  if (a.unassigned !== b.unassigned) return a.unassigned < b.unassigned;
  if (minimizeVehicles && a.routes !== b.routes) return a.routes < b.routes;
  return a.distance < b.distance - EPS;
}

/** A copy of the routes and unassigned customers of a `SolutionState`. */
export interface SolutionSnapshot {
  readonly cust: Int32Array;
  readonly len: Int32Array;
  readonly unassigned: Int32Array;
  unassignedCount: number;
}

/**
 * The mutable solution the metaheuristic works on. Route r is served by vehicle r; empty routes are
 * unused vehicles. For every route it keeps the earliest departure (`dep`) and the latest feasible
 * service start (`lst`) of each position, so inserting a customer is checked in O(1). Changes between `beginMove()`
 * and `commit()` can be undone with `rollback()`, which restores only the routes that were touched.
 */
export class SolutionState {
  readonly stride: number;
  readonly cust: Int32Array;
  readonly len: Int32Array;
  readonly load: Float64Array;
  readonly routeDist: Float64Array;
  /** Matrix node of each route position (saves an indirection in the insertion scan). */
  readonly rnode: Int32Array;
  readonly dep: Float64Array;
  readonly lst: Float64Array;
  readonly custRoute: Int32Array;
  readonly custPos: Int32Array;
  readonly unassigned: Int32Array;
  unassignedCount = 0;

  /** Result of the last `findBestInsertion`. */
  bestRoute = -1;
  bestPos = -1;
  bestDelta = Infinity;

  private readonly touched: Uint8Array;
  private readonly touchedList: Int32Array;
  private touchedCount = 0;
  private readonly backupCust: Int32Array;
  private readonly backupLen: Int32Array;
  private readonly backupUnassigned: Int32Array;
  private backupUnassignedCount = 0;
  private readonly classSeen: Int32Array;
  private classStamp = 0;
  private blinkCountdown = Infinity;
  private blinkRate = 0;
  private blinkRng: Rng | null = null;

  constructor(readonly inst: CompiledInstance) {
    const { n, m } = inst;
    this.stride = inst.maxRouteLength;
    this.cust = new Int32Array(m * this.stride);
    this.len = new Int32Array(m);
    this.load = new Float64Array(m);
    this.routeDist = new Float64Array(m);
    this.rnode = new Int32Array(m * this.stride);
    this.dep = new Float64Array(m * this.stride);
    this.lst = new Float64Array(m * this.stride);
    this.custRoute = new Int32Array(n).fill(-1);
    this.custPos = new Int32Array(n).fill(-1);
    this.unassigned = new Int32Array(n);
    for (let c = 0; c < n; c++) if (inst.servable[c]) this.unassigned[this.unassignedCount++] = c;
    this.touched = new Uint8Array(m);
    this.touchedList = new Int32Array(m);
    this.backupCust = new Int32Array(m * this.stride);
    this.backupLen = new Int32Array(m);
    this.backupUnassigned = new Int32Array(n);
    this.classSeen = new Int32Array(inst.classCount);
  }

  routeCount(): number {
    let count = 0;
    for (let r = 0; r < this.inst.m; r++) if (this.len[r]! > 0) count++;
    return count;
  }

  totalDistance(): number {
    let total = 0;
    for (let r = 0; r < this.inst.m; r++) total += this.routeDist[r]!;
    return total;
  }

  /** Writes the current score into `out` (no allocation). */
  scoreInto(out: Score): Score {
    out.unassigned = this.unassignedCount;
    out.routes = this.routeCount();
    out.distance = this.totalDistance();
    return out;
  }

  /** Starts an undoable change. */
  beginMove(): void {
    this.backupUnassigned.set(this.unassigned.subarray(0, this.unassignedCount));
    this.backupUnassignedCount = this.unassignedCount;
  }

  commit(): void {
    for (let i = 0; i < this.touchedCount; i++) this.touched[this.touchedList[i]!] = 0;
    this.touchedCount = 0;
  }

  rollback(): void {
    const stride = this.stride;
    for (let i = 0; i < this.touchedCount; i++) {
      const r = this.touchedList[i]!;
      const base = r * stride;
      this.len[r] = this.backupLen[r]!;
      this.cust.set(this.backupCust.subarray(base, base + this.len[r]!), base);
      this.touched[r] = 0;
    }
    // Refresh after all routes are restored: a customer may have moved between two touched routes.
    for (let i = 0; i < this.touchedCount; i++) this.refresh(this.touchedList[i]!);
    this.touchedCount = 0;
    this.unassigned.set(this.backupUnassigned.subarray(0, this.backupUnassignedCount));
    this.unassignedCount = this.backupUnassignedCount;
    for (let i = 0; i < this.unassignedCount; i++) {
      const c = this.unassigned[i]!;
      this.custRoute[c] = -1;
      this.custPos[c] = -1;
    }
  }

  private touch(r: number): void {
    if (this.touched[r]) return;
    this.touched[r] = 1;
    this.touchedList[this.touchedCount++] = r;
    const base = r * this.stride;
    this.backupLen[r] = this.len[r]!;
    this.backupCust.set(this.cust.subarray(base, base + this.len[r]!), base);
  }

  /** Recomputes load, distance and the forward/backward schedules of route r. */
  refresh(r: number): void {
    const inst = this.inst;
    const { size, dist, time, node, ready, due, service, demand } = inst;
    const base = r * this.stride;
    const length = this.len[r]!;
    let prev = inst.vStart[r]!;
    let clock = inst.vReady[r]!;
    let distance = 0;
    let load = 0;
    for (let p = 0; p < length; p++) {
      const c = this.cust[base + p]!;
      const nd = node[c]!;
      distance += dist[prev * size + nd]!;
      clock = Math.max(clock + time[prev * size + nd]!, ready[c]!) + service[c]!;
      this.dep[base + p] = clock;
      this.rnode[base + p] = nd;
      load += demand[c]!;
      this.custRoute[c] = r;
      this.custPos[c] = p;
      prev = nd;
    }
    this.routeDist[r] = length > 0 ? distance + dist[prev * size + inst.vEnd[r]!]! : 0;
    this.load[r] = load;
    let latest = inst.vDue[r]!;
    let next = inst.vEnd[r]!;
    for (let p = length - 1; p >= 0; p--) {
      const c = this.cust[base + p]!;
      const nd = node[c]!;
      latest = Math.min(due[c]!, latest - time[nd * size + next]! - service[c]!);
      this.lst[base + p] = latest;
      next = nd;
    }
  }

  /**
   * Removes `count` consecutive customers of route r from position `from`, except the `keepCount`
   * customers from position `keepFrom` (a split string), and appends them to the unassigned list.
   */
  removeRange(r: number, from: number, count: number, keepFrom = 0, keepCount = 0): void {
    this.touch(r);
    const base = r * this.stride;
    const length = this.len[r]!;
    let write = from;
    for (let p = from; p < length; p++) {
      const c = this.cust[base + p]!;
      const removed = p < from + count && (p < keepFrom || p >= keepFrom + keepCount);
      if (removed) {
        this.unassigned[this.unassignedCount++] = c;
        this.custRoute[c] = -1;
        this.custPos[c] = -1;
      } else {
        this.cust[base + write++] = c;
      }
    }
    this.len[r] = write;
    this.refresh(r);
  }

  /** Moves every customer of route r to the unassigned list. */
  removeRoute(r: number): void {
    this.removeRange(r, 0, this.len[r]!);
  }

  /** Sets the probability that a position is skipped during `findBestInsertion` (SISR blinks). */
  setBlinkRate(rate: number, rng: Rng): void {
    this.blinkRate = rate;
    this.blinkRng = rng;
    this.drawBlink();
  }

  // Gaps between blinks are geometric, so one random draw per blink instead of one per position.
  private drawBlink(): void {
    if (this.blinkRate <= 0 || !this.blinkRng) {
      this.blinkCountdown = Infinity;
      return;
    }
    this.blinkCountdown = Math.floor(Math.log(1 - this.blinkRng.next()) / Math.log(1 - this.blinkRate));
  }

  /**
   * Finds the cheapest feasible position for customer c (result in `bestRoute`, `bestPos`,
   * `bestDelta`). Used routes are tried first; an unused vehicle only if none fits and
   * `allowNewRoute`.
   * @returns true when a position was found
   */
  findBestInsertion(c: number, allowNewRoute: boolean): boolean {
    const inst = this.inst;
    const { size, dist, time, node, n, m, vStart, vEnd, vReady, vDue, vCap, vMaxTasks, compat } = inst;
    const stride = this.stride;
    const cn = node[c]!;
    const q = inst.demand[c]!;
    const rc = inst.ready[c]!;
    const dc = inst.due[c]! + EPS;
    const sc = inst.service[c]!;
    const triangle = inst.triangleInequality;
    const rowC = cn * size;
    let bestDelta = Infinity;
    let bestRoute = -1;
    let bestPos = -1;
    const rnode = this.rnode;
    const dep = this.dep;
    const lst = this.lst;
    for (let r = 0; r < m; r++) {
      const length = this.len[r]!;
      if (length === 0 || !compat[r * n + c] || this.load[r]! + q > vCap[r]! + EPS || length >= vMaxTasks[r]!)
        continue;
      const base = r * stride;
      let prevRow = vStart[r]! * size;
      let prevDep = vReady[r]!;
      for (let p = 0; p <= length; p++) {
        const inside = p < length;
        const nextNode = inside ? rnode[base + p]! : vEnd[r]!;
        const arrival = prevDep + time[prevRow + cn]!;
        if (arrival > dc) {
          if (triangle) break;
        } else if (this.blinkCountdown-- <= 0) {
          this.drawBlink();
        } else {
          const delta = dist[prevRow + cn]! + dist[rowC + nextNode]! - dist[prevRow + nextNode]!;
          if (delta < bestDelta) {
            const arrivalNext = (arrival > rc ? arrival : rc) + sc + time[rowC + nextNode]!;
            if (arrivalNext <= (inside ? lst[base + p]! : vDue[r]!) + EPS) {
              bestDelta = delta;
              bestRoute = r;
              bestPos = p;
            }
          }
        }
        if (inside) {
          prevDep = dep[base + p]!;
          prevRow = nextNode * size;
        }
      }
    }
    if (bestRoute < 0 && allowNewRoute) {
      const stamp = ++this.classStamp;
      for (let r = 0; r < m; r++) {
        if (this.len[r]! > 0) continue;
        const k = inst.vClass[r]!;
        if (this.classSeen[k] === stamp) continue;
        this.classSeen[k] = stamp;
        if (!compat[r * n + c] || q > vCap[r]! + EPS || vMaxTasks[r]! < 1) continue;
        const start = vStart[r]!;
        const arrival = vReady[r]! + time[start * size + cn]!;
        if (arrival > dc) continue;
        if ((arrival > rc ? arrival : rc) + sc + time[rowC + vEnd[r]!]! > vDue[r]! + EPS) continue;
        const delta = dist[start * size + cn]! + dist[rowC + vEnd[r]!]!;
        if (delta < bestDelta) {
          bestDelta = delta;
          bestRoute = r;
          bestPos = 0;
        }
      }
    }
    this.bestDelta = bestDelta;
    this.bestRoute = bestRoute;
    this.bestPos = bestPos;
    return bestRoute >= 0;
  }

  /** Inserts customer c at position p of route r (the caller keeps the unassigned list). */
  insert(c: number, r: number, p: number): void {
    this.touch(r);
    const base = r * this.stride;
    const length = this.len[r]!;
    this.cust.copyWithin(base + p + 1, base + p, base + length);
    this.cust[base + p] = c;
    this.len[r] = length + 1;
    this.refresh(r);
  }

  /**
   * Greedy insertion (the "recreate" of ruin-and-recreate): empties the unassigned list, then inserts
   * the customers of `order[0..count)` one by one at their cheapest position, opening an unused
   * vehicle only while fewer than `maxRoutes` are in use; those that fit nowhere go back to the
   * unassigned list.
   * @param order customer indices; must not be `this.unassigned`
   */
  recreate(order: Int32Array, count: number, maxRoutes: number): void {
    let used = this.routeCount();
    this.unassignedCount = 0;
    for (let i = 0; i < count; i++) {
      const c = order[i]!;
      if (this.findBestInsertion(c, used < maxRoutes)) {
        if (this.len[this.bestRoute] === 0) used++;
        this.insert(c, this.bestRoute, this.bestPos);
      } else {
        this.unassigned[this.unassignedCount++] = c;
      }
    }
  }

  createSnapshot(): SolutionSnapshot {
    return {
      cust: new Int32Array(this.cust.length),
      len: new Int32Array(this.len.length),
      unassigned: new Int32Array(this.unassigned.length),
      unassignedCount: 0,
    };
  }

  saveTo(snapshot: SolutionSnapshot): void {
    for (let r = 0; r < this.inst.m; r++) {
      const base = r * this.stride;
      snapshot.cust.set(this.cust.subarray(base, base + this.len[r]!), base);
    }
    snapshot.len.set(this.len);
    snapshot.unassigned.set(this.unassigned.subarray(0, this.unassignedCount));
    snapshot.unassignedCount = this.unassignedCount;
  }

  loadFrom(snapshot: SolutionSnapshot): void {
    this.commit();
    this.cust.set(snapshot.cust);
    this.len.set(snapshot.len);
    this.unassigned.set(snapshot.unassigned.subarray(0, snapshot.unassignedCount));
    this.unassignedCount = snapshot.unassignedCount;
    this.custRoute.fill(-1);
    this.custPos.fill(-1);
    for (let r = 0; r < this.inst.m; r++) this.refresh(r);
  }
}
