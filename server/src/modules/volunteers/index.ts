import type { SQL, Tx } from '../../platform/db/database.js';
import * as repo from './volunteers.repository.js';
import type { AssignableVolunteer } from './volunteers.rules.js';

/*
 * What other modules may use of volunteers. Every function takes a `Tx` already inside the
 * caller's scope (`withScope`, `withExplicitScope`): row-level security limits the rows to that
 * territory, and the caller applies its own organisation rules.
 */

export type { AssignableVolunteer } from './volunteers.rules.js';
export { coversComune, isAvailableAt, isInsuredOn, isoWeekday } from './volunteers.rules.js';
export { reaches } from './volunteers.policy.js';
export { importJob } from './volunteers.jobs.js';
export { seedDemoVolunteers } from './volunteers.seed.js';

/** One volunteer by id, whatever its status; null when unknown or outside the caller's territory. */
export async function findVolunteer(tx: Tx, id: string): Promise<AssignableVolunteer | null> {
  const row = await repo.findVolunteerRow(tx, id);
  return row ? repo.toAssignable(row) : null;
}

/**
 * One volunteer by id as SQL (a JSON value, null when unknown or outside the territory), to read it
 * within another statement: the assignment's facts come in one round trip. `assignableOf` reads it.
 */
export function assignableVolunteerJson(id: SQL): SQL {
  return repo.volunteerRowJson(id);
}

export function assignableOf(json: unknown): AssignableVolunteer | null {
  return json ? repo.toAssignable(json as repo.VolunteerRow) : null;
}

/** The volunteer record linked to a user account (the volontario role), or null. */
export async function findVolunteerByUserId(tx: Tx, userId: string): Promise<AssignableVolunteer | null> {
  const row = await repo.findVolunteerRowByUserId(tx, userId);
  return row ? repo.toAssignable(row) : null;
}

/**
 * Approved volunteers of the caller's territory, ordered by name.
 * @param filter.organizationIds null or omitted: every organisation and the individual volunteers;
 *   a list: only volunteers of those organisations, plus the individual ones when `includeIndividuals`.
 */
export async function listApprovedVolunteers(
  tx: Tx,
  filter: { organizationIds?: string[] | null; includeIndividuals?: boolean },
): Promise<AssignableVolunteer[]> {
  const rows = await repo.listApprovedRows(tx, {
    organizationIds: filter.organizationIds ?? null,
    includeIndividuals: filter.includeIndividuals ?? false,
  });
  return rows.map(repo.toAssignable);
}

// The annual report's count of registered volunteers (aggregates only).
export { volunteerRegister } from './volunteers.statistics.js';
