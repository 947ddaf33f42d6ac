import type { Tx } from '../../platform/db/database.js';
import { enqueueJob, type JobDefinition, type JobRun } from '../../platform/jobs/jobs.js';
import { runPlannerInWorker, runReplanInWorker, type PlannerProgress } from '../planner/index.js';
import * as repo from './rounds.repository.js';

/*
 * Round planning on the platform's queue: the request stores the problem and enqueues; a runner
 * computes in a worker thread of its bounded pool, stores the progress, and commits the plan with
 * the job's completion. A run whose instance dies is detected by the queue and runs again — the one
 * stale check, which also marks the plan of a run that gave up failed (`onGiveUp`).
 * Runs under the job's named system context (`job.ctx`, requestId `job:<id>`): the plan, stored
 * under the territory of whoever asked, is read and written past row-level security here only.
 */

export const PLAN_ROUNDS = 'rounds.plan';
export const REPLAN_ROUNDS = 'rounds.replan';
const PROGRESS_EVERY_MS = 500;
const HEARTBEAT_EVERY_MS = 5000;
const REPLAN_TIME_LIMIT_MS = 3000;
export const SUBSTITUTES_PER_TASK = 5;
const FAILED = 'Il calcolo dei giri non è riuscito: riprova.';

export interface ReplanPayload extends Record<string, unknown> {
  planId: string;
  /** Minutes from midnight of the drop-out. */
  now: number;
  completedTaskIds: string[];
  /** The dropped volunteer's tasks still to do, in round order: each gets substitutes. */
  remainingTaskIds: string[];
}

/** Queues the computation of a plan stored as 'planning', in the transaction that stored it. */
export async function enqueuePlan(tx: Tx, planId: string, actorId: string, timeLimitMs: number) {
  await enqueueJob(
    tx,
    PLAN_ROUNDS,
    { planId },
    { createdBy: actorId, maxAttempts: 2, leaseSeconds: Math.ceil(timeLimitMs / 1000) + 30 },
  );
}

/** Queues the re-plan after a drop-out (stored as 'planning'), in the transaction that stored it. */
export async function enqueueReplan(tx: Tx, payload: ReplanPayload, actorId: string) {
  await enqueueJob(tx, REPLAN_ROUNDS, payload, { createdBy: actorId, maxAttempts: 2, leaseSeconds: 60 });
}

/** Keeps the lease while a worker thread computes, whatever its progress reports say. */
async function withHeartbeat<T>(job: JobRun<unknown>, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void job.heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export const planJob: JobDefinition<{ planId: string }> = {
  kind: PLAN_ROUNDS,
  cpu: true,
  backoffSeconds: () => 1,
  async run(job) {
    const { planId } = job.payload;
    const row = await repo.findPlan(job.ctx.database.db, planId);
    if (!row || row.status !== 'planning') return;
    let lastSaved = 0;
    const onProgress = (progress: PlannerProgress) => {
      if (Date.now() - lastSaved < PROGRESS_EVERY_MS) return;
      lastSaved = Date.now();
      void job.heartbeat(progress, (tx) => repo.saveProgress(tx, planId, progress)).catch(() => undefined);
    };
    const plan = await withHeartbeat(job, () =>
      runPlannerInWorker(
        row.problem.problem,
        { timeLimitMs: row.problem.timeLimitMs, seed: 1 },
        onProgress,
        job.signal,
      ),
    );
    await job.complete((tx) => repo.saveResult(tx, planId, { plan }));
  },
  onGiveUp: (tx, job) => repo.saveResult(tx, job.payload.planId, { error: FAILED }),
};

export const replanJob: JobDefinition<ReplanPayload> = {
  kind: REPLAN_ROUNDS,
  cpu: true,
  backoffSeconds: () => 1,
  async run(job) {
    const { planId, now, completedTaskIds, remainingTaskIds } = job.payload;
    const db = job.ctx.database.db;
    const row = await repo.findPlan(db, planId);
    if (!row || row.status !== 'planning' || !row.based_on || !row.dropped_volunteer_id) return;
    const base = await repo.findPlan(db, row.based_on);
    if (!base?.plan) throw new Error('the published plan of a re-plan has no rounds');
    const result = await withHeartbeat(job, () =>
      runReplanInWorker(
        {
          problem: row.problem.problem,
          plan: base.plan!,
          change: { droppedVolunteerId: row.dropped_volunteer_id!, now, completedTaskIds },
          options: { seed: 1, timeLimitMs: REPLAN_TIME_LIMIT_MS },
          substitutesFor: remainingTaskIds,
          substitutesPerTask: SUBSTITUTES_PER_TASK,
        },
        job.signal,
      ),
    );
    await job.complete(async (tx) => {
      await repo.saveResult(tx, planId, { plan: result.plan });
      await repo.saveSubstitutes(
        tx,
        planId,
        remainingTaskIds.map((taskId) => ({ taskId, candidates: [...(result.substitutes[taskId] ?? [])] })),
      );
    });
  },
  onGiveUp: (tx, job) => repo.saveResult(tx, job.payload.planId, { error: FAILED }),
};
