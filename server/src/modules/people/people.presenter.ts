import { scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';
import type { Household, Person } from '../../../../shared/src/people/people.schemas.js';
import { ageOn, ELDERLY_AGE } from './people.rules.js';
import type { HouseholdRow, PersonRow } from './people.repository.js';

type Relation = Person['householdRelation'];

/**
 * The fields of a person that leave the server for this actor. Health and social-services
 * markers need `person.readSensitive` on the person's comune; abilities come from the same policy.
 */
export function presentPerson(actor: Actor, row: PersonRow, today: string): Person {
  const readSensitive = scopeCovers(scopeOf(actor, 'person.readSensitive'), row.comune_code);
  const age = ageOn(row.birth_date, today);
  return {
    id: row.id,
    codiceFiscale: row.codice_fiscale,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    age,
    sex: row.sex,
    birthPlace: row.birth_place,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    address: row.address,
    neighbourhood: row.neighbourhood,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    email: row.email,
    householdId: row.household_id,
    householdRelation: row.household_relation as Relation,
    fragility: {
      over65: age >= ELDERLY_AGE,
      livesAlone: row.lives_alone,
      ...(readSensitive
        ? {
            disability: row.disability,
            covidPositive: row.covid_positive,
            knownToSocialServices: row.known_to_social_services,
          }
        : {}),
    },
    consentPrivacy: row.consent_privacy,
    consentContact: row.consent_contact,
    consentRecord: row.consent_privacy
      ? {
          method: row.consent_method,
          recordedAt: row.consent_recorded_at,
          recordedBy: row.consent_recorded_by,
        }
      : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: {
      update: scopeCovers(scopeOf(actor, 'person.write'), row.comune_code),
      readSensitive,
    },
  };
}

export function presentHousehold(household: HouseholdRow, members: PersonRow[]): Household {
  return {
    id: household.id,
    comuneCode: household.comune_code,
    address: household.address,
    members: members.map((m) => ({
      id: m.id,
      givenName: m.given_name,
      familyName: m.family_name,
      birthDate: m.birth_date,
      relation: m.household_relation as Relation,
    })),
  };
}
