import { assertInScope, authorize, requireActor, withScope } from '../../platform/access/access.js';
import { organizationsLimiting, type Actor } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { AppError } from '../../platform/errors.js';
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
import { enqueueNotification } from '../notifications/notifications.outbox.js';
import {
  evaluateRounds,
  prepareProblem,
  type Plan,
  type PlanningVolunteer,
  type RoundViolation,
} from '../planner/index.js';
import {
  assignIfOpen,
  findTasksByIds,
  releaseTask,
  tasksPerVolunteer,
  type TaskRow,
} from '../tasks/tasks.repository.js';
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

/** The organisation whose rounds the actor plans: the one asked, if the actor runs it. */
function organizationFor(actor: Actor, requested: string | undefined): string {
  const limiting = organizationsLimiting(actor, 'task.assign');
  if (requested) {
    if (limiting && !limiting.includes(requested))
      throw new AppError(404, 'NOT_FOUND', 'Organizzazione non trovata.');
    return requested;
  }
  if (limiting?.length === 1) return limiting[0]!;
  throw organizationRequired();
}

async function loadPlan(tx: Tx, actor: Actor, id: string): Promise<repo.RoundPlanRow> {
  const row = await repo.findPlan(tx, id);
  const limiting = organizationsLimiting(actor, 'task.assign');
  if (!row || (limiting && !limiting.includes(row.organization_id))) throw planNotFound();
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
  const organizationId = organizationFor(actor, body.organizationId);
  const timeLimitMs = (body.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_MS / 1000) * 1000;
  const { id } = await withScope(ctx, 'task.assign', async (tx) => {
    const tasks = await repo.openTasksFor(tx, organizationId, body.date);
    const volunteers = await listApprovedVolunteers(tx, { organizationIds: [organizationId] });
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
    const id = await repo.insertPlan(tx, {
      organizationId,
      date: body.date,
      problem: stored,
      actorId: actor.userId,
    });
    await enqueuePlan(tx, id, actor.userId, timeLimitMs);
    return { id };
  });
  return { id };
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
 * A plan as it leaves the server, audited when it carries beneficiaries' names, addresses or
 * phones (rounds, unserved tasks, substitutes): one entry per response with the tasks' ids.
 */
async function presentAudited(ctx: Context, tx: Tx, row: repo.RoundPlanRow): Promise<RoundPlan> {
  const plan = await present(tx, row);
  const ids = [
    ...new Set([
      ...plan.rounds.flatMap((r) => r.stops.map((s) => s.taskId)),
      ...plan.unserved.map((u) => u.taskId),
      ...plan.substitutes.map((u) => u.taskId),
    ]),
  ];
  if (ids.length > 0)
    await writeAudit(tx, ctx, {
      action: 'round_plan.read',
      entityType: 'round_plan',
      entityId: plan.id,
      details: { ids },
    });
  return plan;
}

/** The plans of a date (a coordinator: of his organisations), to find the day's published plan again. */
export async function listPlans(
  ctx: Context,
  query: { date: string; organizationId?: string },
): Promise<RoundPlanSummary[]> {
  const actor = requireActor(ctx);
  authorize(ctx, 'task.assign');
  const limiting = organizationsLimiting(actor, 'task.assign');
  const organizations = query.organizationId
    ? limiting && !limiting.includes(query.organizationId)
      ? []
      : [query.organizationId]
    : limiting;
  const rows = await repo.listPlans(ctx.database.db, query.date, organizations);
  return rows.map((r) => ({
    id: r.id,
    date: r.plan_date,
    organizationName: r.organization_name,
    status: r.status,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    droppedVolunteerId: r.dropped_volunteer_id,
  }));
}

/** A plan with its progress while computing, then its rounds. @throws 404 for another organisation's plan. */
export async function getPlan(ctx: Context, id: string): Promise<RoundPlan> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx) => presentAudited(ctx, tx, await loadPlan(tx, actor, id)));
}

/**
 * Moves one stop to a volunteer's round at a position, before publishing; the rounds are
 * re-timed and what the move breaks (late arrivals, capacity, skills) is shown, not refused.
 * @throws 409 once published, 422 for a task or volunteer not in the plan.
 */
export async function moveStop(ctx: Context, id: string, body: MoveStopBody): Promise<RoundPlan> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx) => {
    const row = await loadPlan(tx, actor, id);
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
    return presentAudited(ctx, tx, (await repo.findPlan(tx, id))!);
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
    const row = await loadPlan(tx, actor, id);
    if (row.status === 'published') throw planAlreadyPublished();
    if (row.status !== 'ready' || !row.plan) throw planNotReady();
    const tasks = new Map(
      (
        await findTasksByIds(
          tx,
          row.problem.problem.tasks.map((t) => t.id),
        )
      ).map((t) => [t.id, t]),
    );
    const volunteers = new Map(
      (await listApprovedVolunteers(tx, { organizationIds: [row.organization_id] })).map((v) => [v.id, v]),
    );
    const conflicts: PublishResult['conflicts'] = [];
    let assigned = 0;
    for (const round of row.plan.rounds) {
      let firstStart: string | null = null;
      for (const [position, stop] of round.stops.entries()) {
        const task = tasks.get(stop.taskId);
        if (!task || stop.completed) continue;
        assertInScope(scope, task.comune_code, 'Compito');
        const live = ['assigned', 'accepted'].includes(task.status);
        const sameVolunteer = live && task.volunteer_id === round.volunteerId;
        // A re-plan after a drop-out may move tasks between the remaining rounds: it takes them back first.
        if (row.based_on && live && !sameVolunteer) await releaseTask(tx, task.id);
        if (
          !sameVolunteer &&
          !(await assignIfOpen(tx, task.id, round.volunteerId, actor.userId, position + 1))
        ) {
          conflicts.push({
            taskId: task.id,
            message: 'Il compito è già stato assegnato o chiuso da qualcun altro.',
          });
          continue;
        }
        await repo.setPlannedStart(tx, task.id, clockOf(stop.serviceStart));
        firstStart ??= clockOf(stop.arrival);
        assigned++;
      }
      const volunteer = volunteers.get(round.volunteerId);
      if (volunteer && firstStart) {
        await enqueueNotification(tx, {
          kind: 'task.assigned',
          recipientEmail: volunteer.email,
          recipientPhone: volunteer.phone,
          subject: `Il tuo giro del ${row.plan_date}`,
          body: `${round.stops.length} consegne, partenza alle ${clockOf(round.departure)}, prima tappa alle ${firstStart}. Apri Legami per il foglio di giro.`,
        });
      }
    }
    await repo.markPublished(tx, id, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'task.assign',
      entityType: 'task',
      details: { planId: id, assigned, conflicts: conflicts.length },
    });
    return { assigned, conflicts };
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
  return withScope(ctx, 'task.assign', async (tx) => {
    const row = await loadPlan(tx, actor, id);
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
    return { replan: await presentAudited(ctx, tx, (await repo.findPlan(tx, replanId))!) };
  });
}
