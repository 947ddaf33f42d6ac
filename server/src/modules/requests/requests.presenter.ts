import { scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';
import type { HelpRequest } from '../../../../shared/src/requests/requests.schemas.js';
import { ageOn } from '../people/index.js';
import type { RequestRow } from './requests.repository.js';

/**
 * What leaves the server about a request. "Already followed by social services" and the Covid
 * flag go only to roles allowed to know them in that comune.
 */
export function presentRequest(actor: Actor, row: RequestRow, today: string): HelpRequest {
  const knowsSocialServices = scopeCovers(scopeOf(actor, 'request.seeSocialServices'), row.comune_code);
  const knowsHealth = scopeCovers(scopeOf(actor, 'person.readSensitive'), row.comune_code);
  const triages = scopeCovers(scopeOf(actor, 'request.triage'), row.comune_code);
  const triage = row.status === 'new' && triages;
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    urgency: row.urgency,
    interventionTypeId: row.intervention_type_id,
    interventionTypeName: row.intervention_type_name,
    beneficiary: {
      id: row.beneficiary_id,
      givenName: row.beneficiary_given_name,
      familyName: row.beneficiary_family_name,
      age: ageOn(row.beneficiary_birth_date, today),
      address: row.beneficiary_address,
      phone: row.beneficiary_phone,
      ...(knowsSocialServices ? { followedBySocialServices: row.beneficiary_known } : {}),
      ...(knowsHealth ? { covidPositive: row.beneficiary_covid } : {}),
    },
    requesterName: row.requester_name,
    requesterPhone: row.requester_phone,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    description: row.description,
    notes: row.notes,
    rejectionReason: row.rejection_reason,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    routingOverrideReason: row.routing_override_reason,
    preferredDate: row.preferred_date,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    recurrence: row.recurrence,
    recurrenceUntil: row.recurrence_until,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    decidedAt: row.decided_at,
    completedAt: row.completed_at,
    awaitingDecision: row.awaiting_decision,
    abilities: {
      triage,
      cancel: ['new', 'accepted'].includes(row.status) && triages,
      followUp: row.awaiting_decision && triages,
    },
  };
}
