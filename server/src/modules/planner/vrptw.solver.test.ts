import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSolomon, solomonInstance } from '../../../../bench/vrp/solomon.parser.js';
import { euclideanMatrices } from './distances.js';
import { checkSolution } from './feasibility.checker.js';
import type { VrpInstance, VrpRoute } from './planner.types.js';
import { createRng } from './rng.js';
import { solveVrptw } from './vrptw.solver.js';

const solomon = (name: string) =>
  solomonInstance(
    parseSolomon(
      readFileSync(new URL(`../../../../reference-data/vrp/solomon/${name}.txt`, import.meta.url), 'utf8'),
    ),
    name.replace(/\d+$/, ''),
  );

/** Six customers, three vehicles, windows and capacity that bind. */
function tinyInstance(): VrpInstance {
  const rng = createRng(3);
  const points = [
    { x: 50, y: 50 },
    ...Array.from({ length: 6 }, () => ({ x: rng.int(100), y: rng.int(100) })),
  ];
  const matrices = euclideanMatrices(points);
  return {
    nodeCount: points.length,
    distances: matrices.distances,
    durations: matrices.durations,
    triangleInequality: true,
    customers: points.slice(1).map((_, i) => {
      const ready = rng.int(150);
      return { node: i + 1, ready, due: ready + 40 + rng.int(60), service: 10, demand: 1 + rng.int(4) };
    }),
    vehicles: Array.from({ length: 3 }, () => ({
      startNode: 0,
      endNode: 0,
      ready: 0,
      due: 400,
      capacity: 8,
    })),
  };
}

/** Enumerates every split of every permutation into at most three routes; keeps the best feasible. */
function bruteForce(instance: VrpInstance): { vehicles: number; distance: number } {
  let best = { vehicles: Infinity, distance: Infinity };
  const permute = (rest: number[], prefix: number[]) => {
    if (rest.length === 0) {
      for (let a = 0; a <= prefix.length; a++) {
        for (let b = a; b <= prefix.length; b++) {
          const routes: VrpRoute[] = [prefix.slice(0, a), prefix.slice(a, b), prefix.slice(b)]
            .filter((r) => r.length > 0)
            .map((customers, vehicle) => ({ vehicle, customers }));
          const result = checkSolution(instance, routes);
          const better =
            result.vehicles < best.vehicles ||
            (result.vehicles === best.vehicles && result.distance < best.distance);
          if (result.feasible && better) best = { vehicles: result.vehicles, distance: result.distance };
        }
      }
      return;
    }
    rest.forEach((c, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...prefix, c]));
  };
  permute(
    instance.customers.map((_, c) => c),
    [],
  );
  return best;
}

describe('solveVrptw', () => {
  it('finds the brute-force optimum of a tiny instance', () => {
    const instance = tinyInstance();
    const optimum = bruteForce(instance);
    const { solution } = solveVrptw(instance, { maxIterations: 3000, seed: 1 });
    expect(checkSolution(instance, solution.routes).feasible).toBe(true);
    expect(solution.vehicles).toBe(optimum.vehicles);
    expect(solution.distance).toBeCloseTo(optimum.distance, 6);
  });

  it('reaches the best known C101 solution: 10 vehicles, 828.94', () => {
    const c101 = solomon('C101');
    const { solution } = solveVrptw(c101.vrp, { maxIterations: 5000, seed: 1 });
    const check = checkSolution(c101.vrp, solution.routes, {
      distance: c101.checkDistance,
      duration: c101.checkDistance,
    });
    expect(check.feasible).toBe(true);
    expect(solution.vehicles).toBe(10);
    expect(check.distance).toBeCloseTo(828.94, 1);
  });

  it('returns plans that pass the independent checker on a tight instance', () => {
    const r101 = solomon('R101');
    const { solution } = solveVrptw(r101.vrp, { maxIterations: 3000, seed: 5 });
    const check = checkSolution(r101.vrp, solution.routes, {
      distance: r101.checkDistance,
      duration: r101.checkDistance,
      maxVehicles: r101.maxVehicles,
    });
    expect(check.violations).toEqual([]);
    expect(check.distance).toBeCloseTo(solution.distance, 6);
  });

  it('gives the identical solution for the same seed and iteration budget', () => {
    const r101 = solomon('R101');
    const first = solveVrptw(r101.vrp, { maxIterations: 2000, seed: 9 });
    const second = solveVrptw(r101.vrp, { maxIterations: 2000, seed: 9 });
    expect(second.solution).toEqual(first.solution);
    expect(second.iterations).toBe(first.iterations);
  });

  it('stops at the time limit with its best solution so far', () => {
    const r101 = solomon('R101');
    const { solution, elapsedMs } = solveVrptw(r101.vrp, { timeLimitMs: 300, seed: 2 });
    expect(elapsedMs).toBeLessThan(1500);
    expect(checkSolution(r101.vrp, solution.routes).feasible).toBe(true);
  });

  it('reports progress with iteration, vehicles, distance and unserved count', () => {
    const events: { iteration: number; bestVehicles: number; bestDistance: number; unserved: number }[] = [];
    solveVrptw(solomon('C101').vrp, { maxIterations: 500, onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThan(1);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ phase: 'done', iteration: 500, unserved: 0 });
    expect(last.bestVehicles).toBeGreaterThan(0);
    expect(last.bestDistance).toBeGreaterThan(0);
  });

  it('leaves out customers no vehicle can serve, with the reason', () => {
    const instance = tinyInstance();
    const customers = [...instance.customers];
    customers[0] = { ...customers[0]!, demand: 99 };
    customers[1] = { ...customers[1]!, requiredSkills: ['car'] };
    const { solution, unservable } = solveVrptw({ ...instance, customers }, { maxIterations: 200 });
    expect(unservable).toEqual([
      { customer: 0, reason: 'LOAD_EXCEEDS_CAPACITY' },
      { customer: 1, reason: 'NO_VOLUNTEER_WITH_SKILLS' },
    ]);
    expect([...solution.unassigned].sort()).toEqual([0, 1]);
    expect(solution.routes.flatMap((r) => r.customers)).toHaveLength(4);
  });
});
