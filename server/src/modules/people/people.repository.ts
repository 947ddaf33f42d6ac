import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { ConsentMethod } from '../../../../shared/src/people/people.schemas.js';

/*
 * The only SQL on people and households. Every function runs inside `withScope`, so row-level
 * security already limits rows to the actor's territory; the WHERE clauses below add no tenancy.
 */

export interface PersonRow {
  id: string;
  codice_fiscale: string | null;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: 'M' | 'F';
  birth_place: string | null;
  comune_code: string;
  comune_name: string;
  address: string | null;
  neighbourhood: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  household_id: string | null;
  household_relation: string | null;
  disability: boolean;
  lives_alone: boolean;
  covid_positive: boolean;
  known_to_social_services: boolean;
  consent_privacy: boolean;
  consent_contact: boolean;
  consent_method: ConsentMethod | null;
  consent_recorded_at: string | null;
  consent_recorded_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PersonValues {
  codiceFiscale: string | null;
  givenName: string;
  familyName: string;
  searchName: string;
  birthDate: string;
  sex: 'M' | 'F';
  birthPlace: string | null;
  comuneCode: string;
  address: string | null;
  neighbourhood: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  phoneDigits: string | null;
  email: string | null;
  disability: boolean;
  livesAlone: boolean;
  covidPositive: boolean;
  knownToSocialServices: boolean;
  consentPrivacy: boolean;
  consentContact: boolean;
  /** How a privacy consent given now was given, and the name of who records it. */
  consentMethod?: ConsentMethod | null;
  consentBy?: string | null;
}

const SELECT_PERSON = sql`
  SELECT p.id, p.codice_fiscale, p.given_name, p.family_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.sex,
         p.birth_place, p.comune_code, c.name AS comune_name, p.address, p.neighbourhood, p.latitude, p.longitude,
         p.phone, p.email, p.household_id, p.household_relation, p.disability, p.lives_alone, p.covid_positive,
         p.known_to_social_services, p.consent_privacy, p.consent_contact, p.consent_method, p.consent_recorded_by,
         to_char(p.consent_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS consent_recorded_at, p.version,
         to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
         to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
  FROM people p JOIN comuni c ON c.istat_code = p.comune_code`;

export async function findPerson(tx: Tx, id: string): Promise<PersonRow | null> {
  const [row] = await queryRows<PersonRow>(tx, sql`${SELECT_PERSON} WHERE p.id = ${id}`);
  return row ?? null;
}

/** Several people by id in one query (those outside the territory are left out by row-level security). */
export async function findPeople(tx: Tx, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return queryRows<PersonRow>(tx, sql`${SELECT_PERSON} WHERE p.id = ANY(${pgArray(ids)}::uuid[])`);
}

export async function findByCodiceFiscale(tx: Tx, cf: string): Promise<PersonRow | null> {
  const [row] = await queryRows<PersonRow>(tx, sql`${SELECT_PERSON} WHERE p.codice_fiscale = ${cf}`);
  return row ?? null;
}

/** People with the same folded name and birth date (possible duplicates entered without a code). */
export async function findSameNameAndBirth(
  tx: Tx,
  searchName: string,
  birthDate: string,
  excludeId: string | null,
): Promise<PersonRow[]> {
  return queryRows<PersonRow>(
    tx,
    sql`${SELECT_PERSON} WHERE p.search_name = ${searchName} AND p.birth_date = ${birthDate}
        AND (${excludeId}::uuid IS NULL OR p.id <> ${excludeId}::uuid) LIMIT 10`,
  );
}

export type SearchFilter =
  | { kind: 'codiceFiscale'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'all' };

export async function searchPeople(
  tx: Tx,
  filter: SearchFilter,
  comune: string | null,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonRow[]; total: number }> {
  const tokens = filter.kind === 'name' ? filter.value.split(' ').filter(Boolean) : [];
  const match =
    filter.kind === 'codiceFiscale'
      ? sql`p.codice_fiscale LIKE ${filter.value + '%'}`
      : filter.kind === 'phone'
        ? sql`p.phone_digits LIKE ${'%' + filter.value + '%'}`
        : filter.kind === 'name'
          ? sql.join(
              tokens.map((t) => sql`p.search_name LIKE ${'%' + t.replace(/[%_\\]/g, '\\$&') + '%'}`),
              sql` AND `,
            )
          : sql`true`;
  const where = sql`WHERE ${tokens.length || filter.kind !== 'name' ? match : sql`true`}
                    AND (${comune}::text IS NULL OR p.comune_code = ${comune})`;
  const rows = await queryRows<PersonRow & { total: number }>(
    tx,
    sql`${SELECT_PERSON} ${where} ORDER BY p.search_name, p.birth_date LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const [count] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM people p ${where}`,
  );
  return { rows, total: count?.total ?? 0 };
}

const PERSON_COLUMNS = sql`codice_fiscale, given_name, family_name, search_name, birth_date, sex, birth_place, comune_code,
  address, neighbourhood, latitude, longitude, phone, phone_digits, email, disability, lives_alone,
  covid_positive, known_to_social_services, consent_privacy, consent_contact,
  consent_method, consent_recorded_at, consent_recorded_by, created_by, updated_by`;

const personTuple = (v: PersonValues, actorId: string | null) =>
  sql`${v.codiceFiscale}, ${v.givenName}, ${v.familyName}, ${v.searchName}, ${v.birthDate}, ${v.sex}, ${v.birthPlace},
      ${v.comuneCode}, ${v.address}, ${v.neighbourhood}, ${v.latitude}, ${v.longitude}, ${v.phone}, ${v.phoneDigits},
      ${v.email}, ${v.disability}, ${v.livesAlone}, ${v.covidPositive}, ${v.knownToSocialServices},
      ${v.consentPrivacy}, ${v.consentContact},
      ${v.consentPrivacy ? (v.consentMethod ?? null) : null}, ${v.consentPrivacy ? sql`now()` : null},
      ${v.consentPrivacy ? (v.consentBy ?? null) : null}, ${actorId}, ${actorId}`;

export async function insertPerson(tx: Tx, v: PersonValues, actorId: string | null): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO people (${PERSON_COLUMNS}) VALUES (${personTuple(v, actorId)}) RETURNING id`,
  );
  return row!.id;
}

/**
 * Many people in one statement, with the ids the caller chose and their place in a household
 * (demo seeds: hundreds of made-up people without hundreds of round trips).
 */
export async function insertPeople(
  tx: Tx,
  people: readonly (PersonValues & {
    id: string;
    householdId: string | null;
    householdRelation: string | null;
  })[],
  actorId: string | null,
): Promise<void> {
  if (people.length === 0) return;
  await tx.execute(
    sql`INSERT INTO people (id, household_id, household_relation, ${PERSON_COLUMNS})
        VALUES ${sql.join(
          people.map(
            (p) => sql`(${p.id}, ${p.householdId}, ${p.householdRelation}, ${personTuple(p, actorId)})`,
          ),
          sql`, `,
        )}`,
  );
}

/** Updates when `version` still matches; @returns false when someone else changed the row first. */
export async function updatePerson(
  tx: Tx,
  id: string,
  version: number,
  v: PersonValues,
  actorId: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE people SET codice_fiscale = ${v.codiceFiscale}, given_name = ${v.givenName}, family_name = ${v.familyName},
          search_name = ${v.searchName}, birth_date = ${v.birthDate}, sex = ${v.sex}, birth_place = ${v.birthPlace},
          comune_code = ${v.comuneCode}, address = ${v.address}, neighbourhood = ${v.neighbourhood}, latitude = ${v.latitude},
          longitude = ${v.longitude}, phone = ${v.phone}, phone_digits = ${v.phoneDigits}, email = ${v.email},
          disability = ${v.disability}, lives_alone = ${v.livesAlone}, covid_positive = ${v.covidPositive},
          known_to_social_services = ${v.knownToSocialServices},
          consent_contact = ${v.consentContact},
          -- A consent given now is recorded (how, when, by whom); one withdrawn clears its record.
          consent_method = CASE WHEN NOT ${v.consentPrivacy} THEN NULL WHEN consent_privacy THEN consent_method
                                ELSE ${v.consentMethod ?? null} END,
          consent_recorded_at = CASE WHEN NOT ${v.consentPrivacy} THEN NULL WHEN consent_privacy THEN consent_recorded_at
                                     ELSE now() END,
          consent_recorded_by = CASE WHEN NOT ${v.consentPrivacy} THEN NULL WHEN consent_privacy THEN consent_recorded_by
                                     ELSE ${v.consentBy ?? null} END,
          consent_privacy = ${v.consentPrivacy},
          version = version + 1, updated_at = now(), updated_by = ${actorId}
        WHERE id = ${id} AND version = ${version}
        RETURNING id`,
  );
  return rows.length === 1;
}

export interface HouseholdRow {
  id: string;
  comune_code: string;
  address: string;
}

export async function insertHousehold(tx: Tx, comuneCode: string, address: string): Promise<HouseholdRow> {
  const [row] = await queryRows<HouseholdRow>(
    tx,
    sql`INSERT INTO households (comune_code, address) VALUES (${comuneCode}, ${address}) RETURNING id, comune_code, address`,
  );
  return row!;
}

/** Many households in one statement, with the ids the caller chose (demo seeds). */
export async function insertHouseholds(
  tx: Tx,
  households: readonly { id: string; comuneCode: string; address: string }[],
): Promise<void> {
  if (households.length === 0) return;
  await tx.execute(
    sql`INSERT INTO households (id, comune_code, address)
        VALUES ${sql.join(
          households.map((h) => sql`(${h.id}, ${h.comuneCode}, ${h.address})`),
          sql`, `,
        )}`,
  );
}

export async function findHousehold(tx: Tx, id: string): Promise<HouseholdRow | null> {
  const [row] = await queryRows<HouseholdRow>(
    tx,
    sql`SELECT id, comune_code, address FROM households WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function householdMembers(tx: Tx, householdId: string): Promise<PersonRow[]> {
  return queryRows<PersonRow>(
    tx,
    sql`${SELECT_PERSON} WHERE p.household_id = ${householdId} ORDER BY p.birth_date`,
  );
}

export async function setHousehold(
  tx: Tx,
  personId: string,
  householdId: string | null,
  relation: string | null,
  actorId: string | null,
): Promise<void> {
  await tx.execute(sql`UPDATE people SET household_id = ${householdId}, household_relation = ${relation},
                       version = version + 1, updated_at = now(), updated_by = ${actorId} WHERE id = ${personId}`);
}

/** Records that social services follow the person (what operators may learn of a case file). */
export async function markKnownToSocialServices(tx: Tx, id: string): Promise<void> {
  await tx.execute(
    sql`UPDATE people SET known_to_social_services = true, updated_at = now() WHERE id = ${id} AND NOT known_to_social_services`,
  );
}

/**
 * GDPR art. 17: clears every field that identifies the person. Kept for statistics: sex, comune,
 * birth year (as 1 January), the fragility markers; the id stays so the audit trail still points here.
 */
export async function anonymisePerson(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`
    UPDATE people SET codice_fiscale = NULL, given_name = 'Anonimo', family_name = 'Anonimo', search_name = 'anonimo anonimo',
      birth_date = date_trunc('year', birth_date)::date, birth_place = NULL, address = NULL, neighbourhood = NULL,
      latitude = NULL, longitude = NULL, phone = NULL, phone_digits = NULL, email = NULL, household_relation = NULL,
      household_id = NULL, consent_contact = false, version = version + 1, updated_at = now()
    WHERE id = ${id}`);
}

/** People of a comune born in a year range, by id (demo seeds pick the people of their cases here). */
export function peopleOfComune(tx: Tx, comuneCode: string, bornFrom: string, bornTo: string, limit: number) {
  return queryRows<PersonRow>(
    tx,
    sql`${SELECT_PERSON} WHERE p.comune_code = ${comuneCode} AND p.birth_date BETWEEN ${bornFrom}::date AND ${bornTo}::date
        ORDER BY p.id LIMIT ${limit}`,
  );
}
