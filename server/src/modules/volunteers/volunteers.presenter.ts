import { organizationReach, scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';
import type { Volunteer } from '../../../../shared/src/volunteers/volunteers.schemas.js';
import { reaches } from './volunteers.policy.js';
import type { VolunteerRow } from './volunteers.repository.js';
import { canReview, canUpdate } from './volunteers.rules.js';

/**
 * The fields of a volunteer that leave the server, with what the actor may do next, computed
 * by the same policy the service enforces. Codice fiscale and birth date go only to who
 * manages the volunteer.
 */
export function presentVolunteer(actor: Actor, row: VolunteerRow): Volunteer {
  const target = { comuneCode: row.comune_code, organizationId: row.organization_id };
  const manages =
    scopeCovers(scopeOf(actor, 'volunteer.manage'), row.comune_code) &&
    reaches(organizationReach(actor, 'volunteer.manage'), target);
  return {
    id: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    givenName: row.given_name,
    familyName: row.family_name,
    codiceFiscale: manages ? row.codice_fiscale : null,
    birthDate: manages ? row.birth_date : null,
    phone: row.phone,
    email: row.email,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    status: row.status,
    hasCar: row.has_car,
    hasLicence: row.has_licence,
    languages: row.languages,
    skills: row.skills,
    zones: row.zones,
    neighbourhoods: row.neighbourhoods,
    availability: row.availability,
    maxTasksPerDay: row.max_tasks_per_day,
    insuranceValidUntil: row.insurance_valid_until,
    healthTraining: row.health_training,
    consentPrivacy: row.consent_privacy,
    notes: row.notes,
    reviewReason: row.review_reason,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: {
      review: manages && canReview(row.status),
      update: manages && canUpdate(row.status),
    },
  };
}
