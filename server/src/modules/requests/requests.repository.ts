import { pgArray, queryRows, sql, type SQL, type Tx } from '../../platform/db/database.js';
import { offeredOn } from '../interventions/index.js';
import type {
  CreateRequestBody,
  RequestsQuery,
  RequestStatus,
  Urgency,
} from '../../../../shared/src/requests/requests.schemas.js';

/* The only SQL on help_requests and their events; RLS limits rows to the actor's territory. */

export interface RequestRow {
  id: string;
  channel: CreateRequestBody['channel'];
  status: RequestStatus;
  urgency: Urgency;
  intervention_type_id: string;
  intervention_type_name: string;
  beneficiary_id: string;
  requester_id: string | null;
  beneficiary_given_name: string;
  beneficiary_family_name: string;
  beneficiary_birth_date: string;
  beneficiary_address: string | null;
  beneficiary_phone: string | null;
  beneficiary_email: string | null;
  beneficiary_known: boolean;
  beneficiary_covid: boolean;
  requester_name: string | null;
  requester_phone: string | null;
  comune_code: string;
  comune_name: string;
  description: string;
  notes: string | null;
  rejection_reason: string | null;
  organization_id: string | null;
  organization_name: string | null;
  routing_override_reason: string | null;
  preferred_date: string | null;
  window_start: string | null;
  window_end: string | null;
  recurrence: 'none' | 'weekly';
  recurrence_until: string | null;
  created_at: string;
  created_by_name: string | null;
  decided_at: string | null;
  completed_at: string | null;
  awaiting_decision: boolean;
}

// A failed task nobody has decided about yet, on a request still open. Read here (not through the
// tasks module) because lists filter and sort on it in the same query.
const AWAITING_DECISION = sql`(r.status = 'accepted' AND EXISTS (
    SELECT 1 FROM tasks ft WHERE ft.request_id = r.id AND ft.status = 'failed' AND ft.follow_up IS NULL))`;

const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const SELECT_REQUEST = sql`
  SELECT r.id, r.channel, r.status, r.urgency, r.intervention_type_id, t.name_it AS intervention_type_name,
         r.beneficiary_id, r.requester_id, p.given_name AS beneficiary_given_name, p.family_name AS beneficiary_family_name,
         to_char(p.birth_date, 'YYYY-MM-DD') AS beneficiary_birth_date, p.address AS beneficiary_address,
         p.phone AS beneficiary_phone, p.email AS beneficiary_email,
         p.known_to_social_services AS beneficiary_known, p.covid_positive AS beneficiary_covid,
         coalesce(r.requester_name, rp.given_name || ' ' || rp.family_name) AS requester_name,
         coalesce(r.requester_phone, rp.phone) AS requester_phone,
         r.comune_code, c.name AS comune_name, r.description, r.notes, r.rejection_reason,
         r.organization_id, o.name AS organization_name, r.routing_override_reason,
         to_char(r.preferred_date, 'YYYY-MM-DD') AS preferred_date, to_char(r.window_start, 'HH24:MI') AS window_start,
         to_char(r.window_end, 'HH24:MI') AS window_end, r.recurrence, to_char(r.recurrence_until, 'YYYY-MM-DD') AS recurrence_until,
         ${iso('r.created_at')} AS created_at, u.full_name AS created_by_name,
         ${iso('r.decided_at')} AS decided_at, ${iso('r.completed_at')} AS completed_at,
         ${AWAITING_DECISION} AS awaiting_decision
  FROM help_requests r
  JOIN intervention_types t ON t.id = r.intervention_type_id
  JOIN people p ON p.id = r.beneficiary_id
  LEFT JOIN people rp ON rp.id = r.requester_id
  JOIN comuni c ON c.istat_code = r.comune_code
  LEFT JOIN organizations o ON o.id = r.organization_id
  LEFT JOIN users u ON u.id = r.created_by`;

export async function findRequest(tx: Tx, id: string, forUpdate = false): Promise<RequestRow | null> {
  const [row] = await queryRows<RequestRow>(
    tx,
    sql`${SELECT_REQUEST} WHERE r.id = ${id} ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`,
  );
  return row ?? null;
}

/** Requests a person made (as requester) or receives (as beneficiary). */
export function requestsOfPerson(tx: Tx, personId: string): Promise<RequestRow[]> {
  return queryRows<RequestRow>(
    tx,
    sql`${SELECT_REQUEST} WHERE r.requester_id = ${personId} OR r.beneficiary_id = ${personId} ORDER BY r.created_at DESC LIMIT 100`,
  );
}

/** What the intake rules look at, read in one query: the type, the people named, a similar open request. */
export interface IntakeFacts {
  /** null when the type is unknown. */
  type_active: boolean | null;
  type_recurring_allowed: boolean;
  /** null when the beneficiary is unknown or outside the territory (row-level security). */
  beneficiary_comune: string | null;
  requester_found: boolean;
  similar_id: string | null;
}

export async function intakeFacts(tx: Tx, body: CreateRequestBody): Promise<IntakeFacts> {
  const requesterId = body.requesterId ?? null;
  const [row] = await queryRows<IntakeFacts>(
    tx,
    sql`SELECT CASE WHEN t.id IS NOT NULL THEN ${offeredOn(body.channel)} END AS type_active, coalesce(t.recurring_allowed, false) AS type_recurring_allowed,
               (SELECT comune_code FROM people WHERE id = ${body.beneficiaryId}) AS beneficiary_comune,
               (${requesterId}::uuid IS NULL OR EXISTS (SELECT 1 FROM people WHERE id = ${requesterId}::uuid)) AS requester_found,
               CASE WHEN ${!body.confirmSimilar} THEN (
                 SELECT id FROM help_requests WHERE beneficiary_id = ${body.beneficiaryId}
                   AND intervention_type_id = ${body.interventionTypeId} AND status IN ('new', 'accepted') LIMIT 1) END AS similar_id
        FROM (SELECT 1) one LEFT JOIN intervention_types t ON t.id = ${body.interventionTypeId}`,
    { prepared: 'intake-facts' },
  );
  return row!;
}

/**
 * Inserts the request and its 'created' event (with `eventDetails`) in one statement, and
 * `alongside` (the audit entry, given the new id as SQL), if any, in the same statement: one round trip.
 */
export async function insertRequest(
  tx: Tx,
  body: CreateRequestBody,
  created: { comuneCode: string; actorId: string | null; eventDetails: Record<string, unknown> },
  alongside?: (requestId: SQL) => SQL,
): Promise<{ id: string; created_at: string }> {
  const { comuneCode, actorId } = created;
  const [row] = await queryRows<{ id: string; created_at: string }>(
    tx,
    sql`WITH created AS (
          INSERT INTO help_requests (channel, beneficiary_id, requester_id, requester_name, requester_phone, comune_code,
            intervention_type_id, urgency, description, notes, preferred_date, window_start, window_end, recurrence,
            recurrence_until, created_by)
          VALUES (${body.channel}, ${body.beneficiaryId}, ${body.requesterId ?? null}, ${body.requesterName ?? null},
            ${body.requesterPhone ?? null}, ${comuneCode}, ${body.interventionTypeId}, ${body.urgency ?? 'normal'},
            ${body.description ?? ''}, ${body.notes ?? null}, ${body.preferredDate ?? null}, ${body.windowStart ?? null},
            ${body.windowEnd ?? null}, ${body.recurrence ?? 'none'}, ${body.recurrenceUntil ?? null}, ${actorId})
          RETURNING id, created_at),
        event AS (${eventStatement({
          requestId: sql`(SELECT id FROM created)`,
          comuneCode,
          actorId,
          kind: 'created',
          details: created.eventDetails,
        })})
        ${alongside ? sql`, alongside AS (${alongside(sql`(SELECT id FROM created)`)})` : sql``}
        SELECT id, ${iso('created_at')} AS created_at FROM created`,
  );
  return row!;
}

export async function decideRequest(
  tx: Tx,
  id: string,
  decision:
    | {
        status: 'accepted';
        organizationId: string;
        overrideReason: string | null;
        urgency: Urgency;
        notes: string | null;
      }
    | { status: 'rejected'; reason: string; urgency: Urgency; notes: string | null },
  actorId: string,
): Promise<void> {
  await tx.execute(sql`
    UPDATE help_requests SET status = ${decision.status}, urgency = ${decision.urgency}, notes = ${decision.notes},
      organization_id = ${decision.status === 'accepted' ? decision.organizationId : null},
      routing_override_reason = ${decision.status === 'accepted' ? decision.overrideReason : null},
      rejection_reason = ${decision.status === 'rejected' ? decision.reason : null},
      decided_at = now(), decided_by = ${actorId}
    WHERE id = ${id}`);
}

export async function setRequestStatus(tx: Tx, id: string, status: RequestStatus): Promise<void> {
  await tx.execute(sql`UPDATE help_requests SET status = ${status},
                       completed_at = CASE WHEN ${status} IN ('completed', 'closed') THEN now() ELSE completed_at END WHERE id = ${id}`);
}

/** After a failed delivery, the request goes to another organisation, with the reason. */
export async function rerouteRequest(
  tx: Tx,
  id: string,
  reroute: { organizationId: string; reason: string },
): Promise<void> {
  await tx.execute(sql`UPDATE help_requests SET organization_id = ${reroute.organizationId},
                       routing_override_reason = ${reroute.reason} WHERE id = ${id}`);
}

interface RequestEvent {
  requestId: string | SQL;
  comuneCode: string;
  actorId: string | null;
  kind: string;
  details?: Record<string, unknown>;
}

function eventStatement(event: RequestEvent): SQL {
  return sql`
    INSERT INTO help_request_events (request_id, comune_code, actor_user_id, kind, details)
    VALUES (${event.requestId}, ${event.comuneCode}, ${event.actorId}, ${event.kind}, ${JSON.stringify(event.details ?? {})}::jsonb)`;
}

export async function insertEvent(tx: Tx, event: RequestEvent & { requestId: string }): Promise<void> {
  await tx.execute(eventStatement(event));
}

export async function listEvents(tx: Tx, requestId: string) {
  return queryRows<{ at: string; kind: string; actor_name: string | null; details: Record<string, unknown> }>(
    tx,
    sql`SELECT ${iso('e.at')} AS at, e.kind, u.full_name AS actor_name, e.details
        FROM help_request_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.request_id = ${requestId} ORDER BY e.id`,
  );
}

export async function searchRequests(
  tx: Tx,
  query: RequestsQuery,
  organizationIds: string[] | null,
): Promise<{ rows: RequestRow[]; total: number }> {
  const where = sql`
    WHERE (${query.status ?? null}::text IS NULL OR r.status = ${query.status ?? null})
      AND (${query.comune ?? null}::text IS NULL OR r.comune_code = ${query.comune ?? null})
      AND (${query.interventionType ?? null}::text IS NULL OR r.intervention_type_id = ${query.interventionType ?? null})
      AND (${query.organizationId ?? null}::uuid IS NULL OR r.organization_id = ${query.organizationId ?? null}::uuid)
      AND (${query.beneficiaryId ?? null}::uuid IS NULL OR r.beneficiary_id = ${query.beneficiaryId ?? null}::uuid)
      AND (${query.date ?? null}::date IS NULL OR (r.created_at AT TIME ZONE 'Europe/Rome')::date = ${query.date ?? null}::date)
      AND (${query.awaitingDecision !== true} OR ${AWAITING_DECISION})
      AND (${organizationIds === null} OR r.organization_id = ANY(${pgArray(organizationIds ?? [])}::uuid[]))`;
  const rows = await queryRows<RequestRow>(
    tx,
    sql`${SELECT_REQUEST} ${where}
        ORDER BY CASE WHEN r.status = 'new' OR ${AWAITING_DECISION} THEN 0 ELSE 1 END,
                 CASE r.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, r.created_at DESC
        LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`,
  );
  const [count] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM help_requests r ${where}`,
  );
  return { rows, total: count?.total ?? 0 };
}

/** GDPR art. 17: clears the free text and the requester's details of a person's requests. */
export async function anonymiseRequestsOf(tx: Tx, personId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE help_requests SET description = '', notes = NULL, requester_name = NULL, requester_phone = NULL,
          rejection_reason = NULL, routing_override_reason = NULL
        WHERE beneficiary_id = ${personId} OR requester_id = ${personId} RETURNING id`,
  );
  return rows.length;
}
