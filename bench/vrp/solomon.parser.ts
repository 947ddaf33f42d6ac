import { euclideanMatrices } from '../../server/src/modules/planner/index.js';
import type { BenchInstance } from './bench.types.js';

export interface SolomonNode {
  readonly number: number;
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  readonly ready: number;
  readonly due: number;
  readonly service: number;
}

export interface SolomonFile {
  readonly name: string;
  readonly vehicles: number;
  readonly capacity: number;
  /** Node 0 is the depot. */
  readonly nodes: readonly SolomonNode[];
}

/**
 * Parses a Solomon VRPTW file (name line, VEHICLE block, CUSTOMER table; customer 0 is the depot).
 * @param text file content
 * @throws Error when the VEHICLE block or the depot row is missing
 */
export function parseSolomon(text: string): SolomonFile {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? '';
  const vehicleHeader = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  const fleet = (lines[vehicleHeader + 1] ?? '').split(/\s+/).map(Number);
  if (vehicleHeader < 0 || fleet.length < 2 || fleet.some(Number.isNaN))
    throw new Error(`${name}: no VEHICLE block`);
  const nodes: SolomonNode[] = [];
  for (const line of lines.slice(lines.findIndex((l) => /^CUST/i.test(l)) + 1)) {
    const fields = line.split(/\s+/).map(Number);
    if (fields.length !== 7 || fields.some(Number.isNaN)) continue;
    const [number, x, y, demand, ready, due, service] = fields as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    nodes.push({ number, x, y, demand, ready, due, service });
  }
  if (nodes[0]?.number !== 0) throw new Error(`${name}: the first customer row must be the depot 0`);
  return { name, vehicles: fleet[0]!, capacity: fleet[1]!, nodes };
}

/**
 * Turns a Solomon file into a benchmark instance: unrounded Euclidean distances, travel time equal to
 * distance, DUE DATE as latest start of service, the file's fleet of identical vehicles.
 */
export function solomonInstance(
  file: SolomonFile,
  group: string,
  reference?: BenchInstance['reference'],
): BenchInstance {
  const points = file.nodes.map((n) => ({ x: n.x, y: n.y }));
  const matrices = euclideanMatrices(points);
  const depot = file.nodes[0]!;
  const customers = file.nodes.slice(1);
  return {
    name: file.name,
    group,
    maxVehicles: file.vehicles,
    customerLabels: customers.map((c) => c.number),
    minimizeVehicles: true,
    reference,
    checkDistance: (a, b) =>
      Math.sqrt((points[a]!.x - points[b]!.x) ** 2 + (points[a]!.y - points[b]!.y) ** 2),
    vrp: {
      name: file.name,
      nodeCount: points.length,
      distances: matrices.distances,
      durations: matrices.distances,
      triangleInequality: true,
      customers: customers.map((c, i) => ({
        node: i + 1,
        ready: c.ready,
        due: c.due,
        service: c.service,
        demand: c.demand,
      })),
      vehicles: Array.from({ length: file.vehicles }, () => ({
        startNode: 0,
        endNode: 0,
        ready: depot.ready,
        due: depot.due,
        capacity: file.capacity,
      })),
    },
  };
}
