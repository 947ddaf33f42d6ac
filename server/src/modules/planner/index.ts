/*
 * Public API of the round planner. Other modules import from here only.
 */
export type * from './planner.types.js';
export {
  planRounds,
  prepareProblem,
  planPrepared,
  replanRemaining,
  suggestSubstitutes,
  planToVrpRoutes,
  evaluateRounds,
  type RoundViolation,
  type DropOut,
  type PlanRoundsOptions,
  type PreparedProblem,
  type SubstituteSuggestion,
} from './planner.service.js';
export { runPlannerInWorker, runReplanInWorker, type ReplanResult } from './planner.worker-client.js';
export { solveVrptw, DEFAULT_SISR, type SisrParameters } from './vrptw.solver.js';
export {
  checkSolution,
  type CheckOptions,
  type CheckResult,
  type Violation,
  type ViolationKind,
} from './feasibility.checker.js';
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
export { createRng, type Rng } from './rng.js';
