import { assertInScope, authorize, requireActor, withScope } from '../../platform/access/access.js';
import {
  can,
  organizationsLimiting,
  reachesOrganization,
  type Actor,
  type Scope,
} from '../../platform/access/actor.js';
import { auditStatement, writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { lastStatementOf, sql, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type {
  CompleteBody,
  Suggestion,
  Task,
  TasksPage,
  TasksQuery,
} from '../../../../shared/src/tasks/tasks.schemas.js';
import { notificationCtes } from '../notifications/index.js';
import { completeHelpRequestAfterTasks } from '../requests/index.js';
import {
  assignableOf,
  assignableVolunteerJson,
  findVolunteerByUserId,
  listApprovedVolunteers,
} from '../volunteers/index.js';
import * as repo from './tasks.repository.js';
import { presentTask } from './tasks.presenter.js';
import { fitProblems, rankVolunteers, type TaskNeeds } from './tasks.rules.js';
import {
  assignmentRefused,
  failureReasonRequired,
  reimbursementTooHigh,
  taskAlreadyAssigned,
  taskClosed,
  taskNotFound,
  taskNotOpenForResponse,
  volunteerNotRegistered,
  volunteerUnknown,
} from './tasks.errors.js';

function needsOf(row: repo.TaskRow): TaskNeeds {
  return {
    organizationId: row.organization_id,
    comuneCode: row.comune_code,
    dueDate: row.due_date,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    requiresCar: row.requires_car,
    requiresHealthTraining: row.requires_health_training,
  };
}

/** Tasks as this actor sees them, each with its history (read for the whole list at once). */
async function presentTasks(tx: Tx, actor: Actor, rows: repo.TaskRow[]): Promise<Task[]> {
  const history = await repo.eventsOfTasks(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentTask(actor, r, history.get(r.id) ?? []));
}

/** The task as it is now, after a change in this transaction. */
async function presentCurrent(tx: Tx, actor: Actor, id: string): Promise<Task> {
  const [task] = await presentTasks(tx, actor, [(await repo.findTask(tx, id))!]);
  return task!;
}

/** @throws 404 unless the actor coordinates the task: in the territory and, for a coordinator, of his organisation. */
function assertCoordinated(actor: Actor, scope: Scope, row: repo.TaskRow): void {
  assertInScope(scope, row.comune_code, 'Compito');
  if (!reachesOrganization(actor, 'task.assign', row.organization_id)) throw taskNotFound();
}

/** A task the actor coordinates. @throws 404 when unknown or not the actor's to coordinate. */
async function coordinatedTask(tx: Tx, actor: Actor, scope: Scope, id: string): Promise<repo.TaskRow> {
  const row = await repo.findTask(tx, id);
  if (!row) throw taskNotFound();
  assertCoordinated(actor, scope, row);
  return row;
}

/** A task assigned to the logged-in volunteer. @throws 404 for anyone else's task. */
async function ownTask(tx: Tx, actor: Actor, id: string): Promise<repo.TaskRow> {
  const row = await repo.findTask(tx, id);
  if (!row || row.volunteer_user_id !== actor.userId) throw taskNotFound();
  return row;
}

/** Tasks of the territory (a coordinator: of his organisations). */
export async function listTasks(ctx: Context, query: TasksQuery): Promise<TasksPage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.read', async (tx) => {
    const { rows, total } = await repo.searchTasks(tx, query, organizationsLimiting(actor, 'task.read'));
    await writeAudit(tx, ctx, {
      action: 'task.read',
      entityType: 'task',
      details: { ids: rows.map((r) => r.id), total },
    });
    return { items: await presentTasks(tx, actor, rows), total };
  });
}

/** "My tasks today": what the logged-in volunteer has to do on a date. */
export async function myTasks(ctx: Context, date: string | undefined): Promise<TasksPage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.own', async (tx) => {
    const me = await findVolunteerByUserId(tx, actor.userId);
    if (!me) throw volunteerNotRegistered();
    const { rows, total } = await repo.searchTasks(
      tx,
      { date: date ?? dateInRome(), volunteerId: me.id, limit: 200 },
      null,
    );
    // The volunteer reads the beneficiaries' names, addresses and phones: audited as one list.
    await writeAudit(tx, ctx, {
      action: 'task.read',
      entityType: 'task',
      details: { ids: rows.map((r) => r.id), total, own: true },
    });
    return { items: await presentTasks(tx, actor, rows), total };
  });
}

/** @throws 404 when the task is not the actor's to see. */
export async function getTask(ctx: Context, id: string): Promise<Task> {
  const actor = requireActor(ctx);
  // Coordinators and operators read the territory's tasks; a volunteer only his own.
  const ownOnly = !can(actor, 'task.read');
  return withScope(ctx, ownOnly ? 'task.own' : 'task.read', async (tx, scope) => {
    const row = ownOnly ? await ownTask(tx, actor, id) : await repo.findTask(tx, id);
    if (!row) throw taskNotFound();
    assertInScope(scope, row.comune_code, 'Compito');
    await writeAudit(tx, ctx, {
      action: 'task.read',
      entityType: 'task',
      entityId: id,
      comune: row.comune_code,
    });
    const [task] = await presentTasks(tx, actor, [row]);
    return task!;
  });
}

/** Volunteers ranked for a task, with what keeps each one out. */
export async function suggestVolunteers(ctx: Context, id: string, limit = 10): Promise<Suggestion[]> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.assign', async (tx, scope) => {
    const row = await coordinatedTask(tx, actor, scope, id);
    const volunteers = await listApprovedVolunteers(tx, {
      organizationIds: row.organization_id ? [row.organization_id] : null,
      includeIndividuals: true,
    });
    const load = await repo.tasksPerVolunteer(tx, row.due_date);
    return rankVolunteers(needsOf(row), volunteers, load)
      .slice(0, limit)
      .map((r) => ({
        volunteerId: r.volunteer.id,
        name: `${r.volunteer.givenName} ${r.volunteer.familyName}`,
        organizationName: null,
        score: r.score,
        tasksThatDay: r.tasksThatDay,
        maxTasksPerDay: r.volunteer.maxTasksPerDay,
        sameComune: r.volunteer.comuneCode === row.comune_code,
        inZone: !r.problems.some((p) => p.code === 'VOLUNTEER_OUTSIDE_ZONE'),
        available: !r.problems.some((p) => p.code === 'VOLUNTEER_UNAVAILABLE'),
        hasCar: r.volunteer.hasCar,
        eligible: r.eligible,
        problems: r.problems.map((p) => p.message),
      }));
  });
}

/**
 * Gives an open task to a volunteer and tells them. Safe under concurrency: the volunteer's
 * daily count is read under a lock on that volunteer, and the task changes only if still open.
 * @throws 404 outside the territory, 409 already assigned, 422 volunteer unfit (no car, no training, limit…).
 */
export async function assignTask(
  ctx: Context,
  id: string,
  volunteerId: string,
  position: number | null = null,
): Promise<Task> {
  const actor = requireActor(ctx);
  return withScope(
    ctx,
    'task.assign',
    async (tx, scope) => {
      const facts = await repo.assignmentFacts(tx, id, volunteerId, assignableVolunteerJson);
      if (!facts) throw taskNotFound();
      const row = facts.task;
      assertCoordinated(actor, scope, row);
      if (row.status !== 'open') throw taskAlreadyAssigned();
      const volunteer = assignableOf(facts.volunteer);
      if (!volunteer) throw volunteerUnknown();
      const blocking = fitProblems(needsOf(row), volunteer, facts.tasksThatDay).find((p) => p.blocking);
      if (blocking) throw assignmentRefused(blocking.code, blocking.message);
      // The change, its step, the notification and the audit entry: one statement, sent with COMMIT.
      const assigned = await repo.assignIfOpen(
        lastStatementOf(tx),
        id,
        { volunteerId, actorId: actor.userId, position },
        (whenAssigned) => {
          const notification = notificationCtes(
            {
              kind: 'task.assigned',
              recipientEmail: volunteer.email,
              recipientPhone: volunteer.phone,
              subject: 'Nuovo compito assegnato',
              body: `${row.intervention_type_name} a ${row.comune_name} il ${row.due_date}${row.window_start ? ` dalle ${row.window_start}` : ''}. Apri Legami per accettarlo.`,
            },
            whenAssigned,
          );
          const audit = auditStatement(ctx, {
            action: 'task.assign',
            entityType: 'task',
            entityId: id,
            comune: row.comune_code,
            details: { volunteerId },
            onlyIf: whenAssigned,
          });
          return [...(notification ? [notification] : []), sql`audit AS (${audit})`];
        },
      );
      // Nothing was written then (see assignIfOpen), so failing after COMMIT is safe.
      if (!assigned) throw taskAlreadyAssigned();
      return presentTask(actor, { ...row, ...assigned.task }, [...facts.history, assigned.step]);
    },
    // Two assignments of one volunteer wait for each other, so the daily maximum holds.
    { locks: [`volunteer:${volunteerId}`] },
  );
}

/** One stop of a published round: the task, its volunteer, its place in the round, the time expected. */
export interface PlannedStop {
  taskId: string;
  volunteerId: string;
  /** 1 for the round's first stop. */
  position: number;
  /** `HH:MM`, when the volunteer is expected to start the task. */
  plannedStart: string;
}

/**
 * Gives the stops of published rounds to their volunteers, in the caller's transaction (the rounds
 * module publishing a plan inside `withScope`; it audits the publication once, naming these tasks).
 * A task someone assigned or closed meanwhile is a conflict, not overwritten; with `takeBack` (a
 * re-plan after a drop-out) a live task now planned for another volunteer is released first.
 * Tasks no longer visible (removed, or out of the territory) are skipped.
 * @returns the tasks assigned and those in conflict, by id
 * @throws 403 without task.assign, 404 for a task the actor does not coordinate.
 */
export async function assignPlannedStops(
  ctx: Context,
  tx: Tx,
  options: { stops: readonly PlannedStop[]; takeBack: boolean },
): Promise<{ assigned: string[]; conflicts: string[] }> {
  const actor = requireActor(ctx);
  const scope = authorize(ctx, 'task.assign');
  const rows = new Map(
    (
      await repo.findTasksByIds(
        tx,
        options.stops.map((s) => s.taskId),
      )
    ).map((t) => [t.id, t]),
  );
  const assigned: string[] = [];
  const conflicts: string[] = [];
  for (const stop of options.stops) {
    const row = rows.get(stop.taskId);
    if (!row) continue;
    assertCoordinated(actor, scope, row);
    const live = ['assigned', 'accepted'].includes(row.status);
    const sameVolunteer = live && row.volunteer_id === stop.volunteerId;
    // A re-plan after a drop-out may move tasks between the remaining rounds: it takes them back first.
    if (options.takeBack && live && !sameVolunteer)
      await repo.releaseTask(tx, row.id, { kind: 'released', actorId: actor.userId });
    if (
      !sameVolunteer &&
      !(await repo.assignIfOpen(tx, row.id, {
        volunteerId: stop.volunteerId,
        actorId: actor.userId,
        position: stop.position,
      }))
    ) {
      conflicts.push(row.id);
      continue;
    }
    await repo.setPlannedStart(tx, row.id, stop.plannedStart);
    assigned.push(row.id);
  }
  return { assigned, conflicts };
}

/** The volunteer accepts, or declines and the task goes back to the coordinator. */
export async function respondToTask(
  ctx: Context,
  id: string,
  response: { accept: true } | { accept: false; reason: string },
): Promise<Task> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.own', async (tx) => {
    const row = await ownTask(tx, actor, id);
    if (row.status !== 'assigned') throw taskNotOpenForResponse();
    if (response.accept) await repo.acceptTask(tx, id, actor.userId);
    else await repo.releaseTask(tx, id, { kind: 'declined', actorId: actor.userId, reason: response.reason });
    await writeAudit(tx, ctx, {
      action: 'task.respond',
      entityType: 'task',
      entityId: id,
      comune: row.comune_code,
      details: response.accept ? { accepted: true } : { accepted: false, reason: response.reason },
    });
    return presentCurrent(tx, actor, id);
  });
}

/**
 * Records the outcome (done, or failed with a reason) and money advanced; when the request has
 * no task left to do, it is completed and the requester told.
 * @throws 404 not the actor's task, 409 already closed, 422 failure without a reason.
 */
/**
 * Records a task's outcome and the money advanced. With an Idempotency-Key (the volunteer's phone
 * sends one with every outcome, and the same one again when it replays an outcome queued offline),
 * a repeated request answers with the task as that key closed it and records nothing more.
 */
export async function completeTask(
  ctx: Context,
  id: string,
  body: CompleteBody,
  idempotencyKey: string | null = null,
): Promise<Task> {
  const actor = requireActor(ctx);
  const asVolunteer = !can(actor, 'task.assign');
  return withScope(ctx, asVolunteer ? 'task.own' : 'task.assign', async (tx, scope) => {
    const row = asVolunteer ? await ownTask(tx, actor, id) : await coordinatedTask(tx, actor, scope, id);
    if (idempotencyKey !== null && row.completion_key === idempotencyKey)
      return presentCurrent(tx, actor, id);
    if (!['assigned', 'accepted'].includes(row.status)) throw taskClosed();
    if (body.outcome === 'failed' && !body.reason) throw failureReasonRequired();
    await repo.closeTask(tx, id, {
      status: body.outcome,
      reason: body.outcome === 'failed' ? body.reason! : null,
      notes: body.notes ?? null,
      moneyAdvancedCents: body.moneyAdvancedCents ?? row.money_advanced_cents,
      actorId: actor.userId,
      completionKey: idempotencyKey,
    });
    await writeAudit(tx, ctx, {
      action: 'task.complete',
      entityType: 'task',
      entityId: id,
      comune: row.comune_code,
      details: { outcome: body.outcome },
    });
    if (await repo.allTasksClosed(tx, row.request_id)) {
      await completeHelpRequestAfterTasks(tx, { requestId: row.request_id, actorId: actor.userId });
    }
    return presentCurrent(tx, actor, id);
  });
}

/** Pays back money a volunteer advanced, never more than advanced. */
export async function reimburseTask(ctx: Context, id: string, amountCents: number): Promise<Task> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'task.reimburse', async (tx, scope) => {
    const row = await coordinatedTask(tx, actor, scope, id);
    const outstanding = row.money_advanced_cents - row.money_reimbursed_cents;
    if (amountCents > outstanding) throw reimbursementTooHigh(outstanding);
    await repo.addReimbursement(tx, id, amountCents, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'task.reimburse',
      entityType: 'task',
      entityId: id,
      comune: row.comune_code,
      details: { amountCents },
    });
    return presentCurrent(tx, actor, id);
  });
}
