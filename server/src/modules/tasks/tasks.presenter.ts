import { reachesOrganization, scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas.js';
import type { TaskEventRow, TaskRow } from './tasks.repository.js';

const OPEN = ['open', 'assigned', 'accepted'];

function presentEvent(e: TaskEventRow): Task['history'][number] {
  return {
    at: e.at,
    kind: e.kind,
    actorName: e.actor_name,
    volunteerName: e.volunteer_name,
    reason: e.details.reason ?? null,
    outcomeReason: e.details.outcomeReason ?? null,
    amountCents: e.details.amountCents ?? null,
  };
}

/** What a task shows to this actor, with its history and the actions the same policies allow. */
export function presentTask(actor: Actor, row: TaskRow, history: TaskEventRow[]): Task {
  const coordinates =
    scopeCovers(scopeOf(actor, 'task.assign'), row.comune_code) &&
    reachesOrganization(actor, 'task.assign', row.organization_id);
  const own = row.volunteer_user_id === actor.userId;
  return {
    id: row.id,
    requestId: row.request_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    interventionTypeId: row.intervention_type_id,
    interventionTypeName: row.intervention_type_name,
    urgency: row.urgency,
    dueDate: row.due_date,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    approximateLocation: row.approximate_location,
    serviceMinutes: row.service_minutes,
    load: row.load,
    requiresCar: row.requires_car,
    requiresHealthTraining: row.requires_health_training,
    status: row.status,
    beneficiary: {
      givenName: row.beneficiary_given_name,
      familyName: row.beneficiary_family_name,
      phone: row.beneficiary_phone,
    },
    volunteer: row.volunteer_id
      ? { id: row.volunteer_id, name: row.volunteer_name ?? '', phone: row.volunteer_phone ?? '' }
      : null,
    assignedAt: row.assigned_at,
    roundPosition: row.round_position,
    plannedStart: row.planned_start,
    outcomeReason: row.outcome_reason as Task['outcomeReason'],
    outcomeNotes: row.outcome_notes,
    completedAt: row.completed_at,
    moneyAdvancedCents: row.money_advanced_cents,
    moneyReimbursedCents: row.money_reimbursed_cents,
    history: history.map(presentEvent),
    abilities: {
      assign: coordinates && row.status === 'open',
      respond: own && row.status === 'assigned',
      complete: (own || coordinates) && OPEN.includes(row.status) && row.status !== 'open',
      reimburse: coordinates && row.money_advanced_cents > row.money_reimbursed_cents,
    },
  };
}
