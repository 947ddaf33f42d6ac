import { describe, expect, it } from 'vitest';
import type { PlannerProgress, PlanningProblem } from './planner.types.js';
import { runPlannerInWorker } from './planner.worker-client.js';

const problem: PlanningProblem = {
  tasks: Array.from({ length: 12 }, (_, i) => ({
    id: `t${i}`,
    location: { lat: 45.13 + (i % 4) * 0.01, lon: 10.02 + Math.floor(i / 4) * 0.01 },
    timeWindow: { start: 480, end: 780 },
    serviceMinutes: 10,
    load: 1,
  })),
  volunteers: [
    { id: 'v1', start: { lat: 45.13, lon: 10.02 }, availability: { start: 480, end: 780 }, capacity: 8 },
    { id: 'v2', start: { lat: 45.14, lon: 10.03 }, availability: { start: 480, end: 780 }, capacity: 8 },
  ],
};

describe('runPlannerInWorker', () => {
  it('plans in a worker thread and forwards its progress', async () => {
    const progress: PlannerProgress[] = [];
    const plan = await runPlannerInWorker(problem, { maxIterations: 800, seed: 3 }, (p) => progress.push(p));
    expect(plan.volunteersUsed).toBe(2);
    expect(plan.rounds.flatMap((r) => r.stops)).toHaveLength(12);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', unserved: 0, bestVehicles: 2 });
  });

  it('rejects with the planner’s error when the problem is invalid', async () => {
    const invalid = { ...problem, tasks: [problem.tasks[0]!, problem.tasks[0]!] };
    await expect(runPlannerInWorker(invalid, { maxIterations: 10 })).rejects.toThrow(/Duplicate task id t0/);
  });

  it('rejects with an AbortError when aborted', async () => {
    const controller = new AbortController();
    const running = runPlannerInWorker(problem, { timeLimitMs: 5000 }, undefined, controller.signal);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});
