import { pgArray, queryRows, sql, type SQL, type Tx } from '../../platform/db/database.js';
import type {
  OutcomeReason,
  TaskEventKind,
  TasksQuery,
  TaskStatus,
} from '../../../../shared/src/tasks/tasks.schemas.js';

/*
 * The only SQL on tasks and their history; RLS limits rows to the actor's territory. Every
 * function that moves a task a step also writes that step to task_events, so no caller can
 * change a task without leaving its trace.
 */

export interface TaskRow {
  id: string;
  request_id: string;
  organization_id: string | null;
  organization_name: string | null;
  comune_code: string;
  comune_name: string;
  intervention_type_id: string;
  intervention_type_name: string;
  urgency: string;
  due_date: string;
  window_start: string | null;
  window_end: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  approximate_location: boolean;
  service_minutes: number;
  load: number;
  requires_car: boolean;
  requires_health_training: boolean;
  status: TaskStatus;
  beneficiary_given_name: string;
  beneficiary_family_name: string;
  beneficiary_phone: string | null;
  volunteer_id: string | null;
  volunteer_name: string | null;
  volunteer_phone: string | null;
  volunteer_user_id: string | null;
  assigned_at: string | null;
  round_position: number | null;
  planned_start: string | null;
  outcome_reason: string | null;
  outcome_notes: string | null;
  completed_at: string | null;
  money_advanced_cents: number;
  money_reimbursed_cents: number;
  /** The Idempotency-Key of the request that recorded the outcome, if it sent one. */
  completion_key: string | null;
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const SELECT_TASK = sql`
  SELECT t.id, t.request_id, t.organization_id, o.name AS organization_name, t.comune_code, c.name AS comune_name,
         t.intervention_type_id, it.name_it AS intervention_type_name, r.urgency, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
         to_char(t.window_start, 'HH24:MI') AS window_start, to_char(t.window_end, 'HH24:MI') AS window_end,
         t.address, t.latitude, t.longitude, t.approximate_location, t.service_minutes, t.load, t.requires_car,
         t.requires_health_training, t.status, p.given_name AS beneficiary_given_name, p.family_name AS beneficiary_family_name,
         p.phone AS beneficiary_phone, t.volunteer_id, v.given_name || ' ' || v.family_name AS volunteer_name,
         v.phone AS volunteer_phone, v.user_id AS volunteer_user_id, ${iso('t.assigned_at')} AS assigned_at, t.round_position, to_char(t.planned_start, 'HH24:MI') AS planned_start,
         t.outcome_reason, t.outcome_notes, ${iso('t.completed_at')} AS completed_at, t.money_advanced_cents, t.money_reimbursed_cents,
         t.completion_key
  FROM tasks t
  JOIN help_requests r ON r.id = t.request_id
  JOIN people p ON p.id = r.beneficiary_id
  JOIN comuni c ON c.istat_code = t.comune_code
  JOIN intervention_types it ON it.id = t.intervention_type_id
  LEFT JOIN organizations o ON o.id = t.organization_id
  LEFT JOIN volunteers v ON v.id = t.volunteer_id`;

// The coordinator's lists put the most urgent first within a day; a volunteer's keeps the round's order.
const URGENCY_RANK = sql`CASE r.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

export interface NewTask {
  requestId: string;
  organizationId: string;
  comuneCode: string;
  interventionTypeId: string;
  dueDate: string;
  windowStart: string | null;
  windowEnd: string | null;
  address: string | null;
  latitude: number;
  longitude: number;
  approximateLocation: boolean;
  serviceMinutes: number;
  load: number;
  requiresCar: boolean;
  requiresHealthTraining: boolean;
}

export async function insertTasks(tx: Tx, tasks: NewTask[]): Promise<string[]> {
  const ids: string[] = [];
  for (const t of tasks) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO tasks (request_id, organization_id, comune_code, intervention_type_id, due_date, window_start, window_end,
            address, latitude, longitude, approximate_location, service_minutes, load, requires_car, requires_health_training)
          VALUES (${t.requestId}, ${t.organizationId}, ${t.comuneCode}, ${t.interventionTypeId}, ${t.dueDate}, ${t.windowStart},
            ${t.windowEnd}, ${t.address}, ${t.latitude}, ${t.longitude}, ${t.approximateLocation}, ${t.serviceMinutes}, ${t.load},
            ${t.requiresCar}, ${t.requiresHealthTraining})
          RETURNING id`,
    );
    ids.push(row!.id);
  }
  return ids;
}

export async function findTask(tx: Tx, id: string): Promise<TaskRow | null> {
  const [row] = await queryRows<TaskRow>(tx, sql`${SELECT_TASK} WHERE t.id = ${id}`);
  return row ?? null;
}

export function findTasksByIds(tx: Tx, ids: string[]): Promise<TaskRow[]> {
  return queryRows<TaskRow>(tx, sql`${SELECT_TASK} WHERE t.id = ANY(${pgArray(ids)}::uuid[])`);
}

export async function taskIdsOfRequest(tx: Tx, requestId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM tasks WHERE request_id = ${requestId} ORDER BY due_date`,
  );
  return rows.map((r) => r.id);
}

export async function searchTasks(
  tx: Tx,
  query: TasksQuery & { volunteerIds?: string[] },
  organizationIds: string[] | null,
): Promise<{ rows: TaskRow[]; total: number }> {
  const where = sql`
    WHERE (${query.date ?? null}::date IS NULL OR t.due_date = ${query.date ?? null}::date)
      AND (${query.status ?? null}::text IS NULL OR t.status = ${query.status ?? null})
      AND (${query.organizationId ?? null}::uuid IS NULL OR t.organization_id = ${query.organizationId ?? null}::uuid)
      AND (${query.comune ?? null}::text IS NULL OR t.comune_code = ${query.comune ?? null})
      AND (${query.volunteerId ?? null}::uuid IS NULL OR t.volunteer_id = ${query.volunteerId ?? null}::uuid)
      AND (${query.requestId ?? null}::uuid IS NULL OR t.request_id = ${query.requestId ?? null}::uuid)
      AND (${organizationIds === null} OR t.organization_id = ANY(${pgArray(organizationIds ?? [])}::uuid[]))`;
  const rows = await queryRows<TaskRow>(
    tx,
    sql`${SELECT_TASK} ${where}
        ORDER BY t.due_date, ${query.volunteerId ? sql`` : sql`${URGENCY_RANK},`} t.round_position NULLS LAST,
                 t.planned_start NULLS LAST, t.window_start NULLS LAST, t.window_end NULLS LAST, t.id
        LIMIT ${query.limit ?? 200} OFFSET ${query.offset ?? 0}`,
  );
  const [count] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM tasks t ${where}`,
  );
  return { rows, total: count?.total ?? 0 };
}

/** What the round planner needs of a task: where, when, how long, how heavy, which skills. */
export interface PlanningTaskRow {
  id: string;
  comune_code: string;
  latitude: number | null;
  longitude: number | null;
  approximate_location: boolean;
  window_start: string | null;
  window_end: string | null;
  service_minutes: number;
  load: number;
  requires_car: boolean;
  requires_health_training: boolean;
}

/** Open tasks of an organisation on a date (RLS keeps them in the caller's territory). */
export function openTasksForPlanning(
  tx: Tx,
  organizationId: string,
  date: string,
): Promise<PlanningTaskRow[]> {
  return queryRows<PlanningTaskRow>(
    tx,
    sql`SELECT id, comune_code::text, latitude, longitude, approximate_location, to_char(window_start, 'HH24:MI') AS window_start,
               to_char(window_end, 'HH24:MI') AS window_end, service_minutes, load, requires_car, requires_health_training
        FROM tasks WHERE organization_id = ${organizationId} AND due_date = ${date} AND status = 'open' ORDER BY id`,
  );
}

/** Tasks of each volunteer on a date, to weigh load and enforce the daily maximum. */
export async function tasksPerVolunteer(tx: Tx, date: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ volunteer_id: string; n: number }>(
    tx,
    sql`SELECT volunteer_id, count(*)::int AS n FROM tasks
        WHERE due_date = ${date} AND volunteer_id IS NOT NULL AND status IN ('assigned', 'accepted', 'done')
        GROUP BY volunteer_id`,
  );
  return new Map(rows.map((r) => [r.volunteer_id, r.n]));
}

/** Live tasks of one volunteer on a date (uses the volunteer index: this runs on every assignment). */
/** What an assignment checks, in one query: the task, its history, and the volunteer's tasks that day. */
/**
 * What an assignment is decided on, in one prepared statement (its planning cost several times its
 * execution): the task, its history, the volunteer's tasks that day, and `volunteer` (the volunteers
 * module's SQL for the volunteer given as `$volunteer`, a JSON value).
 */
export async function assignmentFacts(
  tx: Tx,
  id: string,
  volunteerId: string,
  volunteer: (volunteerId: SQL) => SQL,
): Promise<{ task: TaskRow; history: TaskEventRow[]; tasksThatDay: number; volunteer: unknown } | null> {
  const [row] = await queryRows<
    TaskRow & { history: TaskEventRow[]; tasks_that_day: number; volunteer: unknown }
  >(
    tx,
    sql`SELECT task.*,
               coalesce((SELECT json_agg(e) FROM (${SELECT_EVENTS} WHERE e.task_id = task.id ORDER BY e.id) e), '[]'::json) AS history,
               (SELECT count(*)::int FROM tasks
                WHERE volunteer_id = ${volunteerId} AND due_date = task.due_date::date
                  AND status IN ('assigned', 'accepted', 'done')) AS tasks_that_day,
               ${volunteer(sql`${volunteerId}::uuid`)} AS volunteer
        FROM (${SELECT_TASK} WHERE t.id = ${id}) task`,
    { prepared: 'assignment-facts' },
  );
  if (!row) return null;
  const { history, tasks_that_day: tasksThatDay, volunteer: volunteerJson, ...task } = row;
  return { task, history, tasksThatDay, volunteer: volunteerJson };
}

/** What an assignment changed on the task, and the step it wrote to its history. */
export interface Assigned {
  task: Pick<
    TaskRow,
    | 'status'
    | 'volunteer_id'
    | 'volunteer_name'
    | 'volunteer_phone'
    | 'volunteer_user_id'
    | 'assigned_at'
    | 'round_position'
  >;
  step: TaskEventRow;
}

/**
 * Gives an open task to a volunteer in one conditional UPDATE: of two concurrent assignments,
 * the database lets exactly one match `status = 'open'`. The step goes to the history in the same
 * statement, and so do `alongside` (more CTEs, `name AS (…)`: the notification, the audit entry),
 * given SQL true when the task was assigned: they write only then, so that the statement can be
 * the transaction's last (lastStatementOf) and a task no longer open leaves no trace.
 * @returns null when the task was no longer open.
 */
export async function assignIfOpen(
  tx: Tx,
  id: string,
  assignment: { volunteerId: string; actorId: string; position: number | null },
  alongside: (whenAssigned: SQL) => SQL[] = () => [],
): Promise<Assigned | null> {
  const { volunteerId, actorId, position } = assignment;
  const [row] = await queryRows<Assigned['task'] & { step_at: string; actor_name: string | null }>(
    tx,
    sql`WITH assigned AS (
          UPDATE tasks SET status = 'assigned', volunteer_id = ${volunteerId}, assigned_at = now(), assigned_by = ${actorId},
            round_position = ${position}
          WHERE id = ${id} AND status = 'open' RETURNING id, comune_code, status, volunteer_id, assigned_at, round_position),
        step AS (${taskEventStatement(sql`assigned`, { kind: 'assigned', actorId })} RETURNING at)
        ${sql.join(alongside(sql`EXISTS (SELECT 1 FROM assigned)`).map((cte) => sql`, ${cte}`))}
        SELECT a.status, a.volunteer_id, v.given_name || ' ' || v.family_name AS volunteer_name, v.phone AS volunteer_phone,
               v.user_id AS volunteer_user_id, ${iso('a.assigned_at')} AS assigned_at, a.round_position,
               ${iso('s.at')} AS step_at, u.full_name AS actor_name
        FROM assigned a CROSS JOIN step s
        LEFT JOIN volunteers v ON v.id = a.volunteer_id
        LEFT JOIN users u ON u.id = ${actorId}`,
  );
  if (!row) return null;
  const { step_at: at, actor_name, ...task } = row;
  return {
    task,
    step: { task_id: id, at, kind: 'assigned', actor_name, volunteer_name: task.volunteer_name, details: {} },
  };
}

/**
 * Gives the task back to the coordinator: declined by its volunteer (with the reason), or taken
 * back by a coordinator (a re-plan after a drop-out).
 */
export async function releaseTask(
  tx: Tx,
  id: string,
  step: { kind: 'declined' | 'released'; actorId: string; reason?: string },
): Promise<void> {
  await insertTaskEvent(tx, id, { ...step, details: step.reason ? { reason: step.reason } : {} });
  await tx.execute(sql`UPDATE tasks SET status = 'open', volunteer_id = NULL, assigned_at = NULL, assigned_by = NULL,
                       round_position = NULL WHERE id = ${id}`);
}

/** The time a published round expects the volunteer at the task (`HH:MM`), for the round sheet. */
export async function setPlannedStart(tx: Tx, id: string, start: string): Promise<void> {
  await tx.execute(sql`UPDATE tasks SET planned_start = ${start}::time WHERE id = ${id}`);
}

/** The volunteer said yes. */
export async function acceptTask(tx: Tx, id: string, actorId: string): Promise<void> {
  await tx.execute(sql`UPDATE tasks SET status = 'accepted' WHERE id = ${id}`);
  await insertTaskEvent(tx, id, { kind: 'accepted', actorId });
}

export async function closeTask(
  tx: Tx,
  id: string,
  outcome: {
    status: 'done' | 'failed';
    reason: OutcomeReason | null;
    notes: string | null;
    moneyAdvancedCents: number;
    actorId: string;
    completionKey: string | null;
  },
): Promise<void> {
  await tx.execute(sql`UPDATE tasks SET status = ${outcome.status}, outcome_reason = ${outcome.reason},
                       outcome_notes = ${outcome.notes}, money_advanced_cents = ${outcome.moneyAdvancedCents}, completed_at = now(),
                       completion_key = ${outcome.completionKey}
                       WHERE id = ${id}`);
  await insertTaskEvent(tx, id, {
    kind: outcome.status,
    actorId: outcome.actorId,
    details: {
      ...(outcome.reason ? { outcomeReason: outcome.reason } : {}),
      ...(outcome.moneyAdvancedCents > 0 ? { amountCents: outcome.moneyAdvancedCents } : {}),
    },
  });
}

export async function addReimbursement(
  tx: Tx,
  id: string,
  amountCents: number,
  actorId: string,
): Promise<void> {
  await tx.execute(sql`UPDATE tasks SET money_reimbursed_cents = money_reimbursed_cents + ${amountCents}, reimbursed_at = now()
                       WHERE id = ${id}`);
  await insertTaskEvent(tx, id, { kind: 'reimbursed', actorId, details: { amountCents } });
}

export async function cancelOpenTasksOfRequest(tx: Tx, requestId: string, actorId: string): Promise<void> {
  const cancelled = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE tasks SET status = 'cancelled' WHERE request_id = ${requestId} AND status IN ('open', 'assigned', 'accepted')
        RETURNING id`,
  );
  for (const { id } of cancelled) await insertTaskEvent(tx, id, { kind: 'cancelled', actorId });
}

/** What was decided after the request's failed tasks: they no longer wait for a decision. */
export async function markFailuresFollowedUp(
  tx: Tx,
  requestId: string,
  followUp: 'retried' | 'rerouted' | 'closed',
): Promise<void> {
  await tx.execute(sql`UPDATE tasks SET follow_up = ${followUp}
                       WHERE request_id = ${requestId} AND status = 'failed' AND follow_up IS NULL`);
}

/** True when no task of the request is still to be done. */
export async function allTasksClosed(tx: Tx, requestId: string): Promise<boolean> {
  const [row] = await queryRows<{ open: number }>(
    tx,
    sql`SELECT count(*)::int AS open FROM tasks WHERE request_id = ${requestId} AND status IN ('open', 'assigned', 'accepted')`,
  );
  return (row?.open ?? 0) === 0;
}

/**
 * Of these help requests, those with a volunteer on a task that is still on (not cancelled).
 * With `lock`, their tasks stay locked until the transaction ends, so no volunteer is assigned
 * meanwhile (a citizen withdrawing a request races an assignment).
 */
export async function requestsWithVolunteer(
  tx: Tx,
  requestIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await queryRows<{ request_id: string; volunteer_id: string | null; status: TaskStatus }>(
    tx,
    sql`SELECT request_id, volunteer_id, status FROM tasks
        WHERE request_id = ANY(${pgArray([...requestIds])}::uuid[]) ${options.lock ? sql`FOR UPDATE` : sql``}`,
  );
  return new Set(
    rows.filter((r) => r.volunteer_id !== null && r.status !== 'cancelled').map((r) => r.request_id),
  );
}

export interface TaskEventRow {
  task_id: string;
  at: string;
  kind: TaskEventKind;
  actor_name: string | null;
  volunteer_name: string | null;
  details: { reason?: string; outcomeReason?: OutcomeReason; amountCents?: number };
}

/**
 * The INSERT of one step of a task, with the volunteer it then had (before a release clears it):
 * `source` is where the task's row is read, `tasks WHERE id = …` or a CTE that changed it.
 */
function taskEventStatement(
  source: SQL,
  step: { kind: TaskEventKind; actorId: string | null; details?: TaskEventRow['details'] },
): SQL {
  return sql`INSERT INTO task_events (task_id, comune_code, actor_user_id, kind, volunteer_id, details)
             SELECT id, comune_code, ${step.actorId}, ${step.kind}, volunteer_id, ${JSON.stringify(step.details ?? {})}::jsonb
             FROM ${source}`;
}

async function insertTaskEvent(
  tx: Tx,
  id: string,
  step: { kind: TaskEventKind; actorId: string | null; details?: TaskEventRow['details'] },
): Promise<void> {
  await tx.execute(taskEventStatement(sql`tasks WHERE id = ${id}`, step));
}

const SELECT_EVENTS = sql`
  SELECT e.task_id, ${iso('e.at')} AS at, e.kind, u.full_name AS actor_name,
         v.given_name || ' ' || v.family_name AS volunteer_name, e.details
  FROM task_events e
  LEFT JOIN users u ON u.id = e.actor_user_id
  LEFT JOIN volunteers v ON v.id = e.volunteer_id`;

/** The history of each task, oldest step first, in one query for a whole list. */
export async function eventsOfTasks(tx: Tx, ids: string[]): Promise<Map<string, TaskEventRow[]>> {
  const rows = await queryRows<TaskEventRow>(
    tx,
    sql`${SELECT_EVENTS} WHERE e.task_id = ANY(${pgArray(ids)}::uuid[]) ORDER BY e.task_id, e.id`,
  );
  const byTask = new Map<string, TaskEventRow[]>();
  for (const row of rows) byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), row]);
  return byTask;
}
