import { euclideanMatrices } from '../../server/src/modules/planner/index.js';
import type { BenchInstance } from './bench.types.js';

export interface CvrplibFile {
  readonly name: string;
  readonly capacity: number;
  /** Trucks named in the COMMENT or the `-kN` suffix of the name. */
  readonly trucks: number;
  /** Node ids as in the file (1-based), with coordinates and demands. */
  readonly nodes: readonly {
    readonly id: number;
    readonly x: number;
    readonly y: number;
    readonly demand: number;
  }[];
  readonly depot: number;
}

/**
 * Parses a CVRPLIB/TSPLIB `.vrp` file with EUC_2D coordinates.
 * @param text file content
 * @throws Error for other edge weight types or missing sections
 */
export function parseCvrplib(text: string): CvrplibFile {
  const header = new Map<string, string>();
  const coords = new Map<number, { x: number; y: number }>();
  const demands = new Map<number, number>();
  let depot = 1;
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0 || line === 'EOF') continue;
    const keyValue = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (keyValue) {
      header.set(keyValue[1]!, keyValue[2]!.trim());
      continue;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      continue;
    }
    const fields = line.split(/\s+/).map(Number);
    if (section === 'NODE_COORD_SECTION') coords.set(fields[0]!, { x: fields[1]!, y: fields[2]! });
    else if (section === 'DEMAND_SECTION') demands.set(fields[0]!, fields[1]!);
    else if (section === 'DEPOT_SECTION' && fields[0]! > 0) depot = fields[0]!;
  }
  const name = header.get('NAME') ?? '';
  if (header.get('EDGE_WEIGHT_TYPE') !== 'EUC_2D') throw new Error(`${name}: only EUC_2D is supported`);
  if (coords.size === 0 || demands.size !== coords.size)
    throw new Error(`${name}: missing coordinates or demands`);
  const trucksMatch = /trucks:\s*(\d+)/i.exec(header.get('COMMENT') ?? '') ?? /-k(\d+)/.exec(name);
  const nodes = [...coords.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, p]) => ({ id, x: p.x, y: p.y, demand: demands.get(id) ?? 0 }));
  return {
    name,
    capacity: Number(header.get('CAPACITY')),
    trucks: Number(trucksMatch?.[1] ?? nodes.length),
    nodes,
    depot,
  };
}

/**
 * Turns a CVRP file into a benchmark instance: TSPLIB EUC_2D (Euclidean rounded to the nearest
 * integer), no time limits, fleet = the file's number of trucks, objective distance only.
 */
export function cvrpInstance(file: CvrplibFile, reference?: BenchInstance['reference']): BenchInstance {
  const depotIndex = file.nodes.findIndex((n) => n.id === file.depot);
  const ordered = [file.nodes[depotIndex]!, ...file.nodes.filter((_, i) => i !== depotIndex)];
  const points = ordered.map((n) => ({ x: n.x, y: n.y }));
  const matrices = euclideanMatrices(points, 1, true);
  const customers = ordered.slice(1);
  return {
    name: file.name,
    group: 'A',
    maxVehicles: file.trucks,
    customerLabels: customers.map((c) => c.id),
    minimizeVehicles: false,
    reference,
    checkDistance: (a, b) => Math.round(Math.hypot(points[a]!.x - points[b]!.x, points[a]!.y - points[b]!.y)),
    vrp: {
      name: file.name,
      nodeCount: points.length,
      distances: matrices.distances,
      durations: matrices.distances,
      customers: customers.map((c, i) => ({
        node: i + 1,
        ready: 0,
        due: Infinity,
        service: 0,
        demand: c.demand,
      })),
      vehicles: Array.from({ length: file.trucks }, () => ({
        startNode: 0,
        endNode: 0,
        ready: 0,
        due: Infinity,
        capacity: file.capacity,
      })),
    },
  };
}
