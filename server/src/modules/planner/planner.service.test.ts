import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility.checker.js';
import {
  planPrepared,
  planRounds,
  planToVrpRoutes,
  prepareProblem,
  replanRemaining,
  suggestSubstitutes,
} from './planner.service.js';
import type { GeoPoint, PlanningProblem, PlanningTask, PlanningVolunteer } from './planner.types.js';

const CREMONA: GeoPoint = { lat: 45.1335, lon: 10.0227 };
const SORESINA: GeoPoint = { lat: 45.2867, lon: 9.8569 };
const PIZZIGHETTONE: GeoPoint = { lat: 45.1866, lon: 9.7889 };

/** A point `km` east and `northKm` north of Cremona. */
const near = (km: number, northKm = 0): GeoPoint => ({
  lat: CREMONA.lat + northKm / 111.2,
  lon: CREMONA.lon + km / (111.2 * Math.cos((CREMONA.lat * Math.PI) / 180)),
});

const task = (id: string, overrides: Partial<PlanningTask> = {}): PlanningTask => ({
  id,
  location: near(Number(id.replace(/\D/g, '')) % 7, 1),
  timeWindow: { start: 480, end: 780 },
  serviceMinutes: 10,
  load: 1,
  ...overrides,
});

const volunteer = (id: string, overrides: Partial<PlanningVolunteer> = {}): PlanningVolunteer => ({
  id,
  start: CREMONA,
  availability: { start: 480, end: 780 },
  capacity: 12,
  ...overrides,
});

const problem: PlanningProblem = {
  tasks: [
    ...Array.from({ length: 8 }, (_, i) => task(`t${i}`)),
    task('skill', { requiredSkills: ['forklift'] }),
    task('heavy', { load: 50 }),
    task('too-early', { location: SORESINA, timeWindow: { start: 400, end: 470 } }),
    task('inverted', { timeWindow: { start: 700, end: 600 } }),
    task('comune-only', { location: undefined, comuneCode: '019074' }),
    task('nowhere', { location: undefined, comuneCode: '999999' }),
  ],
  volunteers: [
    volunteer('anna', { skills: ['car'] }),
    volunteer('bruno'),
    volunteer('carla', { start: PIZZIGHETTONE }),
  ],
  comunePoints: { '019074': PIZZIGHETTONE },
};

const budget = { maxIterations: 1500, seed: 1 };

describe('planRounds', () => {
  it('serves every servable task with a plan that passes the independent checker', async () => {
    const prepared = await prepareProblem(problem);
    const plan = planPrepared(prepared, budget);
    const { routes, declaredUnserved } = planToVrpRoutes(prepared, plan);
    const check = checkSolution(prepared.instance, routes, { declaredUnserved });
    expect(check.violations).toEqual([]);
    expect(plan.rounds.flatMap((r) => r.stops.map((s) => s.taskId)).sort()).toEqual(
      ['comune-only', 't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'].sort(),
    );
  });

  it('reports every infeasible task in unserved with its reason', async () => {
    const plan = await planRounds(problem, budget);
    expect([...plan.unserved].sort((a, b) => a.taskId.localeCompare(b.taskId))).toEqual([
      { taskId: 'heavy', reason: 'LOAD_EXCEEDS_CAPACITY' },
      { taskId: 'inverted', reason: 'INVALID_TIME_WINDOW' },
      { taskId: 'nowhere', reason: 'NO_LOCATION' },
      { taskId: 'skill', reason: 'NO_VOLUNTEER_WITH_SKILLS' },
      { taskId: 'too-early', reason: 'TIME_WINDOW_UNREACHABLE' },
    ]);
  });

  it('flags a task placed at its comune point as approximate', async () => {
    const plan = await planRounds(problem, budget);
    const stops = plan.rounds.flatMap((r) => r.stops);
    expect(stops.find((s) => s.taskId === 'comune-only')?.approximateLocation).toBe(true);
    expect(stops.filter((s) => s.approximateLocation)).toHaveLength(1);
  });

  it('uses a single volunteer when one can serve every task', async () => {
    const plan = await planRounds({ ...problem, tasks: problem.tasks.slice(0, 8) }, budget);
    expect(plan.volunteersUsed).toBe(1);
    expect(plan.unserved).toEqual([]);
  });

  it('reports tasks left over by too few volunteers as NOT_ENOUGH_VOLUNTEERS', async () => {
    const plan = await planRounds(
      { ...problem, tasks: problem.tasks.slice(0, 8), volunteers: [volunteer('solo', { maxTasks: 5 })] },
      budget,
    );
    expect(plan.rounds[0]?.stops).toHaveLength(5);
    expect(plan.unserved.map((u) => u.reason)).toEqual([
      'NOT_ENOUGH_VOLUNTEERS',
      'NOT_ENOUGH_VOLUNTEERS',
      'NOT_ENOUGH_VOLUNTEERS',
    ]);
  });

  it('gives the same plan for the same seed and iteration budget', async () => {
    const first = await planRounds(problem, budget);
    const second = await planRounds(problem, budget);
    expect(second.rounds).toEqual(first.rounds);
    expect(second.unserved).toEqual(first.unserved);
  });

  it('leaves as late as the first stop allows instead of waiting at the door', async () => {
    const late = {
      tasks: [task('t1', { timeWindow: { start: 600, end: 620 } })],
      volunteers: [volunteer('anna')],
    };
    const [round] = (await planRounds(late, budget)).rounds;
    expect(round!.departure).toBeGreaterThan(480);
    expect(round!.stops[0]!.arrival).toBeCloseTo(600, 6);
    expect(round!.stops[0]!.serviceStart).toBe(600);
  });

  it('schedules each stop within its window and the volunteer within availability', async () => {
    const plan = await planRounds(problem, budget);
    for (const round of plan.rounds) {
      expect(round.departure).toBeGreaterThanOrEqual(480);
      expect(round.returnTime).toBeLessThanOrEqual(780);
      for (const stop of round.stops) {
        const window = problem.tasks.find((t) => t.id === stop.taskId)!.timeWindow;
        expect(stop.serviceStart).toBeGreaterThanOrEqual(window.start);
        expect(stop.serviceStart).toBeLessThanOrEqual(window.end);
      }
    }
  });
});

/** Two volunteers with four tasks each, far apart so that the first plan uses both. */
const day: PlanningProblem = {
  tasks: [
    ...[0, 1, 2, 3].map((i) =>
      task(`east${i}`, { location: near(8 + i, 0), timeWindow: { start: 480 + 30 * i, end: 510 + 30 * i } }),
    ),
    ...[0, 1, 2, 3].map((i) =>
      task(`west${i}`, { location: near(-8 - i, 0), timeWindow: { start: 480 + 30 * i, end: 510 + 30 * i } }),
    ),
  ],
  volunteers: [
    volunteer('east', { start: near(7, 0) }),
    volunteer('west', { start: near(-7, 0) }),
    volunteer('spare', { start: near(0, 2), skills: ['training'] }),
  ],
};

describe('replanRemaining', () => {
  it('keeps the done stops and re-plans the dropped volunteer’s remaining tasks', async () => {
    const prepared = await prepareProblem(day);
    const plan = planPrepared(prepared, budget);
    expect(plan.volunteersUsed).toBe(2);
    const now = 560;
    const replanned = replanRemaining(prepared, plan, { droppedVolunteerId: 'west', now }, budget);
    const west = replanned.rounds.find((r) => r.volunteerId === 'west')!;
    const doneWest = plan.rounds
      .find((r) => r.volunteerId === 'west')!
      .stops.filter((s) => s.departure <= now);
    expect(west.stops.map((s) => s.taskId)).toEqual(doneWest.map((s) => s.taskId));
    expect(west.stops.every((s) => s.completed)).toBe(true);
    const served = replanned.rounds.flatMap((r) => r.stops.map((s) => s.taskId));
    expect([...served, ...replanned.unserved.map((u) => u.taskId)].sort()).toEqual(
      day.tasks.map((t) => t.id).sort(),
    );
    const newStops = replanned.rounds.flatMap((r) => r.stops.filter((s) => !s.completed));
    expect(newStops.every((s) => s.serviceStart >= now)).toBe(true);
  });

  it('marks the dropped volunteer’s tasks nobody can take as VOLUNTEER_DROPPED_OUT', async () => {
    const prepared = await prepareProblem({
      tasks: day.tasks.map((t) => ({ ...t, timeWindow: { start: 480, end: 780 } })),
      volunteers: day.volunteers.slice(0, 2).map((v) => ({ ...v, maxTasks: 4 })),
    });
    const plan = planPrepared(prepared, budget);
    const replanned = replanRemaining(prepared, plan, { droppedVolunteerId: 'west', now: 470 }, budget);
    expect(replanned.unserved.map((u) => u.reason)).toEqual(Array(4).fill('VOLUNTEER_DROPPED_OUT'));
  });
});

describe('suggestSubstitutes', () => {
  it('ranks who can take a task by added distance, skipping the dropped volunteer', async () => {
    const prepared = await prepareProblem(day);
    const plan = planPrepared(prepared, budget);
    const suggestions = suggestSubstitutes(prepared, plan, 'west', 'west3', 5);
    expect(suggestions.map((s) => s.volunteerId)).not.toContain('west');
    expect(suggestions.length).toBeGreaterThan(0);
    const distances = suggestions.map((s) => s.addedDistance);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(suggestions[0]!.addedDistance).toBeGreaterThan(0);
  });

  it('suggests only volunteers with the skills the task needs', async () => {
    const skilled = {
      ...day,
      tasks: day.tasks.map((t) => (t.id === 'west3' ? { ...t, requiredSkills: ['training'] } : t)),
    };
    const prepared = await prepareProblem(skilled);
    const plan = planPrepared(prepared, budget);
    const suggestions = suggestSubstitutes(prepared, plan, 'west', 'west3');
    expect(suggestions.map((s) => s.volunteerId)).toEqual(['spare']);
  });
});
