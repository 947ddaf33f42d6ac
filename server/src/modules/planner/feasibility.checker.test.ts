import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility.checker.js';
import type { VrpInstance, VrpRoute } from './planner.types.js';
import { euclideanMatrices } from './distances.js';

// Depot at node 0; customers 0..3 at nodes 1..4 on a line, 10 units apart.
const points = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 20, y: 0 },
  { x: 30, y: 0 },
  { x: 40, y: 0 },
];
const matrices = euclideanMatrices(points);
const instance: VrpInstance = {
  nodeCount: points.length,
  distances: matrices.distances,
  durations: matrices.durations,
  customers: [
    { node: 1, ready: 0, due: 100, service: 5, demand: 4 },
    { node: 2, ready: 0, due: 100, service: 5, demand: 4 },
    { node: 3, ready: 50, due: 60, service: 5, demand: 4, requiredSkills: ['training'] },
    { node: 4, ready: 0, due: 200, service: 20, demand: 4 },
  ],
  vehicles: [
    { startNode: 0, endNode: 0, ready: 0, due: 300, capacity: 10, skills: ['training'], maxTasks: 3 },
    { startNode: 0, endNode: 0, ready: 0, due: 300, capacity: 10 },
  ],
};
const valid: VrpRoute[] = [
  { vehicle: 0, customers: [0, 2] },
  { vehicle: 1, customers: [1, 3] },
];
const kinds = (routes: VrpRoute[], maxVehicles?: number) =>
  checkSolution(instance, routes, { maxVehicles }).violations.map((v) => v.kind);

describe('checkSolution', () => {
  it('accepts a feasible solution and recomputes its distance', () => {
    const result = checkSolution(instance, valid);
    expect(result.violations).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.vehicles).toBe(2);
    expect(result.distance).toBeCloseTo(60 + 80);
  });

  it('reports a customer that is not served', () => {
    expect(
      kinds([
        { vehicle: 0, customers: [0, 2] },
        { vehicle: 1, customers: [3] },
      ]),
    ).toEqual(['missing-customer']);
  });

  it('accepts a missing customer only when the plan declares it unserved', () => {
    const routes = [
      { vehicle: 0, customers: [0, 2] },
      { vehicle: 1, customers: [3] },
    ];
    expect(checkSolution(instance, routes, { declaredUnserved: [1] }).feasible).toBe(true);
  });

  it('reports a customer served twice', () => {
    expect(
      kinds([
        { vehicle: 0, customers: [0, 2] },
        { vehicle: 1, customers: [1, 3, 0] },
      ]),
    ).toContain('duplicate-customer');
  });

  it('reports a time window violated', () => {
    // Going to customer 3 (node 4) first makes customer 2 start after its latest start 60.
    expect(
      kinds([
        { vehicle: 0, customers: [3, 2] },
        { vehicle: 1, customers: [0, 1] },
      ]),
    ).toEqual(['time-window']);
  });

  it('reports a capacity exceeded', () => {
    expect(
      kinds([
        { vehicle: 0, customers: [0, 1, 2] },
        { vehicle: 1, customers: [3] },
      ]),
    ).toEqual(['capacity']);
  });

  it('reports more routes than vehicles allowed', () => {
    expect(kinds(valid, 1)).toEqual(['too-many-vehicles']);
  });

  it('reports a skill the vehicle does not have', () => {
    expect(
      kinds([
        { vehicle: 1, customers: [0, 2] },
        { vehicle: 0, customers: [1, 3] },
      ]),
    ).toEqual(['skill']);
  });

  it('reports more tasks than the vehicle may take', () => {
    const heavy: VrpInstance = {
      ...instance,
      customers: instance.customers.map((c) => ({ ...c, demand: 1 })),
    };
    const result = checkSolution(heavy, [{ vehicle: 0, customers: [0, 1, 2, 3] }]);
    expect(result.violations.map((v) => v.kind)).toEqual(['max-tasks']);
  });

  it('reports a return after the end of the vehicle availability', () => {
    const short: VrpInstance = { ...instance, vehicles: instance.vehicles.map((v) => ({ ...v, due: 70 })) };
    expect(checkSolution(short, valid).violations.map((v) => v.kind)).toContain('vehicle-availability');
  });

  it('reports one vehicle used for two routes', () => {
    expect(
      kinds([
        { vehicle: 0, customers: [0, 2] },
        { vehicle: 0, customers: [1, 3] },
      ]),
    ).toEqual(['vehicle-reused']);
  });

  it('uses the injected distance function instead of the matrix', () => {
    const result = checkSolution(instance, valid, { distance: () => 1 });
    expect(result.distance).toBe(6);
  });
});
