/*
 * What other modules may use of the people registry. Every function takes the caller's scoped
 * transaction: row-level security limits it to the actor's territory.
 */
import type { Tx } from '../../platform/db/database.js';
import * as repo from './people.repository.js';

export type { PersonRow } from './people.repository.js';

/** One person's registry record, or null outside the territory. */
export const findPersonRecord = (tx: Tx, id: string) => repo.findPerson(tx, id);

/** The registry's person with this codice fiscale, or null (outside the territory too). */
export const findPersonByCodiceFiscale = (tx: Tx, codiceFiscale: string) =>
  repo.findByCodiceFiscale(tx, codiceFiscale);
/** Several registry records by id in one query (none outside the territory). */
export const findPersonRecords = (tx: Tx, ids: readonly string[]) => repo.findPeople(tx, ids);

/** A household and its members, or null. */
export async function findHouseholdWithMembers(tx: Tx, id: string) {
  const household = await repo.findHousehold(tx, id);
  return household ? { household, members: await repo.householdMembers(tx, id) } : null;
}

/** Marks the person as followed by social services (the only fact of a case others may learn). */
export const markKnownToSocialServices = (tx: Tx, id: string) => repo.markKnownToSocialServices(tx, id);

/** GDPR art. 17: clears the person's identifying fields, keeping what statistics need. */
export const anonymisePerson = (tx: Tx, id: string) => repo.anonymisePerson(tx, id);

export { findPerson } from './people.repository.js';
export { registerRelativeForCitizen, type RelativeInput } from './people.service.js';
export { personNotFound } from './people.errors.js';
export {
  ageOn,
  classifyQuery,
  foldName,
  normalizeCodiceFiscale,
  validateCodiceFiscale,
} from './people.rules.js';

/** People of a comune born between two dates (for seeds). */
export const peopleOfComune = (tx: Tx, comuneCode: string, bornFrom: string, bornTo: string, limit: number) =>
  repo.peopleOfComune(tx, comuneCode, bornFrom, bornTo, limit);
