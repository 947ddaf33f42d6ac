import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { SQL } from 'drizzle-orm';

/*
 * Aggregates for the steering room, computed in the database under row-level security:
 * the figures cover only the actor's territory. "Today" is the date in Rome.
 */

export interface DashboardFilter {
  /** The first day of the period (the day itself, or the Monday of the week). */
  from: string;
  /** The last day of the period: the figures "of the day" are of from…date, the states as of its evening. */
  date: string;
  ambitoId: string | null;
  comuneCode: string | null;
  organizationIds: string[] | null;
}

function requestFilter(f: DashboardFilter): SQL {
  return sql`(${f.comuneCode}::text IS NULL OR r.comune_code = ${f.comuneCode})
    AND (${f.ambitoId}::text IS NULL OR r.comune_code IN (SELECT istat_code FROM comuni WHERE ambito_id = ${f.ambitoId}))
    AND (${f.organizationIds === null} OR r.organization_id = ANY(${pgArray(f.organizationIds ?? [])}::uuid[]))`;
}

function taskFilter(f: DashboardFilter): SQL {
  return sql`(${f.comuneCode}::text IS NULL OR t.comune_code = ${f.comuneCode})
    AND (${f.ambitoId}::text IS NULL OR t.comune_code IN (SELECT istat_code FROM comuni WHERE ambito_id = ${f.ambitoId}))
    AND (${f.organizationIds === null} OR t.organization_id = ANY(${pgArray(f.organizationIds ?? [])}::uuid[]))`;
}

const createdIn = (f: DashboardFilter) =>
  sql`(r.created_at AT TIME ZONE 'Europe/Rome')::date BETWEEN ${f.from}::date AND ${f.date}::date`;
const dueIn = (f: DashboardFilter) => sql`t.due_date BETWEEN ${f.from}::date AND ${f.date}::date`;
const romeDate = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Europe/Rome')::date`);

/**
 * Received by the end of the day and not yet accepted, rejected or cancelled then: today, the
 * requests still new; on a past day, those that were waiting that evening.
 */
const awaitingTriageOn = (date: string) => sql`${romeDate('r.created_at')} <= ${date}::date
  AND (r.status = 'new' OR ${romeDate(`coalesce(r.decided_at, (SELECT min(e.at) FROM help_request_events e
         WHERE e.request_id = r.id AND e.kind = 'cancelled'))`)} > ${date}::date)`;

/** When a request stopped being open: completed or closed, rejected, cancelled; null while open. */
const closedAt = sql`CASE r.status WHEN 'completed' THEN r.completed_at WHEN 'closed' THEN r.completed_at
  WHEN 'rejected' THEN r.decided_at
  WHEN 'cancelled' THEN (SELECT min(e.at) FROM help_request_events e WHERE e.request_id = r.id AND e.kind = 'cancelled')
  END`;

/** Open (new or accepted) on the evening of the day: received by then, not yet closed then. */
const openOn = (date: string) => sql`${romeDate('r.created_at')} <= ${date}::date
  AND (r.status IN ('new', 'accepted') OR (${closedAt} AT TIME ZONE 'Europe/Rome')::date > ${date}::date)`;

/**
 * Open that evening with a failed delivery, due by that day, that nobody had decided about yet
 * then (the decision is the request's first retried/rerouted/closed event after the failure).
 */
const awaitingDecisionOn = (date: string) => sql`${openOn(date)} AND EXISTS (
  SELECT 1 FROM tasks ft WHERE ft.request_id = r.id AND ft.status = 'failed' AND ft.due_date <= ${date}::date
    AND (ft.completed_at IS NULL OR ${romeDate('ft.completed_at')} <= ${date}::date)
    AND (ft.follow_up IS NULL OR ${romeDate(`(SELECT min(d.at) FROM help_request_events d WHERE d.request_id = r.id
           AND d.kind IN ('retried', 'rerouted', 'closed') AND d.at >= ft.completed_at)`)} > ${date}::date))`;

/** Not yet done, failed or cancelled on the evening of the day (created by then). */
const unfinishedOn = (date: string) => sql`${romeDate('t.created_at')} <= ${date}::date
  AND (t.status IN ('open', 'assigned', 'accepted')
       OR ${romeDate(`CASE WHEN t.status = 'cancelled' THEN (SELECT min(e.at) FROM task_events e
            WHERE e.task_id = t.id AND e.kind = 'cancelled') ELSE t.completed_at END`)} > ${date}::date)`;

/**
 * What a task's volunteer had advanced by the evening of the day and not yet been paid back then:
 * today's reimbursed amount less the reimbursements recorded after that day (older records, such as
 * the demo's, may hold the amount without its event; a task done without its time counts on its day).
 */
const toReimburseOn = (
  date: string,
) => sql`CASE WHEN coalesce(${romeDate('t.completed_at')}, t.due_date) <= ${date}::date
  THEN t.money_advanced_cents - t.money_reimbursed_cents
    + coalesce((SELECT sum((e.details ->> 'amountCents')::int) FROM task_events e
                WHERE e.task_id = t.id AND e.kind = 'reimbursed' AND ${romeDate('e.at')} > ${date}::date), 0)
  ELSE 0 END`;

export async function requestBuckets(tx: Tx, f: DashboardFilter, by: 'type' | 'comune' | 'urgency') {
  const [key, label, join] =
    by === 'type'
      ? [
          sql`r.intervention_type_id`,
          sql`it.name_it`,
          sql`JOIN intervention_types it ON it.id = r.intervention_type_id`,
        ]
      : by === 'comune'
        ? [sql`r.comune_code::text`, sql`c.name`, sql`JOIN comuni c ON c.istat_code = r.comune_code`]
        : [sql`r.urgency`, sql`r.urgency`, sql``];
  return queryRows<{ key: string; label: string; count: number }>(
    tx,
    sql`SELECT ${key} AS key, ${label} AS label, count(*)::int AS count
        FROM help_requests r ${join}
        WHERE ${createdIn(f)} AND ${requestFilter(f)}
        GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
  );
}

export async function counters(tx: Tx, f: DashboardFilter) {
  const [row] = await queryRows<{
    requests_today: number;
    awaiting_triage: number;
    awaiting_decision: number;
    tasks_today: number;
    unassigned_today: number;
    overdue: number;
    done_today: number;
    failed_today: number;
    volunteers_active: number;
    money_advanced: number;
    money_to_reimburse: number;
  }>(
    tx,
    sql`SELECT
          (SELECT count(*)::int FROM help_requests r WHERE ${createdIn(f)} AND ${requestFilter(f)}) AS requests_today,
          (SELECT count(*)::int FROM help_requests r WHERE ${awaitingTriageOn(f.date)} AND ${requestFilter(f)}) AS awaiting_triage,
          (SELECT count(*)::int FROM help_requests r WHERE ${awaitingDecisionOn(f.date)} AND ${requestFilter(f)}) AS awaiting_decision,
          (SELECT count(*)::int FROM tasks t WHERE ${dueIn(f)} AND t.status <> 'cancelled' AND ${taskFilter(f)}) AS tasks_today,
          (SELECT count(*)::int FROM tasks t WHERE ${dueIn(f)} AND t.status = 'open' AND ${taskFilter(f)}) AS unassigned_today,
          (SELECT count(*)::int FROM tasks t WHERE t.due_date < ${f.date}::date AND ${unfinishedOn(f.date)} AND ${taskFilter(f)}) AS overdue,
          (SELECT count(*)::int FROM tasks t WHERE ${dueIn(f)} AND t.status = 'done' AND ${taskFilter(f)}) AS done_today,
          (SELECT count(*)::int FROM tasks t WHERE ${dueIn(f)} AND t.status = 'failed' AND ${taskFilter(f)}) AS failed_today,
          (SELECT count(DISTINCT t.volunteer_id)::int FROM tasks t WHERE ${dueIn(f)} AND t.volunteer_id IS NOT NULL
             AND t.status IN ('assigned', 'accepted', 'done', 'failed') AND ${taskFilter(f)}) AS volunteers_active,
          (SELECT coalesce(sum(t.money_advanced_cents), 0)::int FROM tasks t WHERE ${dueIn(f)} AND ${taskFilter(f)}) AS money_advanced,
          (SELECT coalesce(sum(${toReimburseOn(f.date)}), 0)::int FROM tasks t WHERE ${taskFilter(f)}) AS money_to_reimburse`,
  );
  return row!;
}

/** Requests received and tasks done on each of the 30 days up to the date. */
export async function trend(tx: Tx, f: DashboardFilter) {
  return queryRows<{ date: string; requests: number; done: number }>(
    tx,
    sql`SELECT to_char(d, 'YYYY-MM-DD') AS date,
          (SELECT count(*)::int FROM help_requests r WHERE (r.created_at AT TIME ZONE 'Europe/Rome')::date = d AND ${requestFilter(f)}) AS requests,
          (SELECT count(*)::int FROM tasks t WHERE t.due_date = d AND t.status = 'done' AND ${taskFilter(f)}) AS done
        FROM generate_series(${f.date}::date - 29, ${f.date}::date, interval '1 day') AS g(d0), LATERAL (SELECT g.d0::date AS d) x
        ORDER BY d`,
  );
}

export async function openByComune(tx: Tx, f: DashboardFilter) {
  return queryRows<{ comune_code: string; name: string; latitude: number; longitude: number; open: number }>(
    tx,
    sql`SELECT c.istat_code AS comune_code, c.name, c.latitude, c.longitude, count(*)::int AS open
        FROM help_requests r JOIN comuni c ON c.istat_code = r.comune_code
        WHERE ${openOn(f.date)} AND ${requestFilter(f)}
        GROUP BY c.istat_code ORDER BY open DESC`,
  );
}

/** The queues of a coordinator or an operator (under RLS: the actor's territory). */
export async function queueCounts(tx: Tx, f: { date: string; organizationIds: string[] | null }) {
  const inOrganizations = sql`(${f.organizationIds === null} OR t.organization_id = ANY(${pgArray(f.organizationIds ?? [])}::uuid[]))`;
  const [row] = await queryRows<{
    requests_to_triage: number;
    failed_deliveries: number;
    tasks_to_assign: number;
    money_to_reimburse: number;
  }>(
    tx,
    sql`SELECT
          (SELECT count(*)::int FROM help_requests r WHERE r.status = 'new') AS requests_to_triage,
          (SELECT count(*)::int FROM help_requests r WHERE ${awaitingDecisionOn(f.date)}) AS failed_deliveries,
          (SELECT count(*)::int FROM tasks t WHERE t.status = 'open' AND t.due_date <= ${f.date}::date AND ${inOrganizations}) AS tasks_to_assign,
          (SELECT coalesce(sum(t.money_advanced_cents - t.money_reimbursed_cents), 0)::int FROM tasks t WHERE ${inOrganizations}) AS money_to_reimburse`,
  );
  return row!;
}

/** The volunteer's own queue. */
export async function volunteerQueueCounts(tx: Tx, f: { date: string; userId: string }) {
  const [row] = await queryRows<{ to_answer: number; today: number }>(
    tx,
    sql`SELECT
          count(*) FILTER (WHERE t.status = 'assigned')::int AS to_answer,
          count(*) FILTER (WHERE t.due_date = ${f.date}::date AND t.status IN ('assigned', 'accepted'))::int AS today
        FROM tasks t JOIN volunteers v ON v.id = t.volunteer_id
        WHERE v.user_id = ${f.userId} AND t.due_date >= ${f.date}::date`,
  );
  return row!;
}

/** The intervention types' English names by id, for exports in English. */
export async function typeNamesEn(tx: Tx): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name_en: string }>(
    tx,
    sql`SELECT id, name_en FROM intervention_types`,
  );
  return new Map(rows.map((r) => [r.id, r.name_en]));
}
