import { Worker } from 'node:worker_threads';
import { tsxBootstrap } from '../../platform/jobs/worker-thread.js';
import type { DropOut, SubstituteSuggestion } from './planner.service.js';
import type { Plan, PlannerOptions, PlannerProgress, PlanningProblem } from './planner.types.js';

/** What the worker receives: everything but callbacks, which cannot cross threads. */
export type PlannerWorkerRequest =
  | {
      readonly operation?: 'plan';
      readonly problem: PlanningProblem;
      readonly options: Omit<PlannerOptions, 'onProgress'>;
    }
  | {
      readonly operation: 'replan';
      readonly problem: PlanningProblem;
      readonly options: Omit<PlannerOptions, 'onProgress'>;
      readonly plan: Plan;
      readonly change: DropOut;
      /** Tasks to find substitutes for, and how many per task. */
      readonly substitutesFor: readonly string[];
      readonly substitutesPerTask: number;
    };

/** A re-plan after a drop-out, with the substitutes found for each remaining task. */
export interface ReplanResult {
  readonly plan: Plan;
  readonly substitutes: Readonly<Record<string, readonly SubstituteSuggestion[]>>;
}

export type PlannerWorkerMessage =
  | { readonly type: 'progress'; readonly progress: PlannerProgress }
  | { readonly type: 'plan'; readonly plan: Plan }
  | { readonly type: 'replan'; readonly result: ReplanResult }
  | { readonly type: 'error'; readonly name: string; readonly message: string };

/**
 * Runs `planRounds` in a worker thread so the request thread stays responsive. The worker is the
 * TypeScript source under tsx (development, tests) or the compiled `.js` next to this file.
 * @param problem the problem; must be structured-cloneable (the distance source is given by
 *   `problem.distance`, not as an object)
 * @param options time limit, seed, iteration budget (no callbacks)
 * @param onProgress receives the worker's progress reports
 * @param signal aborting terminates the worker and rejects with an AbortError
 * @throws (rejects) the planner's error, re-created with its name and message
 */
export function runPlannerInWorker(
  problem: PlanningProblem,
  options: Omit<PlannerOptions, 'onProgress'> = {},
  onProgress?: (progress: PlannerProgress) => void,
  signal?: AbortSignal,
): Promise<Plan> {
  return runInWorker<Plan>({ problem, options }, onProgress, signal);
}

/**
 * Re-plans the rest of a day after a drop-out and finds substitutes for the dropped volunteer's
 * remaining tasks, in a worker thread: both are CPU work that must not run on the request thread.
 * @throws (rejects) as runPlannerInWorker
 */
export function runReplanInWorker(
  request: Omit<Extract<PlannerWorkerRequest, { operation: 'replan' }>, 'operation'>,
  signal?: AbortSignal,
): Promise<ReplanResult> {
  return runInWorker<ReplanResult>({ ...request, operation: 'replan' }, undefined, signal);
}

function runInWorker<T>(
  request: PlannerWorkerRequest,
  onProgress?: (progress: PlannerProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Planning aborted.', 'AbortError'));
      return;
    }
    const worker = fromSource
      ? new Worker(tsxBootstrap(new URL('./planner.worker.ts', import.meta.url)), {
          eval: true,
          workerData: request,
        })
      : new Worker(new URL('./planner.worker.js', import.meta.url), { workerData: request });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => {
      settle(() => reject(new DOMException('Planning aborted.', 'AbortError')));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: PlannerWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'plan') settle(() => resolve(message.plan as T));
      else if (message.type === 'replan') settle(() => resolve(message.result as T));
      else {
        const error = new Error(message.message);
        error.name = message.name;
        settle(() => reject(error));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`Planner worker exited with code ${code} before answering.`))),
    );
  });
}
