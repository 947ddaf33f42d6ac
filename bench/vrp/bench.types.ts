import type { VrpInstance } from '../../server/src/modules/planner/index.js';

/** A benchmark instance ready for the solver, the baseline and the checker. */
export interface BenchInstance {
  readonly name: string;
  /** Class used for per-class means: C1, C2, R1, R2, RC1, RC2, A or cremona. */
  readonly group: string;
  readonly vrp: VrpInstance;
  /** Most routes a plan may use (from the file). */
  readonly maxVehicles: number;
  /** Number printed for customer index i in plan files (as in the instance file). */
  readonly customerLabels: readonly number[];
  /** Distance recomputed from the raw data, for the independent check. */
  readonly checkDistance: (fromNode: number, toNode: number) => number;
  /** Reference to compare with (best known or optimal), when there is one. */
  readonly reference?: {
    readonly vehicles: number;
    readonly distance: number;
    readonly kind: 'BKS' | 'optimal';
  };
  /** Objective: hierarchical (vehicles, then distance) or distance only (CVRP). */
  readonly minimizeVehicles: boolean;
}
