import { createDistanceSource, type DistanceMatrixSource } from './distances.js';
import type {
  Location,
  Plan,
  PlannedRound,
  PlannedStop,
  PlannerOptions,
  PlanningProblem,
  UnservedReason,
  UnservedTask,
  VrpInstance,
  VrpRoute,
  VrpSolveResult,
  VrpVehicle,
} from './planner.types.js';
import { solveVrptw } from './vrptw.solver.js';

/**
 * A problem with its locations resolved and its travel matrices computed: what the synchronous
 * planning, re-planning and substitute functions work on. Structured-cloneable.
 */
export interface PreparedProblem {
  readonly problem: PlanningProblem;
  /** Customers are the routable tasks; vehicle v is volunteer v. */
  readonly instance: VrpInstance;
  /** The matrix nodes' points. */
  readonly points: readonly Location[];
  /** Matrix node of each task, -1 when it has no usable location. */
  readonly taskNode: readonly number[];
  /** Customer index of each task in `instance`, -1 when excluded. */
  readonly taskCustomer: readonly number[];
  /** Task index of each customer of `instance`. */
  readonly customerTask: readonly number[];
  /** Per task: the comune's point stands in for a missing address. */
  readonly approximate: readonly boolean[];
  /** Tasks excluded before solving, with the reason. */
  readonly excluded: readonly UnservedTask[];
}

export interface PlanRoundsOptions extends PlannerOptions {
  /** Overrides `problem.distance` (e.g. a custom or cached source); not available across a worker. */
  readonly distanceSource?: DistanceMatrixSource;
}

const DEFAULT_TIME_LIMIT_MS = 10_000;

function requireFinite(value: number, what: string, min = -Infinity): void {
  if (!Number.isFinite(value) || value < min)
    throw new RangeError(`${what} must be a finite number ≥ ${min}.`);
}

function validate(problem: PlanningProblem): void {
  const taskIds = new Set<string>();
  for (const task of problem.tasks) {
    if (taskIds.has(task.id)) throw new RangeError(`Duplicate task id ${task.id}.`);
    taskIds.add(task.id);
    requireFinite(task.load, `Load of task ${task.id}`, 0);
    requireFinite(task.serviceMinutes, `Service minutes of task ${task.id}`, 0);
    requireFinite(task.timeWindow.start, `Window start of task ${task.id}`);
    requireFinite(task.timeWindow.end, `Window end of task ${task.id}`);
  }
  const volunteerIds = new Set<string>();
  for (const volunteer of problem.volunteers) {
    if (volunteerIds.has(volunteer.id)) throw new RangeError(`Duplicate volunteer id ${volunteer.id}.`);
    volunteerIds.add(volunteer.id);
    requireFinite(volunteer.capacity, `Capacity of volunteer ${volunteer.id}`, 0);
    requireFinite(volunteer.availability.start, `Availability start of volunteer ${volunteer.id}`);
    requireFinite(volunteer.availability.end, `Availability end of volunteer ${volunteer.id}`);
    if (volunteer.maxTasks !== undefined)
      requireFinite(volunteer.maxTasks, `Max tasks of volunteer ${volunteer.id}`, 0);
  }
}

/**
 * Resolves locations (a task without coordinates gets its comune's point and is flagged approximate;
 * without either it is excluded as NO_LOCATION), excludes tasks with an inverted window, and computes
 * the travel matrices among all distinct points.
 * @param problem tasks, volunteers, comune points, distance spec
 * @param source overrides `problem.distance`
 * @throws RangeError on duplicate ids or non-finite/negative numbers; errors of the distance source
 */
export async function prepareProblem(
  problem: PlanningProblem,
  source?: DistanceMatrixSource,
): Promise<PreparedProblem> {
  validate(problem);
  const points: Location[] = [];
  const nodeByKey = new Map<string, number>();
  const nodeOf = (point: Location): number => {
    const key = 'lat' in point ? `g${point.lat},${point.lon}` : `p${point.x},${point.y}`;
    let node = nodeByKey.get(key);
    if (node === undefined) {
      node = points.length;
      points.push(point);
      nodeByKey.set(key, node);
    }
    return node;
  };
  const excluded: UnservedTask[] = [];
  const approximate: boolean[] = [];
  const taskNode = problem.tasks.map((task) => {
    const fallback = task.comuneCode !== undefined ? problem.comunePoints?.[task.comuneCode] : undefined;
    approximate.push(!task.location && fallback !== undefined);
    const point = task.location ?? fallback;
    if (!point) {
      excluded.push({ taskId: task.id, reason: 'NO_LOCATION' });
      return -1;
    }
    if (task.timeWindow.end < task.timeWindow.start) {
      excluded.push({ taskId: task.id, reason: 'INVALID_TIME_WINDOW' });
      return -1;
    }
    return nodeOf(point);
  });
  const vehicles: VrpVehicle[] = problem.volunteers.map((v) => ({
    startNode: nodeOf(v.start),
    endNode: nodeOf(v.end ?? v.start),
    ready: v.availability.start,
    due: v.availability.end,
    capacity: v.capacity,
    maxTasks: v.maxTasks,
    skills: v.skills,
  }));
  const matrices = await (source ?? createDistanceSource(problem.distance)).matrices(points);
  const customerTask: number[] = [];
  const taskCustomer = taskNode.map((node, t) => (node < 0 ? -1 : customerTask.push(t) - 1));
  const instance: VrpInstance = {
    nodeCount: points.length,
    distances: matrices.distances,
    durations: matrices.durations,
    triangleInequality: matrices.triangleInequality,
    customers: customerTask.map((t) => {
      const task = problem.tasks[t]!;
      return {
        node: taskNode[t]!,
        ready: task.timeWindow.start,
        due: task.timeWindow.end,
        service: task.serviceMinutes,
        demand: task.load,
        requiredSkills: task.requiredSkills,
      };
    }),
    vehicles,
  };
  return { problem, instance, points, taskNode, taskCustomer, customerTask, approximate, excluded };
}

/** Where a volunteer's (remaining) round starts: after the stops already done, if any. */
interface Continuation {
  readonly volunteer: number;
  readonly doneStops: readonly PlannedStop[];
  readonly doneDistance: number;
  /** Departure of a round already under way. */
  readonly departure?: number;
  /** The volunteer as a vehicle of the remaining problem. */
  readonly vehicle: VrpVehicle;
}

interface Walk {
  readonly stops: PlannedStop[];
  readonly distance: number;
  readonly node: number;
  readonly time: number;
  readonly feasible: boolean;
}

/** Walks tasks from a node and time, waiting for windows to open; the way back is not included. */
function walkTasks(
  prepared: PreparedProblem,
  fromNode: number,
  fromTime: number,
  tasks: readonly number[],
): Walk {
  const { instance, problem } = prepared;
  const size = instance.nodeCount;
  let node = fromNode;
  let time = fromTime;
  let distance = 0;
  let feasible = true;
  const stops = tasks.map((t) => {
    const task = problem.tasks[t]!;
    const to = prepared.taskNode[t]!;
    distance += instance.distances[node * size + to]!;
    const arrival = time + instance.durations[node * size + to]!;
    const serviceStart = Math.max(arrival, task.timeWindow.start);
    if (serviceStart > task.timeWindow.end + 1e-6) feasible = false;
    time = serviceStart + task.serviceMinutes;
    node = to;
    return {
      taskId: task.id,
      arrival,
      serviceStart,
      departure: time,
      load: task.load,
      approximateLocation: prepared.approximate[t]!,
    };
  });
  return { stops, distance, node, time, feasible };
}

function taskIndexById(prepared: PreparedProblem): Map<string, number> {
  return new Map(prepared.problem.tasks.map((task, t) => [task.id, t]));
}

function volunteerIndex(prepared: PreparedProblem, volunteerId: string): number {
  const index = prepared.problem.volunteers.findIndex((v) => v.id === volunteerId);
  if (index < 0) throw new RangeError(`Unknown volunteer ${volunteerId}.`);
  return index;
}

/**
 * The continuation of volunteer v given its current round and the tasks already done: it restarts
 * from its last done task, no earlier than `now`, with the capacity and task count left.
 */
function continuationOf(
  prepared: PreparedProblem,
  v: number,
  round: PlannedRound | undefined,
  done: ReadonlySet<string>,
  now: number,
  ids: ReadonlyMap<string, number>,
): Continuation {
  const original = prepared.instance.vehicles[v]!;
  const doneStops = round?.stops.filter((s) => done.has(s.taskId)) ?? [];
  const last = doneStops.at(-1);
  if (!round || !last) {
    return {
      volunteer: v,
      doneStops: [],
      doneDistance: 0,
      vehicle: { ...original, ready: Math.max(original.ready, now) },
    };
  }
  const doneWalk = walkTasks(
    prepared,
    original.startNode,
    original.ready,
    doneStops.map((s) => ids.get(s.taskId)!),
  );
  return {
    volunteer: v,
    doneStops,
    doneDistance: doneWalk.distance,
    departure: round.departure,
    vehicle: {
      ...original,
      startNode: doneWalk.node,
      ready: Math.max(last.departure, now),
      capacity: original.capacity - doneStops.reduce((sum, s) => sum + s.load, 0),
      maxTasks: original.maxTasks === undefined ? undefined : original.maxTasks - doneStops.length,
    },
  };
}

/** The round of a continuation followed by `tasks`, or null when it has no stop at all. */
function buildRound(
  prepared: PreparedProblem,
  continuation: Continuation,
  tasks: readonly number[],
): PlannedRound | null {
  if (tasks.length === 0 && continuation.doneStops.length === 0) return null;
  const size = prepared.instance.nodeCount;
  const { vehicle, doneStops } = continuation;
  const earliest = walkTasks(prepared, vehicle.startNode, vehicle.ready, tasks);
  const first = earliest.stops[0];
  // A fresh round leaves as late as its first stop allows, so nobody waits at a door; the service
  // starts do not change, since the first one stays the same.
  const departure =
    continuation.departure ??
    (first
      ? Math.max(
          vehicle.ready,
          first.serviceStart -
            prepared.instance.durations[vehicle.startNode * size + prepared.taskNode[tasks[0]!]!]!,
        )
      : vehicle.ready);
  const walk =
    continuation.departure === undefined
      ? walkTasks(prepared, vehicle.startNode, departure, tasks)
      : earliest;
  const stops = [...doneStops, ...walk.stops];
  return {
    volunteerId: prepared.problem.volunteers[continuation.volunteer]!.id,
    stops,
    departure,
    returnTime: walk.time + prepared.instance.durations[walk.node * size + vehicle.endNode]!,
    distance:
      continuation.doneDistance +
      walk.distance +
      prepared.instance.distances[walk.node * size + vehicle.endNode]!,
    load: stops.reduce((sum, s) => sum + s.load, 0),
  };
}

/** Turns a solver result on (a sub-problem of) a prepared problem into a plan. */
function assemblePlan(
  prepared: PreparedProblem,
  continuations: readonly Continuation[],
  customerTask: readonly number[],
  result: VrpSolveResult,
  seed: number,
  leftOutReason: (task: number) => UnservedReason,
): Plan {
  const tasksByVehicle = new Map(
    result.solution.routes.map((r) => [r.vehicle, r.customers.map((c) => customerTask[c]!)]),
  );
  const rounds = continuations
    .map((continuation, i) => buildRound(prepared, continuation, tasksByVehicle.get(i) ?? []))
    .filter((round): round is PlannedRound => round !== null);
  const reasons = new Map(result.unservable.map((u) => [u.customer, u.reason]));
  const unserved: UnservedTask[] = [
    ...prepared.excluded,
    ...result.solution.unassigned.map((c) => {
      const t = customerTask[c]!;
      return { taskId: prepared.problem.tasks[t]!.id, reason: reasons.get(c) ?? leftOutReason(t) };
    }),
  ];
  return {
    rounds,
    unserved,
    volunteersUsed: rounds.length,
    totalDistance: rounds.reduce((sum, r) => sum + r.distance, 0),
    stats: { iterations: result.iterations, elapsedMs: result.elapsedMs, seed },
  };
}

/**
 * Plans rounds for a prepared problem (synchronous; CPU-bound for up to `timeLimitMs`).
 * Objective, in order: serve every task that can be served, then use the fewest volunteers, then
 * travel the least. Same seed + same `maxIterations` ⇒ same plan.
 * @param prepared output of `prepareProblem`
 * @param options time limit, seed, iteration budget, progress callback
 */
export function planPrepared(prepared: PreparedProblem, options: PlannerOptions = {}): Plan {
  const result = solveVrptw(prepared.instance, options);
  const continuations = prepared.instance.vehicles.map((vehicle, v) => ({
    volunteer: v,
    doneStops: [],
    doneDistance: 0,
    vehicle,
  }));
  return assemblePlan(
    prepared,
    continuations,
    prepared.customerTask,
    result,
    options.seed ?? 1,
    () => 'NOT_ENOUGH_VOLUNTEERS',
  );
}

/**
 * The planner's entry point: problem in, plan out. Resolves locations, computes travel matrices and
 * plans within `timeLimitMs` overall (matrix time included). Every task is either in a round or in
 * `unserved` with a reason. Pure apart from the distance source's requests (none by default).
 * With only a time limit the iteration count, hence the plan, may vary between runs; set
 * `maxIterations` for a reproducible plan.
 * @param problem tasks, volunteers, comune points, distance spec
 * @param options time limit (default 10 s), seed, iteration budget, progress callback, distance source
 * @throws RangeError on invalid input; errors of the distance source
 */
export async function planRounds(problem: PlanningProblem, options: PlanRoundsOptions = {}): Promise<Plan> {
  const start = performance.now();
  const prepared = await prepareProblem(problem, options.distanceSource);
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return planPrepared(prepared, {
    ...options,
    timeLimitMs: Math.max(1, timeLimitMs - (performance.now() - start)),
  });
}

/** A change of the day: a volunteer dropped out at `now`. */
export interface DropOut {
  readonly droppedVolunteerId: string;
  /** Minutes from midnight; nothing is re-planned before it. */
  readonly now: number;
  /** Tasks already done; defaults to the stops of `plan` that ended by `now`. */
  readonly completedTaskIds?: readonly string[];
}

function completedTasks(plan: Plan, change: DropOut): Set<string> {
  if (change.completedTaskIds) return new Set(change.completedTaskIds);
  return new Set(
    plan.rounds.flatMap((r) =>
      r.stops.filter((s) => s.completed || s.departure <= change.now).map((s) => s.taskId),
    ),
  );
}

/**
 * Re-plans the rest of a day after a volunteer drops out. Done tasks stay where they are (flagged
 * `completed`); every other volunteer continues from its last done task, no earlier than `now`, with
 * the capacity and task count it has left; all tasks not done (including the dropped volunteer's and
 * those unserved before) are planned again among them. The dropped volunteer keeps only its done stops.
 * Assumes a volunteer can take on new parcels wherever it is (pick-ups are not modelled).
 * @param prepared the prepared problem of the day
 * @param plan the plan being executed
 * @param change who dropped out, when, and which tasks are done
 * @param options as for `planPrepared`
 * @throws RangeError when the volunteer is unknown
 */
export function replanRemaining(
  prepared: PreparedProblem,
  plan: Plan,
  change: DropOut,
  options: PlannerOptions = {},
): Plan {
  const dropped = volunteerIndex(prepared, change.droppedVolunteerId);
  const done = completedTasks(plan, change);
  const ids = taskIndexById(prepared);
  const roundOf = new Map(plan.rounds.map((r) => [r.volunteerId, r]));
  const markDone = (round: PlannedRound | undefined): PlannedRound | undefined =>
    round && {
      ...round,
      stops: round.stops.map((s) => (done.has(s.taskId) ? { ...s, completed: true } : s)),
    };
  const continuations = prepared.problem.volunteers.map((v, i) =>
    continuationOf(prepared, i, markDone(roundOf.get(v.id)), done, change.now, ids),
  );
  const droppedTasks = new Set(roundOf.get(change.droppedVolunteerId)?.stops.map((s) => s.taskId) ?? []);
  const active = continuations.filter((c) => c.volunteer !== dropped);
  const customerTask = prepared.customerTask.filter((t) => !done.has(prepared.problem.tasks[t]!.id));
  const instance: VrpInstance = {
    ...prepared.instance,
    customers: customerTask.map((t) => prepared.instance.customers[prepared.taskCustomer[t]!]!),
    vehicles: active.map((c) => c.vehicle),
  };
  const result = solveVrptw(instance, options);
  const droppedRound = buildRound(prepared, continuations[dropped]!, []);
  const replanned = assemblePlan(prepared, active, customerTask, result, options.seed ?? 1, (t) =>
    droppedTasks.has(prepared.problem.tasks[t]!.id) ? 'VOLUNTEER_DROPPED_OUT' : 'NOT_ENOUGH_VOLUNTEERS',
  );
  const rounds = droppedRound ? [...replanned.rounds, droppedRound] : replanned.rounds;
  return {
    ...replanned,
    rounds,
    volunteersUsed: rounds.length,
    totalDistance: rounds.reduce((s, r) => s + r.distance, 0),
  };
}

export interface SubstituteSuggestion {
  readonly volunteerId: string;
  /** Extra travel (km) for taking the task at the best position. */
  readonly addedDistance: number;
  /** Index in the volunteer's round's stops where the task would go. */
  readonly insertAt: number;
  readonly currentLoad: number;
  readonly currentTasks: number;
  /** Minutes left in the volunteer's availability after the round with the task. */
  readonly availabilitySlack: number;
}

/**
 * Ranks the volunteers who could take over a task of a volunteer who dropped out: those who have the
 * skills, capacity, task budget and time to fit it into their round (after the stops already done),
 * by added distance, then lower current load, then more spare time.
 * @param prepared the prepared problem of the day
 * @param plan the current plan
 * @param droppedVolunteerId the volunteer who dropped out (never suggested)
 * @param taskId the task to hand over
 * @param k how many suggestions at most
 * @throws RangeError when the task or the volunteer is unknown
 */
export function suggestSubstitutes(
  prepared: PreparedProblem,
  plan: Plan,
  droppedVolunteerId: string,
  taskId: string,
  k = 5,
): SubstituteSuggestion[] {
  volunteerIndex(prepared, droppedVolunteerId);
  const ids = taskIndexById(prepared);
  const t = ids.get(taskId);
  if (t === undefined) throw new RangeError(`Unknown task ${taskId}.`);
  if (prepared.taskNode[t]! < 0) return [];
  const task = prepared.problem.tasks[t]!;
  const done = new Set(plan.rounds.flatMap((r) => r.stops.filter((s) => s.completed).map((s) => s.taskId)));
  const roundOf = new Map(plan.rounds.map((r) => [r.volunteerId, r]));
  const size = prepared.instance.nodeCount;
  const suggestions: SubstituteSuggestion[] = [];
  prepared.problem.volunteers.forEach((volunteer, v) => {
    if (volunteer.id === droppedVolunteerId) return;
    const round = roundOf.get(volunteer.id);
    const { vehicle, doneStops } = continuationOf(prepared, v, round, done, -Infinity, ids);
    const skills = new Set(volunteer.skills ?? []);
    if (!(task.requiredSkills ?? []).every((s) => skills.has(s))) return;
    const pending = (round?.stops ?? []).filter((s) => !done.has(s.taskId)).map((s) => ids.get(s.taskId)!);
    if (pending.length + 1 > (vehicle.maxTasks ?? Infinity)) return;
    const load = pending.reduce((sum, p) => sum + prepared.problem.tasks[p]!.load, 0);
    if (load + task.load > vehicle.capacity) return;
    const cost = (tasks: readonly number[]) => {
      const walk = walkTasks(prepared, vehicle.startNode, vehicle.ready, tasks);
      const back = walk.time + prepared.instance.durations[walk.node * size + vehicle.endNode]!;
      const feasible = walk.feasible && back <= vehicle.due + 1e-6;
      return {
        feasible,
        distance: walk.distance + prepared.instance.distances[walk.node * size + vehicle.endNode]!,
        back,
      };
    };
    const before = pending.length > 0 ? cost(pending).distance : 0;
    let best: { distance: number; position: number; back: number } | null = null;
    for (let p = 0; p <= pending.length; p++) {
      const candidate = cost([...pending.slice(0, p), t, ...pending.slice(p)]);
      if (candidate.feasible && (!best || candidate.distance < best.distance))
        best = { ...candidate, position: p };
    }
    if (!best) return;
    suggestions.push({
      volunteerId: volunteer.id,
      addedDistance: best.distance - before,
      insertAt: doneStops.length + best.position,
      currentLoad: load,
      currentTasks: pending.length,
      availabilitySlack: vehicle.due - best.back,
    });
  });
  // Distances within 100 m count as equal, so load and spare time can decide.
  const bucket = (d: number) => Math.round(d * 10);
  suggestions.sort(
    (a, b) =>
      bucket(a.addedDistance) - bucket(b.addedDistance) ||
      a.currentLoad - b.currentLoad ||
      b.availabilitySlack - a.availabilitySlack,
  );
  return suggestions.slice(0, k);
}

/**
 * The routes of a plan made by `planPrepared`/`planRounds`, as customer indices of
 * `prepared.instance`, with the customers it declares unserved: the input of `checkSolution`.
 * @throws RangeError when the plan names unknown tasks or volunteers
 */
export function planToVrpRoutes(
  prepared: PreparedProblem,
  plan: Plan,
): { routes: VrpRoute[]; declaredUnserved: number[] } {
  const ids = taskIndexById(prepared);
  const customerOf = (taskId: string): number => {
    const t = ids.get(taskId);
    if (t === undefined) throw new RangeError(`Unknown task ${taskId}.`);
    return prepared.taskCustomer[t]!;
  };
  const routes = plan.rounds.map((round) => ({
    vehicle: volunteerIndex(prepared, round.volunteerId),
    customers: round.stops.map((s) => customerOf(s.taskId)),
  }));
  const declaredUnserved = plan.unserved.map((u) => customerOf(u.taskId)).filter((c) => c >= 0);
  return { routes, declaredUnserved };
}

export type RoundViolation = 'LATE' | 'OVER_CAPACITY' | 'TOO_MANY_TASKS' | 'MISSING_SKILL' | 'RETURNS_LATE';

/**
 * Re-times rounds whose order a person chose (a coordinator moving a stop): each round starts
 * when its volunteer is available and waits for windows to open. Nothing is refused; every
 * broken rule is reported so the person sees what the change costs.
 * @param assignments task ids in visiting order per volunteer; tasks in none stay unserved
 * @throws RangeError for an unknown volunteer or task id
 */
export function evaluateRounds(
  prepared: PreparedProblem,
  assignments: readonly { readonly volunteerId: string; readonly taskIds: readonly string[] }[],
  previous: Plan,
): { plan: Plan; violations: Record<string, RoundViolation[]> } {
  const ids = taskIndexById(prepared);
  const { instance, problem } = prepared;
  const violations: Record<string, RoundViolation[]> = {};
  const rounds: PlannedRound[] = [];
  for (const assignment of assignments) {
    if (assignment.taskIds.length === 0) continue;
    const v = volunteerIndex(prepared, assignment.volunteerId);
    const vehicle = instance.vehicles[v]!;
    const volunteer = problem.volunteers[v]!;
    const tasks = assignment.taskIds.map((id) => {
      const t = ids.get(id);
      if (t === undefined || prepared.taskNode[t]! < 0) throw new RangeError(`Task ${id} cannot be routed.`);
      return t;
    });
    const walk = walkTasks(prepared, vehicle.startNode, vehicle.ready, tasks);
    const back = walk.node * instance.nodeCount + vehicle.endNode;
    const returnTime = walk.time + instance.durations[back]!;
    const load = tasks.reduce((sum, t) => sum + problem.tasks[t]!.load, 0);
    const skills = new Set(volunteer.skills ?? []);
    const broken = new Set<RoundViolation>();
    if (!walk.feasible) broken.add('LATE');
    if (load > volunteer.capacity) broken.add('OVER_CAPACITY');
    if (volunteer.maxTasks !== undefined && tasks.length > volunteer.maxTasks) broken.add('TOO_MANY_TASKS');
    if (tasks.some((t) => (problem.tasks[t]!.requiredSkills ?? []).some((s) => !skills.has(s))))
      broken.add('MISSING_SKILL');
    if (returnTime > volunteer.availability.end + 1e-6) broken.add('RETURNS_LATE');
    if (broken.size > 0) violations[volunteer.id] = [...broken];
    rounds.push({
      volunteerId: volunteer.id,
      stops: walk.stops,
      departure: vehicle.ready,
      returnTime,
      distance: walk.distance + instance.distances[back]!,
      load,
    });
  }
  const planned = new Set(assignments.flatMap((a) => a.taskIds));
  return {
    plan: {
      rounds,
      unserved: previous.unserved.filter((u) => !planned.has(u.taskId)),
      volunteersUsed: rounds.length,
      totalDistance: rounds.reduce((sum, r) => sum + r.distance, 0),
      stats: previous.stats,
    },
    violations,
  };
}
