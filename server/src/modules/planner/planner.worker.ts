/*
 * Worker-thread entry: plans the problem received in `workerData` and posts progress messages,
 * then the plan (or the error); or re-plans after a drop-out with the substitutes. Started by
 * `runPlannerInWorker` and `runReplanInWorker`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planRounds, prepareProblem, replanRemaining, suggestSubstitutes } from './planner.service.js';
import type { PlannerWorkerMessage, PlannerWorkerRequest } from './planner.worker-client.js';

const port = parentPort;
if (!port) throw new Error('planner.worker must run in a worker thread.');
const post = (message: PlannerWorkerMessage) => port.postMessage(message);
const request = workerData as PlannerWorkerRequest;

async function replan(r: Extract<PlannerWorkerRequest, { operation: 'replan' }>): Promise<void> {
  const prepared = await prepareProblem(r.problem);
  const substitutes = Object.fromEntries(
    r.substitutesFor.map((taskId) => [
      taskId,
      suggestSubstitutes(prepared, r.plan, r.change.droppedVolunteerId, taskId, r.substitutesPerTask),
    ]),
  );
  post({
    type: 'replan',
    result: { plan: replanRemaining(prepared, r.plan, r.change, r.options), substitutes },
  });
}

(request.operation === 'replan'
  ? replan(request)
  : planRounds(request.problem, {
      ...request.options,
      onProgress: (progress) => post({ type: 'progress', progress }),
    }).then((plan) => post({ type: 'plan', plan }))
).then(
  () => undefined,
  (error: unknown) =>
    post({
      type: 'error',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    }),
);
