import {
  assertInScope,
  authorize,
  requireActor,
  withPublicScope,
  withScope,
} from '../../platform/access/access.js';
import { scopeCovers, scopeOf, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { databaseErrorOf, type Tx } from '../../platform/db/database.js';
import type {
  CreateHouseholdBody,
  Household,
  OwnContact,
  PeoplePage,
  Person,
  PersonInput,
  PersonWithHousehold,
  SetHouseholdBody,
  UpdatePersonBody,
} from '../../../../shared/src/people/people.schemas.js';
import * as repo from './people.repository.js';
import { findComune } from '../territory/index.js';
import { geocodeAddress } from './people.geocoder.js';
import { presentHousehold, presentPerson } from './people.presenter.js';
import {
  classifyQuery,
  foldName,
  normalizeCodiceFiscale,
  phoneDigits,
  searchNameOf,
  validateBirthDate,
  validateCodiceFiscale,
} from './people.rules.js';
import {
  comuneOutsideTerritory,
  duplicateCodiceFiscale,
  householdNotFound,
  personNotFound,
  possibleDuplicate,
  staleVersion,
} from './people.errors.js';
import { todayInRome } from '../../platform/time.js';

/**
 * Validates input and derives the stored values. Markers the writer may not see keep their
 * stored value (`current`), so a welfare manager's save never clears a social worker's flags.
 * @throws 422 with the field at fault.
 */
function toValues(
  input: PersonInput,
  scope: Scope,
  current: repo.PersonRow | null,
  readSensitive: boolean,
  recordedBy: string,
): repo.PersonValues {
  validateBirthDate(input.birthDate, todayInRome());
  if (!scopeCovers(scope, input.comuneCode)) throw comuneOutsideTerritory();
  const codiceFiscale = input.codiceFiscale
    ? validateCodiceFiscale(input.codiceFiscale, { birthDate: input.birthDate, sex: input.sex })
    : null;
  const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    codiceFiscale,
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    searchName: searchNameOf(input.givenName, input.familyName),
    birthDate: input.birthDate,
    sex: input.sex,
    birthPlace: blankToNull(input.birthPlace),
    comuneCode: input.comuneCode,
    address: blankToNull(input.address),
    neighbourhood: blankToNull(input.neighbourhood),
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    phone: blankToNull(input.phone),
    phoneDigits: phoneDigits(input.phone),
    email: blankToNull(input.email),
    disability: (readSensitive ? input.disability : undefined) ?? current?.disability ?? false,
    livesAlone: input.livesAlone ?? false,
    covidPositive: (readSensitive ? input.covidPositive : undefined) ?? current?.covid_positive ?? false,
    knownToSocialServices:
      (readSensitive ? input.knownToSocialServices : undefined) ?? current?.known_to_social_services ?? false,
    consentPrivacy: input.consentPrivacy ?? false,
    consentContact: input.consentContact ?? false,
    consentMethod: input.consentMethod ?? null,
    consentBy: recordedBy,
  };
}

/**
 * Refuses a second record for the same person: same codice fiscale anywhere (the id is
 * disclosed only inside the actor's territory), or same name and birth date unless confirmed.
 */
async function assertNotDuplicate(
  tx: Tx,
  values: repo.PersonValues,
  input: PersonInput,
  excludeId: string | null,
): Promise<void> {
  if (values.codiceFiscale) {
    const visible = await repo.findByCodiceFiscale(tx, values.codiceFiscale);
    if (visible && visible.id !== excludeId) throw duplicateCodiceFiscale(visible.id);
  }
  if (!input.confirmNotDuplicate) {
    const same = await repo.findSameNameAndBirth(tx, values.searchName, values.birthDate, excludeId);
    const others = same.filter(
      (p) => !values.codiceFiscale || !p.codice_fiscale || p.codice_fiscale !== values.codiceFiscale,
    );
    if (others.length > 0) {
      throw possibleDuplicate(
        others.map((p) => ({
          id: p.id,
          givenName: p.given_name,
          familyName: p.family_name,
          birthDate: p.birth_date,
          comuneName: p.comune_name,
        })),
      );
    }
  }
}

function isCodiceFiscaleConflict(error: unknown): boolean {
  const e = databaseErrorOf(error);
  return e?.code === '23505' && e.constraint === 'people_codice_fiscale_key';
}

/**
 * The address's point from the geocoder (GEOCODER_URL) when the input brings none; asked before the
 * transaction, so a slow service never holds a database connection. Without an answer the person
 * has no point and their tasks take the comune's, flagged to be confirmed.
 */
async function withGeocodedPoint<T extends PersonInput>(ctx: Context, input: T): Promise<T> {
  const street = input.address?.trim();
  const geocoderUrl = ctx.settings.geocoderUrl;
  if (!street || !geocoderUrl || (input.latitude != null && input.longitude != null)) return input;
  const comune = await withPublicScope(ctx, (tx) => findComune(tx, input.comuneCode));
  if (!comune) return input;
  const point = await geocodeAddress(
    geocoderUrl,
    {
      street,
      comuneName: comune.name,
      postalCode: comune.postalCodes.length === 1 ? comune.postalCodes[0] : undefined,
    },
    (reason) => ctx.log.warn(`geocoder gave no point (${reason})`),
  );
  return point ? { ...input, ...point } : input;
}

/**
 * Registers a person in the actor's territory.
 * @throws 403 without person.write, 422 invalid data or comune outside territory, 409 duplicate.
 */
export async function createPerson(ctx: Context, body: PersonInput): Promise<Person> {
  const actor = requireActor(ctx);
  authorize(ctx, 'person.write');
  const input = await withGeocodedPoint(ctx, body);
  try {
    return await withScope(ctx, 'person.write', async (tx, scope) => {
      const values = toValues(
        input,
        scope,
        null,
        scopeCovers(scopeOf(actor, 'person.readSensitive'), input.comuneCode),
        actor.fullName,
      );
      await assertNotDuplicate(tx, values, input, null);
      const id = await repo.insertPerson(tx, values, actor.userId);
      await writeAudit(tx, ctx, {
        action: 'person.create',
        entityType: 'person',
        entityId: id,
        comune: values.comuneCode,
      });
      return presentPerson(actor, (await repo.findPerson(tx, id))!, todayInRome());
    });
  } catch (error) {
    // Same code registered in another territory: RLS hid it from the check above.
    if (isCodiceFiscaleConflict(error)) throw duplicateCodiceFiscale(null);
    throw error;
  }
}

/**
 * Updates a person if nobody changed it since `version` was read.
 * @throws 404 outside the territory, 409 stale version or duplicate, 422 invalid data.
 */
export async function updatePerson(ctx: Context, id: string, body: UpdatePersonBody): Promise<Person> {
  const actor = requireActor(ctx);
  authorize(ctx, 'person.write');
  const input = await withGeocodedPoint(ctx, body);
  try {
    return await withScope(ctx, 'person.write', async (tx, scope) => {
      const current = await repo.findPerson(tx, id);
      if (!current) throw personNotFound();
      assertInScope(scope, current.comune_code, 'Persona');
      const values = toValues(
        input,
        scope,
        current,
        scopeCovers(scopeOf(actor, 'person.readSensitive'), current.comune_code),
        actor.fullName,
      );
      await assertNotDuplicate(tx, values, input, id);
      if (!(await repo.updatePerson(tx, id, input.version, values, actor.userId))) throw staleVersion();
      const changed = changedFields(current, values);
      await writeAudit(tx, ctx, {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        comune: values.comuneCode,
        details: { fields: changed },
      });
      return presentPerson(actor, (await repo.findPerson(tx, id))!, todayInRome());
    });
  } catch (error) {
    if (isCodiceFiscaleConflict(error)) throw duplicateCodiceFiscale(null);
    throw error;
  }
}

function changedFields(before: repo.PersonRow, after: repo.PersonValues): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['codiceFiscale', before.codice_fiscale, after.codiceFiscale],
    ['givenName', before.given_name, after.givenName],
    ['familyName', before.family_name, after.familyName],
    ['birthDate', before.birth_date, after.birthDate],
    ['sex', before.sex, after.sex],
    ['birthPlace', before.birth_place, after.birthPlace],
    ['comuneCode', before.comune_code, after.comuneCode],
    ['address', before.address, after.address],
    ['neighbourhood', before.neighbourhood, after.neighbourhood],
    ['latitude', before.latitude, after.latitude],
    ['longitude', before.longitude, after.longitude],
    ['phone', before.phone, after.phone],
    ['email', before.email, after.email],
    ['disability', before.disability, after.disability],
    ['livesAlone', before.lives_alone, after.livesAlone],
    ['covidPositive', before.covid_positive, after.covidPositive],
    ['knownToSocialServices', before.known_to_social_services, after.knownToSocialServices],
    ['consentPrivacy', before.consent_privacy, after.consentPrivacy],
    ['consentContact', before.consent_contact, after.consentContact],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([name]) => name);
}

/**
 * One person with their household; the read is audited.
 * @throws 403 without person.read, 404 unknown or outside the territory.
 */
export async function getPerson(ctx: Context, id: string): Promise<PersonWithHousehold> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'person.read', async (tx, scope) => {
    const row = await repo.findPerson(tx, id);
    if (!row) throw personNotFound();
    assertInScope(scope, row.comune_code, 'Persona');
    const household = row.household_id ? await repo.findHousehold(tx, row.household_id) : null;
    const members = household ? await repo.householdMembers(tx, household.id) : [];
    await writeAudit(tx, ctx, {
      action: 'person.read',
      entityType: 'person',
      entityId: id,
      comune: row.comune_code,
    });
    return {
      ...presentPerson(actor, row, todayInRome()),
      household: household ? presentHousehold(household, members) : null,
    };
  });
}

/**
 * The citizen's own phone from their registry record, to fill in their request form; audited as a
 * read of their record. Null without a record (or a phone).
 * @throws 403 for roles without `request.own`.
 */
export async function ownContact(ctx: Context): Promise<OwnContact> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.own', async (tx) => {
    const row = actor.personId ? await repo.findPerson(tx, actor.personId) : null;
    if (!row) return { phone: null };
    await writeAudit(tx, ctx, {
      action: 'person.read',
      entityType: 'person',
      entityId: row.id,
      comune: row.comune_code,
      details: { own: true },
    });
    return { phone: row.phone };
  });
}

/**
 * Searches by name (any order, accents ignored), codice fiscale prefix or phone digits.
 * One audit event lists the ids returned.
 */
export async function searchPeople(
  ctx: Context,
  query: { q?: string; comune?: string; limit?: number; offset?: number },
): Promise<PeoplePage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'person.read', async (tx) => {
    const filter: repo.SearchFilter = query.q && query.q.trim() ? classifyQuery(query.q) : { kind: 'all' };
    const { rows, total } = await repo.searchPeople(tx, filter, query.comune ?? null, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    await writeAudit(tx, ctx, {
      action: 'person.search',
      entityType: 'person',
      details: { kind: filter.kind, ids: rows.map((r) => r.id), total },
    });
    return { items: rows.map((r) => presentPerson(actor, r, todayInRome())), total };
  });
}

/** Existing people that a new record would duplicate, for the intake form's live warning. */
export async function findDuplicates(
  ctx: Context,
  query: {
    codiceFiscale?: string;
    givenName?: string;
    familyName?: string;
    birthDate?: string;
    excludeId?: string;
  },
): Promise<Person[]> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'person.read', async (tx) => {
    const found = new Map<string, repo.PersonRow>();
    if (query.codiceFiscale) {
      const byCode = await repo.findByCodiceFiscale(tx, normalizeCodiceFiscale(query.codiceFiscale));
      if (byCode) found.set(byCode.id, byCode);
    }
    if (query.givenName && query.familyName && query.birthDate) {
      const search = `${foldName(query.familyName)} ${foldName(query.givenName)}`;
      for (const row of await repo.findSameNameAndBirth(
        tx,
        search,
        query.birthDate,
        query.excludeId ?? null,
      )) {
        found.set(row.id, row);
      }
    }
    if (query.excludeId) found.delete(query.excludeId);
    const rows = [...found.values()];
    if (rows.length > 0) {
      await writeAudit(tx, ctx, {
        action: 'person.search',
        entityType: 'person',
        details: { kind: 'duplicates', ids: rows.map((r) => r.id) },
      });
    }
    return rows.map((r) => presentPerson(actor, r, todayInRome()));
  });
}

/** @throws 422 when the comune is outside the actor's territory. */
export async function createHousehold(ctx: Context, body: CreateHouseholdBody): Promise<Household> {
  return withScope(ctx, 'person.write', async (tx, scope) => {
    if (!scopeCovers(scope, body.comuneCode)) throw comuneOutsideTerritory();
    const household = await repo.insertHousehold(tx, body.comuneCode, body.address.trim());
    await writeAudit(tx, ctx, {
      action: 'household.create',
      entityType: 'household',
      entityId: household.id,
      comune: body.comuneCode,
    });
    return presentHousehold(household, []);
  });
}

/** @throws 404 outside the territory. */
export async function getHousehold(ctx: Context, id: string): Promise<Household> {
  return withScope(ctx, 'person.read', async (tx, scope) => {
    const household = await repo.findHousehold(tx, id);
    if (!household) throw householdNotFound();
    assertInScope(scope, household.comune_code, 'Nucleo familiare');
    const members = await repo.householdMembers(tx, id);
    await writeAudit(tx, ctx, {
      action: 'household.read',
      entityType: 'household',
      entityId: id,
      comune: household.comune_code,
    });
    return presentHousehold(household, members);
  });
}

/**
 * Puts a person into a household, a new one at `newHouseholdAddress` (one transaction), or
 * takes them out with `householdId: null`.
 * @throws 404 when the person or the household is outside the territory.
 */
export async function setPersonHousehold(
  ctx: Context,
  personId: string,
  body: SetHouseholdBody,
): Promise<PersonWithHousehold> {
  const actor = requireActor(ctx);
  await withScope(ctx, 'person.write', async (tx, scope) => {
    const person = await repo.findPerson(tx, personId);
    if (!person) throw personNotFound();
    assertInScope(scope, person.comune_code, 'Persona');
    let householdId = body.householdId;
    if (body.newHouseholdAddress) {
      householdId = (await repo.insertHousehold(tx, person.comune_code, body.newHouseholdAddress.trim())).id;
      await writeAudit(tx, ctx, {
        action: 'household.create',
        entityType: 'household',
        entityId: householdId,
        comune: person.comune_code,
      });
    } else if (householdId) {
      const household = await repo.findHousehold(tx, householdId);
      if (!household) throw householdNotFound();
      assertInScope(scope, household.comune_code, 'Nucleo familiare');
    }
    await repo.setHousehold(tx, personId, householdId, householdId ? body.relation : null, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'person.update',
      entityType: 'person',
      entityId: personId,
      comune: person.comune_code,
      details: { fields: ['householdId', 'householdRelation'] },
    });
  });
  return getPerson(ctx, personId);
}

/** A relative as a citizen describes them on the online form. */
export interface RelativeInput {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'M' | 'F';
  codiceFiscale?: string | null;
  comuneCode: string;
  address: string;
  phone?: string | null;
}

/**
 * Registers a relative on a citizen's behalf, in the caller's scoped transaction (the citizen's
 * own territory: the comune must lie in it). The people module's checks apply (birth date,
 * codice fiscale, comune) and `person.create` is audited. Duplicate detection reveals nothing:
 * the registry is never read back to the citizen. When the codice fiscale is already registered
 * (anywhere: a savepoint catches the unique key RLS would hide) or the same name and birth date
 * is, a NEW record with only what the citizen typed is made, without the code, and flagged
 * `alreadyKnown` for the operator to verify and merge at triage.
 * @throws 422 invalid data or comune outside the citizen's territory.
 */
export async function registerRelativeForCitizen(
  tx: Tx,
  ctx: Context,
  scope: Scope,
  relative: RelativeInput,
): Promise<{ personId: string; alreadyKnown: boolean }> {
  const actor = requireActor(ctx);
  const values = toValues(
    {
      ...relative,
      birthPlace: null,
      neighbourhood: null,
      email: null,
      consentPrivacy: true,
      consentContact: true,
      consentMethod: 'online',
    } as PersonInput,
    scope,
    null,
    false,
    actor.fullName,
  );
  let alreadyKnown =
    (await repo.findSameNameAndBirth(tx, values.searchName, values.birthDate, null)).length > 0;
  let personId: string;
  try {
    personId = await tx.transaction((savepoint) => repo.insertPerson(savepoint, values, actor.userId));
  } catch (error) {
    if (!isCodiceFiscaleConflict(error)) throw error;
    alreadyKnown = true;
    personId = await repo.insertPerson(tx, { ...values, codiceFiscale: null }, actor.userId);
  }
  await writeAudit(tx, ctx, {
    action: 'person.create',
    entityType: 'person',
    entityId: personId,
    comune: values.comuneCode,
    details: { registeredBy: 'citizen', alreadyKnown },
  });
  return { personId, alreadyKnown };
}
