import { authorize, requireActor, withScope } from '../../platform/access/access.js';
import {
  organizationsLimiting,
  reachesOrganization,
  scopeCovers,
  type Actor,
  type Scope,
} from '../../platform/access/actor.js';
import { writeAudit, type AuditAction } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type {
  DropOutBody,
  DropOutResult,
  MoveStopBody,
  PlanRoundsBody,
  PublishResult,
  Round,
  RoundPlan,
  RoundPlanSummary,
} from '../../../../shared/src/rounds/rounds.schemas.js';
import { enqueueNotification } from '../notifications/index.js';
import {
  evaluateRounds,
  prepareProblem,
  type Plan,
  type PlanningVolunteer,
  type RoundViolation,
} from '../planner/index.js';
import { territoryOfOrganization } from '../organizations/index.js';
import {
  assignPlannedStops,
  findTasksByIds,
  openTasksForPlanning,
  tasksPerVolunteer,
  type PlannedStop,
  type TaskRow,
} from '../tasks/index.js';
import { listApprovedVolunteers, type AssignableVolunteer } from '../volunteers/index.js';
import * as repo from './rounds.repository.js';
import { enqueuePlan, enqueueReplan } from './rounds.jobs.js';
import {
  clockOf,
  isPlannableDate,
  minutesOf,
  PLANNING_HORIZON_DAYS,
  moveTask,
  toPlanningTask,
  toPlanningVolunteer,
  UNSERVED_MESSAGES,
  VIOLATION_MESSAGES,
} from './rounds.rules.js';
import {
  organizationNotFound,
  organizationRequired,
  planAlreadyPublished,
  planDateOutOfRange,
  planNotFound,
  planNotPublished,
  planNotReady,
  stopNotInPlan,
  volunteerNotInPlan,
} from './rounds.errors.js';

const DEFAULT_TIME_LIMIT_MS = 10_000;
const TASK_TAKEN = 'Il compito è già stato assegnato o chiuso da qualcun altro.';

/*
 * Round plans are scoped like the tasks they plan. Invariants:
 * - every use case runs in `withScope(…, 'task.assign')`; a plan carries the comuni of its tasks and
 *   volunteers, and row-level security shows it only where the actor's territory covers them all
 *   (`coversPlan` says the same in code): another territory's plan answers 404;
 * - a coordinator reaches only his organisations' plans; the organisation a request names is
 *   planned for only if the actor's grants reach it (his own, or one working in his territory);
 * - task rows change only through the tasks module (`assignPlannedStops`);
 * - each request that computes, opens, lists, changes or publishes a plan writes one audit entry
 *   naming the plans or tasks it showed or changed.
 */

/**
 * The organisation whose rounds the actor plans — the one asked, or the only one he runs — and
 * the comuni of its territory he covers. The body names it; the actor's grants decide.
 * @throws 404 for an organisation unknown, not his (a coordinator) or outside his territory,
 *   422 when none is named and he does not run exactly one.
 */
async function organizationFor(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  requested: string | undefined,
): Promise<{ id: string; comuni: string[] }> {
  const limiting = organizationsLimiting(actor, 'task.assign');
  const id = requested ?? (limiting?.length === 1 ? limiting[0] : undefined);
  if (!id) throw organizationRequired();
  if (!reachesOrganization(actor, 'task.assign', id)) throw organizationNotFound();
  const territory = await territoryOfOrganization(tx, id);
  if (!territory) throw organizationNotFound();
  const comuni =
    territory === 'all'
      ? scope.all
        ? []
        : [...scope.comuni]
      : territory.filter((c) => scopeCovers(scope, c));
  if (!scope.all && comuni.length === 0) throw organizationNotFound();
  return { id, comuni };
}

/** The check of the `round_plans_territory` policy: the scope covers every comune of the plan. */
function coversPlan(scope: Scope, row: repo.RoundPlanRow): boolean {
  return scope.all || (row.comuni.length > 0 && row.comuni.every((c) => scopeCovers(scope, c)));
}

/** @throws 404 for a plan of another territory or, for a coordinator, of another organisation. */
async function loadPlan(tx: Tx, actor: Actor, scope: Scope, id: string): Promise<repo.RoundPlanRow> {
  const row = await repo.findPlan(tx, id);
  if (!row || !coversPlan(scope, row) || !reachesOrganization(actor, 'task.assign', row.organization_id))
    throw planNotFound();
  return row;
}

/**
 * Starts planning a day's rounds for an organisation: the open tasks of that date and the
 * volunteers available then. The request stores the problem and enqueues the job; a worker thread of
 * some instance computes it, and its progress and result are stored, so any instance can show
 * them. @returns the plan id (202).
 */
export async function startPlanning(ctx: Context, body: PlanRoundsBody): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  authorize(ctx, 'task.assign');
  const today = dateInRome();
  const latest = addDays(today, PLANNING_HORIZON_DAYS);
  if (!isPlannableDate(body.date, today, latest)) throw planDateOutOfRange(latest);
  const timeLimitMs = (body.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_MS / 1000) * 1000;
  return withScope(ctx, 'task.assign', async (tx, scope) => {
    const organization = await organizationFor(tx, actor, scope, body.organizationId);
    const tasks = await openTasksForPlanning(tx, organization.id, body.date);
    const volunteers = await listApprovedVolunteers(tx, { organizationIds: [organization.id] });
    const points = await repo.comunePoints(tx, [
      ...new Set([...tasks.map((t) => t.comune_code), ...volunteers.map((v) => v.comuneCode)]),
    ]);
    const pointOf = new Map(points.map((p) => [p.istat_code, { lat: p.latitude, lon: p.longitude }]));
    const load = await tasksPerVolunteer(tx, body.date);
    const planning = volunteers
      .map((v) => toPlanningVolunteer(v, body.date, pointOf.get(v.comuneCode)!, load.get(v.id) ?? 0))
      .filter((v): v is PlanningVolunteer => v !== null);
    const stored: repo.StoredProblem = {
      problem: {
        tasks: tasks.map(toPlanningTask),
        volunteers: planning,
        comunePoints: Object.fromEntries(pointOf),
      },
      timeLimitMs,
      capacities: Object.fromEntries(planning.map((v) => [v.id, v.capacity])),
    };
    const planned = new Set(planning.map((v) => v.id));
    const comuni = [
      ...new Set([
        ...tasks.map((t) => t.comune_code),
        ...volunteers.filter((v) => planned.has(v.id)).map((v) => v.comuneCode),
      ]),
    ].sort();
    const id = await repo.insertPlan(tx, {
      organizationId: organization.id,
      // A day with nothing to plan still gets a territory: the organisation's, within the actor's.
      comuni: comuni.length > 0 ? comuni : organization.comuni,
      date: body.date,
      problem: stored,
      actorId: actor.userId,
    });
    await enqueuePlan(tx, id, actor.userId, timeLimitMs);
    await writeAudit(tx, ctx, {
      action: 'round_plan.create',
      entityType: 'round_plan',
      entityId: id,
      details: { ids: tasks.map((t) => t.id), volunteers: planning.length },
    });
    return { id };
  });
}

function presentRound(
  plan: Plan['rounds'][number],
  tasks: Map<string, TaskRow>,
  volunteers: Map<string, AssignableVolunteer>,
  capacity: number,
  violations: RoundViolation[],
): Round {
  const volunteer = volunteers.get(plan.volunteerId);
  return {
    volunteerId: plan.volunteerId,
    volunteerName: volunteer ? `${volunteer.givenName} ${volunteer.familyName}` : '',
    volunteerPhone: volunteer?.phone ?? '',
    departure: clockOf(plan.departure),
    returnTime: clockOf(plan.returnTime),
    distanceKm: Math.round(plan.distance * 10) / 10,
    load: plan.load,
    capacity,
    warnings: violations.map((v) => VIOLATION_MESSAGES[v]),
    stops: plan.stops.flatMap((s) => {
      const t = tasks.get(s.taskId);
      if (!t) return [];
      return [
        {
          taskId: s.taskId,
          arrival: clockOf(s.arrival),
          serviceStart: clockOf(s.serviceStart),
          departure: clockOf(s.departure),
          comuneName: t.comune_name,
          address: t.address,
          beneficiaryName: `${t.beneficiary_given_name} ${t.beneficiary_family_name}`,
          beneficiaryPhone: t.beneficiary_phone,
          interventionTypeName: t.intervention_type_name,
          latitude: t.latitude ?? 0,
          longitude: t.longitude ?? 0,
          approximateLocation: s.approximateLocation,
          load: t.load,
        },
      ];
    }),
  };
}

async function present(tx: Tx, row: repo.RoundPlanRow): Promise<RoundPlan> {
  const plan = row.plan;
  const taskIds = row.problem.problem.tasks.map((t) => t.id);
  const tasks = new Map((await findTasksByIds(tx, taskIds)).map((t) => [t.id, t]));
  const volunteers = new Map(
    (await listApprovedVolunteers(tx, { organizationIds: [row.organization_id] })).map((v) => [v.id, v]),
  );
  return {
    id: row.id,
    date: row.plan_date,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    status: row.status,
    progress: row.progress,
    timeLimitMs: row.problem.timeLimitMs,
    error: row.error,
    tasksCount: taskIds.length,
    volunteersAvailable: row.problem.problem.volunteers.length,
    volunteers: row.problem.problem.volunteers.map((v) => {
      const volunteer = volunteers.get(v.id);
      return {
        id: v.id,
        name: volunteer ? `${volunteer.givenName} ${volunteer.familyName}` : '',
        capacity: v.capacity,
      };
    }),
    rounds: (plan?.rounds ?? []).map((r) =>
      presentRound(
        r,
        tasks,
        volunteers,
        row.problem.capacities[r.volunteerId] ?? 0,
        plan?.violations?.[r.volunteerId] ?? [],
      ),
    ),
    unserved: (plan?.unserved ?? []).map((u) => {
      const t = tasks.get(u.taskId);
      return {
        taskId: u.taskId,
        reason: u.reason,
        message: UNSERVED_MESSAGES[u.reason],
        comuneName: t?.comune_name ?? '',
        beneficiaryName: t ? `${t.beneficiary_given_name} ${t.beneficiary_family_name}` : '',
      };
    }),
    totalDistanceKm: Math.round((plan?.totalDistance ?? 0) * 10) / 10,
    droppedVolunteerId: row.dropped_volunteer_id,
    publishedAt: row.published_at,
    substitutes: (row.substitutes ?? []).map((s) => {
      const t = tasks.get(s.taskId);
      return {
        taskId: s.taskId,
        beneficiaryName: t ? `${t.beneficiary_given_name} ${t.beneficiary_family_name}` : '',
        candidates: s.candidates.map((c) => {
          const v = volunteers.get(c.volunteerId);
          return {
            volunteerId: c.volunteerId,
            volunteerName: v ? `${v.givenName} ${v.familyName}` : '',
            addedDistanceKm: Math.round(c.addedDistance * 10) / 10,
            currentTasks: c.currentTasks,
            slackMinutes: Math.round(c.availabilitySlack),
          };
        }),
      };
    }),
  };
}

/**
 * A plan as it leaves the server, with the one audit entry of the request (`action`) naming the
 * tasks whose beneficiaries' names, addresses or phones it shows (rounds, unserved, substitutes).
 */
async function presentAudited(
  ctx: Context,
  tx: Tx,
  row: repo.RoundPlanRow,
  action: Extract<AuditAction, 'round_plan.read' | 'round_plan.change' | 'round_plan.create'>,
  details: Record<string, unknown> = {},
): Promise<RoundPlan> {
  const plan = await present(tx, row);
  const ids = [
    ...new Set([
      ...plan.rounds.flatMap((r) => r.stops.map((s) => s.taskId)),
      ...plan.unserved.map((u) => u.taskId),
      ...plan.substitutes.map((u) => u.taskId),
    ]),
  ];
  await writeAudit(tx, ctx, {
    action,
    entityType: 'round_plan',
    entityId: plan.id,
    details: { ...details, ids },
  });
  return plan;
}

/** The plans of a date (a coordinator: of his organisations), to find the day's published plan again. */
export async function listPlans(
  ctx: Context,
  query: { date: string; organizationId?: string },
): Promise<RoundPlanSummary[]> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx) => {
    const organizations = organizationsLimiting(actor, 'task.assign', query.organizationId);
    const rows = await repo.listPlans(tx, query.date, organizations);
    await writeAudit(tx, ctx, {
      action: 'round_plan.search',
      entityType: 'round_plan',
      details: { ids: rows.map((r) => r.id), date: query.date },
    });
    return rows.map((r) => ({
      id: r.id,
      date: r.plan_date,
      organizationName: r.organization_name,
      status: r.status,
      createdAt: r.created_at,
      publishedAt: r.published_at,
      droppedVolunteerId: r.dropped_volunteer_id,
    }));
  });
}

/** A plan with its progress while computing, then its rounds. @throws 404 for another organisation's plan. */
export async function getPlan(ctx: Context, id: string): Promise<RoundPlan> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx, scope) =>
    presentAudited(ctx, tx, await loadPlan(tx, actor, scope, id), 'round_plan.read'),
  );
}

/**
 * Moves one stop to a volunteer's round at a position, before publishing; the rounds are
 * re-timed and what the move breaks (late arrivals, capacity, skills) is shown, not refused.
 * @throws 409 once published, 422 for a task or volunteer not in the plan.
 */
export async function moveStop(ctx: Context, id: string, body: MoveStopBody): Promise<RoundPlan> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx, scope) => {
    const row = await loadPlan(tx, actor, scope, id);
    if (row.status === 'published') throw planAlreadyPublished();
    if (row.status !== 'ready' || !row.plan) throw planNotReady();
    if (!row.problem.problem.tasks.some((t) => t.id === body.taskId)) throw stopNotInPlan();
    if (!row.problem.problem.volunteers.some((v) => v.id === body.toVolunteerId)) throw volunteerNotInPlan();
    const prepared = await prepareProblem(row.problem.problem);
    const order = moveTask(
      row.plan.rounds.map((r) => ({ volunteerId: r.volunteerId, taskIds: r.stops.map((s) => s.taskId) })),
      { taskId: body.taskId, toVolunteerId: body.toVolunteerId, position: body.position },
    );
    const { plan, violations } = evaluateRounds(prepared, order, row.plan);
    await repo.replacePlan(tx, id, { ...plan, violations });
    return presentAudited(ctx, tx, (await repo.findPlan(tx, id))!, 'round_plan.change', {
      moved: body.taskId,
    });
  });
}

/**
 * Assigns every stop to its volunteer, in round order, with the planned time, and tells each
 * volunteer once. A task someone assigned meanwhile is reported as a conflict, not overwritten;
 * a re-plan after a drop-out takes back the tasks it gives to someone else.
 * @throws 409 when the plan is still computing or already published.
 */
export async function publishPlan(ctx: Context, id: string): Promise<PublishResult> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx, scope) => {
    const row = await loadPlan(tx, actor, scope, id);
    if (row.status === 'published') throw planAlreadyPublished();
    if (row.status !== 'ready' || !row.plan) throw planNotReady();
    const stops: PlannedStop[] = row.plan.rounds.flatMap((round) =>
      round.stops.flatMap((stop, index) =>
        stop.completed
          ? []
          : [
              {
                taskId: stop.taskId,
                volunteerId: round.volunteerId,
                position: index + 1,
                plannedStart: clockOf(stop.serviceStart),
              },
            ],
      ),
    );
    // A re-plan after a drop-out may move tasks between the remaining rounds: it takes them back first.
    const { assigned, conflicts } = await assignPlannedStops(ctx, tx, {
      stops,
      takeBack: row.based_on !== null,
    });
    const done = new Set(assigned);
    const volunteers = new Map(
      (await listApprovedVolunteers(tx, { organizationIds: [row.organization_id] })).map((v) => [v.id, v]),
    );
    for (const round of row.plan.rounds) {
      const volunteer = volunteers.get(round.volunteerId);
      const first = round.stops.find((s) => done.has(s.taskId));
      if (!volunteer || !first) continue;
      await enqueueNotification(tx, {
        kind: 'task.assigned',
        recipientEmail: volunteer.email,
        recipientPhone: volunteer.phone,
        subject: `Il tuo giro del ${row.plan_date}`,
        body: `${round.stops.length} consegne, partenza alle ${clockOf(round.departure)}, prima tappa alle ${clockOf(first.arrival)}. Apri Legami per il foglio di giro.`,
      });
    }
    await repo.markPublished(tx, id, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'round_plan.publish',
      entityType: 'round_plan',
      entityId: id,
      details: { ids: assigned, conflicts },
    });
    return {
      assigned: assigned.length,
      conflicts: conflicts.map((taskId) => ({ taskId, message: TASK_TAKEN })),
    };
  });
}

/**
 * A volunteer drops out of a published plan: the request stores a re-plan of the rest of the day
 * and enqueues it; a worker thread computes it with the five best substitutes for each remaining
 * task, and the re-plan can then be published in its turn. @returns the re-plan, still 'planning' (202).
 * @throws 409 when the plan is not published, 422 when the volunteer has no round in it.
 */
export async function dropOut(ctx: Context, id: string, body: DropOutBody): Promise<DropOutResult> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx, scope) => {
    const row = await loadPlan(tx, actor, scope, id);
    if (row.status !== 'published' || !row.plan) throw planNotPublished();
    const round = row.plan.rounds.find((r) => r.volunteerId === body.volunteerId);
    if (!round) throw volunteerNotInPlan();
    const now = body.from ? minutesOf(body.from) : 0;
    const tasks = new Map(
      (
        await findTasksByIds(
          tx,
          round.stops.map((s) => s.taskId),
        )
      ).map((t) => [t.id, t]),
    );
    const closed = (taskId: string) => ['done', 'failed'].includes(tasks.get(taskId)?.status ?? '');
    const replanId = await repo.insertPlan(tx, {
      organizationId: row.organization_id,
      comuni: row.comuni,
      date: row.plan_date,
      problem: row.problem,
      actorId: actor.userId,
      basedOn: row.id,
      droppedVolunteerId: body.volunteerId,
    });
    await enqueueReplan(
      tx,
      {
        planId: replanId,
        now,
        completedTaskIds: [...tasks.keys()].filter(closed),
        remainingTaskIds: round.stops
          .filter((s) => s.departure > now && !closed(s.taskId))
          .map((s) => s.taskId),
      },
      actor.userId,
    );
    const replan = await presentAudited(ctx, tx, (await repo.findPlan(tx, replanId))!, 'round_plan.create', {
      basedOn: row.id,
      droppedVolunteerId: body.volunteerId,
    });
    return { replan };
  });
}
