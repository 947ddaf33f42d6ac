/*
 * Worker-thread entry: plans the problem received in `workerData` and posts progress messages,
 * then the plan (or the error). Started by `runPlannerInWorker`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planRounds } from './planner.service.js';
import type { PlannerWorkerMessage, PlannerWorkerRequest } from './planner.worker-client.js';

const port = parentPort;
if (!port) throw new Error('planner.worker must run in a worker thread.');
const post = (message: PlannerWorkerMessage) => port.postMessage(message);
const { problem, options } = workerData as PlannerWorkerRequest;

planRounds(problem, { ...options, onProgress: (progress) => post({ type: 'progress', progress }) }).then(
  (plan) => post({ type: 'plan', plan }),
  (error: unknown) =>
    post({
      type: 'error',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    }),
);
