/*
 * VRP benchmark: `npm run bench:vrp -- [--set solomon|augerat|cremona|all] [--instances C101,R101]
 * [--time-limit S] [--cvrp-time-limit S] [--data DIR] [--out DIR] [--seed N]`.
 * Every plan (the solver's and the greedy baseline's) goes through the independent feasibility
 * checker, with distances recomputed from the raw coordinates, before it is scored.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkSolution,
  haversineKm,
  planPrepared,
  planToVrpRoutes,
  prepareProblem,
  solveVrptw,
  type CheckResult,
  type GeoPoint,
  type VrpRoute,
} from '../server/src/modules/planner/index.js';
import type { BenchInstance } from './vrp/bench.types.js';
import { generateCremonaDay, parseComuni } from './vrp/cremona.scenario.js';
import { cvrpInstance, parseCvrplib } from './vrp/cvrplib.parser.js';
import { greedyNearestNeighbour } from './vrp/greedy.baseline.js';
import { parseSolomon, solomonInstance } from './vrp/solomon.parser.js';
import { fixed, formatTable, mean, type Cell } from './vrp/table.js';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    instances: { type: 'string' },
    'time-limit': { type: 'string' },
    'cvrp-time-limit': { type: 'string' },
    data: { type: 'string', default: 'reference-data/vrp' },
    comuni: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const dataDir = resolve(args.data);
const seed = Number(args.seed);
const sets = args.set === 'all' ? ['solomon', 'augerat', 'cremona'] : [args.set];
const wanted = args.instances ? new Set(args.instances.split(',').map((s) => s.trim())) : null;
const timeLimit = (fallback: number, specific?: string) =>
  Number(specific ?? args['time-limit'] ?? fallback) * 1000;
if (sets.some((s) => !['solomon', 'augerat', 'cremona'].includes(s)))
  throw new Error(`Unknown --set ${args.set}`);

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])));
}

interface Scored {
  readonly feasible: boolean;
  readonly vehicles: number;
  readonly distance: number;
  readonly gap: number | null;
  readonly violations: string;
  /** Distinct violation kinds, for the tables. */
  readonly kinds: string;
}

function score(check: CheckResult, reference?: BenchInstance['reference']): Scored {
  return {
    feasible: check.feasible,
    vehicles: check.vehicles,
    distance: check.distance,
    gap:
      check.feasible && reference ? ((check.distance - reference.distance) / reference.distance) * 100 : null,
    violations: check.violations
      .slice(0, 3)
      .map((v) => v.message)
      .join('; '),
    kinds: [...new Set(check.violations.map((v) => v.kind))].join(','),
  };
}

interface Row {
  readonly instance: BenchInstance;
  readonly ours: Scored;
  readonly greedy: Scored;
  readonly seconds: number;
  readonly iterationsPerSecond: number;
}

function writePlan(
  name: string,
  check: CheckResult,
  routes: readonly (readonly (number | string)[])[],
): void {
  if (!args.out) return;
  mkdirSync(args.out, { recursive: true });
  const plan = {
    instance: name,
    vehicles: check.vehicles,
    distance: Number(check.distance.toFixed(2)),
    routes,
  };
  writeFileSync(join(args.out, `${name}.json`), `${JSON.stringify(plan)}\n`);
}

function runInstance(instance: BenchInstance, limitMs: number): Row {
  const started = performance.now();
  const result = solveVrptw(instance.vrp, {
    timeLimitMs: limitMs,
    seed,
    minimizeVehicles: instance.minimizeVehicles,
  });
  const seconds = (performance.now() - started) / 1000;
  const checkOptions = {
    maxVehicles: instance.maxVehicles,
    distance: instance.checkDistance,
    duration: instance.checkDistance,
  };
  const check = (routes: readonly VrpRoute[]) => checkSolution(instance.vrp, routes, checkOptions);
  const oursCheck = check(result.solution.routes);
  const greedyCheck = check(greedyNearestNeighbour(instance.vrp).routes);
  writePlan(
    instance.name,
    oursCheck,
    result.solution.routes.map((r) => r.customers.map((c) => instance.customerLabels[c]!)),
  );
  const row: Row = {
    instance,
    ours: score(oursCheck, instance.reference),
    greedy: score(greedyCheck, instance.reference),
    seconds,
    iterationsPerSecond: result.iterations / seconds,
  };
  const status = row.ours.feasible ? '' : `  INFEASIBLE: ${row.ours.violations}`;
  console.error(
    `${instance.name.padEnd(10)} ${row.ours.vehicles} veh ${row.ours.distance.toFixed(2)} (ref ${instance.reference?.vehicles ?? '-'} / ${instance.reference?.distance ?? '-'}) gap ${fixed(row.ours.gap) ?? '-'}% ${seconds.toFixed(1)} s${status}`,
  );
  return row;
}

function loadSolomon(): BenchInstance[] {
  const bks = new Map(readCsv(join(dataDir, 'solomon_bks.csv')).map((r) => [r.instance!, r]));
  return readdirSync(join(dataDir, 'solomon'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .filter((name) => !wanted || wanted.has(name))
    .sort()
    .map((name) => {
      const ref = bks.get(name);
      const group = ref?.set ?? name.replace(/\d+$/, '');
      const reference = ref && {
        vehicles: Number(ref.bks_vehicles),
        distance: Number(ref.bks_distance),
        kind: 'BKS' as const,
      };
      return solomonInstance(
        parseSolomon(readFileSync(join(dataDir, 'solomon', `${name}.txt`), 'utf8')),
        group,
        reference,
      );
    });
}

function loadAugerat(): BenchInstance[] {
  const optimal = new Map(readCsv(join(dataDir, 'augerat_A_optimal.csv')).map((r) => [r.instance!, r]));
  return readdirSync(join(dataDir, 'augerat_A'))
    .filter((f) => f.endsWith('.vrp'))
    .map((f) => f.replace(/\.vrp$/, ''))
    .filter((name) => !wanted || wanted.has(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => {
      const ref = optimal.get(name);
      const reference = ref && {
        vehicles: Number(ref.vehicles_in_optimal_solution),
        distance: Number(ref.optimal_value),
        kind: 'optimal' as const,
      };
      return cvrpInstance(
        parseCvrplib(readFileSync(join(dataDir, 'augerat_A', `${name}.vrp`), 'utf8')),
        reference,
      );
    });
}

function printRows(title: string, rows: readonly Row[]): void {
  const headers = [
    'instance',
    'class',
    'ref veh',
    'ref dist',
    'veh',
    'distance',
    'gap %',
    'time s',
    'iter/s',
    'greedy veh',
    'greedy dist',
    'greedy gap %',
  ];
  const cells: Cell[][] = rows.map((r) => [
    r.instance.name,
    r.instance.group,
    r.instance.reference?.vehicles ?? null,
    fixed(r.instance.reference?.distance),
    r.ours.feasible ? r.ours.vehicles : `INFEASIBLE (${r.ours.kinds})`,
    r.ours.feasible ? fixed(r.ours.distance) : null,
    fixed(r.ours.gap),
    fixed(r.seconds, 1),
    Math.round(r.iterationsPerSecond),
    r.greedy.feasible ? r.greedy.vehicles : `INFEASIBLE (${r.greedy.kinds})`,
    r.greedy.feasible ? fixed(r.greedy.distance) : null,
    fixed(r.greedy.gap),
  ]);
  console.log(`\n## ${title}\n\n${formatTable(headers, cells)}`);
}

function printClassMeans(title: string, rows: readonly Row[]): void {
  const groups = [...new Set(rows.map((r) => r.instance.group)), 'all'];
  const cells: Cell[][] = groups.map((group) => {
    const members = rows.filter((r) => group === 'all' || r.instance.group === group);
    const feasible = members.filter((r) => r.ours.feasible);
    const greedy = members.filter((r) => r.greedy.feasible);
    const sameVehicles = feasible.filter((r) => r.ours.vehicles === r.instance.reference?.vehicles);
    const gaps = (list: readonly Row[], pick: (r: Row) => number | null) =>
      list.map(pick).filter((g): g is number => g !== null);
    return [
      group,
      members.length,
      members.length - feasible.length,
      fixed(mean(gaps(feasible, (r) => r.ours.gap))),
      // A plan with more routes than the reference may travel less, so this is the fairer gap.
      fixed(mean(gaps(sameVehicles, (r) => r.ours.gap))),
      fixed(mean(feasible.map((r) => r.ours.vehicles))),
      fixed(mean(members.map((r) => r.instance.reference?.vehicles ?? NaN))),
      sameVehicles.length,
      fixed(mean(members.map((r) => r.seconds)), 1),
      Math.round(mean(members.map((r) => r.iterationsPerSecond))),
      members.length - greedy.length,
      fixed(mean(greedy.map((r) => r.greedy.vehicles))),
      fixed(mean(gaps(greedy, (r) => r.greedy.gap))),
    ];
  });
  const headers = [
    'class',
    'n',
    'infeasible',
    'mean gap %',
    'gap % at ref veh',
    'mean veh',
    'mean ref veh',
    '= ref veh',
    'mean time s',
    'iter/s',
    'greedy infeasible',
    'greedy mean veh',
    'greedy mean gap %',
  ];
  console.log(`\n## ${title}: means per class\n\n${formatTable(headers, cells)}`);
}

async function runCremona(limitMs: number): Promise<void> {
  const comuniPath = args.comuni ?? join(dataDir, '..', 'comuni', 'comuni_cremona.csv');
  const problem = generateCremonaDay(parseComuni(readFileSync(comuniPath, 'utf8')), {
    tasks: 1000,
    volunteers: 150,
    seed: 2026,
  });
  const started = performance.now();
  const prepared = await prepareProblem(problem);
  const plan = planPrepared(prepared, { timeLimitMs: limitMs - (performance.now() - started), seed });
  const seconds = (performance.now() - started) / 1000;
  // Independent check: distances recomputed from the points, 1.3 road factor at 35 km/h.
  const points = prepared.points as GeoPoint[];
  const km = (a: number, b: number) => haversineKm(points[a]!, points[b]!) * 1.3;
  const check = (routes: readonly VrpRoute[], declaredUnserved: readonly number[]) =>
    checkSolution(prepared.instance, routes, {
      declaredUnserved,
      distance: km,
      duration: (a, b) => (km(a, b) / 35) * 60,
    });
  const ours = planToVrpRoutes(prepared, plan);
  const oursCheck = check(ours.routes, ours.declaredUnserved);
  const greedy = greedyNearestNeighbour(prepared.instance);
  const greedyCheck = check(greedy.routes, greedy.unassigned);
  writePlan(
    'cremona-1000',
    oursCheck,
    plan.rounds.map((r) => r.stops.map((s) => s.taskId)),
  );
  const reasons = new Map<string, number>();
  for (const u of plan.unserved) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const headers = [
    'planner',
    'feasible',
    'served',
    'unserved',
    'volunteers',
    'distance km',
    'time s',
    'iter/s',
  ];
  const served = (routes: readonly VrpRoute[]) => routes.reduce((n, r) => n + r.customers.length, 0);
  const cells: Cell[][] = [
    [
      'SISR',
      oursCheck.feasible ? 'yes' : `NO: ${oursCheck.violations[0]?.message}`,
      served(ours.routes),
      plan.unserved.length,
      oursCheck.vehicles,
      fixed(oursCheck.distance, 1),
      fixed(seconds, 1),
      Math.round(plan.stats.iterations / (plan.stats.elapsedMs / 1000)),
    ],
    [
      'greedy NN',
      greedyCheck.feasible ? 'yes' : `NO: ${greedyCheck.violations[0]?.message}`,
      served(greedy.routes),
      problem.tasks.length - served(greedy.routes),
      greedyCheck.vehicles,
      fixed(greedyCheck.distance, 1),
      null,
      null,
    ],
  ];
  console.log(
    `\n## cremona-1000 (1,000 tasks, 150 volunteers, haversine × 1.3 at 35 km/h, limit ${limitMs / 1000} s)\n`,
  );
  console.log(formatTable(headers, cells));
  console.log(
    `\nUnserved by reason: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}; ` +
      `approximate locations: ${plan.rounds.flatMap((r) => r.stops).filter((s) => s.approximateLocation).length}`,
  );
}

const solomonRows = sets.includes('solomon') ? loadSolomon().map((i) => runInstance(i, timeLimit(10))) : [];
if (solomonRows.length > 0) {
  printRows(
    `Solomon VRPTW (${timeLimit(10) / 1000} s per instance, reference: hierarchical BKS)`,
    solomonRows,
  );
  printClassMeans('Solomon', solomonRows);
}
const augeratRows = sets.includes('augerat')
  ? loadAugerat().map((i) => runInstance(i, timeLimit(5, args['cvrp-time-limit'])))
  : [];
if (augeratRows.length > 0) {
  printRows(
    `Augerat A CVRP (${timeLimit(5, args['cvrp-time-limit']) / 1000} s per instance, reference: proven optimum)`,
    augeratRows,
  );
  printClassMeans('Augerat A', augeratRows);
}
if (sets.includes('cremona') && (!wanted || wanted.has('cremona-1000'))) await runCremona(timeLimit(10));
