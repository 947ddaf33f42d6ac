export type * from './planner.types.js';
export { solveVrptw, DEFAULT_SISR, type SisrParameters } from './vrptw.solver.js';
export { checkSolution, type CheckOptions, type CheckResult, type Violation, type ViolationKind } from './feasibility.checker.js';
export {
  createDistanceSource,
  euclideanMatrices,
  haversineKm,
  haversineMatrices,
  osrmSource,
  type DistanceMatrixSource,
  type OsrmSourceOptions,
  type TravelMatrices,
} from './distances.js';
