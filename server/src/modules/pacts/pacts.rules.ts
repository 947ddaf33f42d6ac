import type { PACT_STATES, PartyInput } from '../../../../shared/src/pacts/pacts.schemas.js';
import { insideRings, type LonLat } from '../../../../shared/src/territory/geometry.js';
import { addDays } from '../../platform/time.js';

/*
 * The rules of a collaboration pact (Cremona's regulation for the care of the commons, seed 003),
 * without a database: who must sign, when a pact is in force, when it may be renewed.
 */

export type PactState = (typeof PACT_STATES)[number];

/** Upcoming before its start, active from start to end (both days included), then ended. */
export function pactState(startsOn: string, endsOn: string, today: string): PactState {
  if (today < startsOn) return 'upcoming';
  return today <= endsOn ? 'active' : 'ended';
}

/** What is wrong with a pact's parties, as the field to point at and a code; null when nothing. */
export type PartyProblem =
  | { code: 'COMUNE_PARTY_COUNT' }
  | { code: 'NO_CIVIC_PARTY' }
  | { code: 'PARTY_NAME_REQUIRED'; index: number }
  | { code: 'PARTY_CONTACT_REQUIRED'; index: number }
  | { code: 'PARTY_ORGANIZATION_REQUIRED'; index: number }
  | { code: 'CITIZEN_NAME_PUBLISHED'; index: number };

/**
 * A pact is signed by the Comune (once) and by at least one citizen, group or organisation that
 * takes care of the commons. A citizen's name is never published: the citizen signs through a
 * contact; a group is named and reachable through its contact; an organisation is one of the registry.
 */
export function partyProblem(parties: readonly PartyInput[]): PartyProblem | null {
  const comune = parties.filter((p) => p.kind === 'comune').length;
  if (comune !== 1) return { code: 'COMUNE_PARTY_COUNT' };
  if (!parties.some((p) => p.kind !== 'comune')) return { code: 'NO_CIVIC_PARTY' };
  for (const [index, party] of parties.entries()) {
    if (party.kind === 'citizen' && party.publicName) return { code: 'CITIZEN_NAME_PUBLISHED', index };
    if (party.kind !== 'citizen' && !party.publicName) return { code: 'PARTY_NAME_REQUIRED', index };
    if ((party.kind === 'citizen' || party.kind === 'group') && !party.contact)
      return { code: 'PARTY_CONTACT_REQUIRED', index };
    if (party.kind === 'organization' && !party.organizationId)
      return { code: 'PARTY_ORGANIZATION_REQUIRED', index };
  }
  return null;
}

/** The day after a date (YYYY-MM-DD). */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

/**
 * Whether a pact may be renewed: its terms allow it on request and it has not been renewed
 * already. The renewal starts the day after the pact ends.
 */
export function renewalRefusal(
  pact: { renewal: 'none' | 'on_request'; endsOn: string },
  alreadyRenewed: boolean,
  newEndsOn: string,
): 'NOT_RENEWABLE' | 'ALREADY_RENEWED' | 'RENEWAL_ENDS_BEFORE_START' | null {
  if (pact.renewal === 'none') return 'NOT_RENEWABLE';
  if (alreadyRenewed) return 'ALREADY_RENEWED';
  if (newEndsOn <= dayAfter(pact.endsOn)) return 'RENEWAL_ENDS_BEFORE_START';
  return null;
}

/** Care is reported for a day within the pact and not in the future. */
export function activityDateRefusal(
  occurredOn: string,
  pact: { startsOn: string; endsOn: string },
  today: string,
): 'ACTIVITY_IN_FUTURE' | 'ACTIVITY_OUTSIDE_PACT' | null {
  if (occurredOn > today) return 'ACTIVITY_IN_FUTURE';
  if (occurredOn < pact.startsOn || occurredOn > pact.endsOn) return 'ACTIVITY_OUTSIDE_PACT';
  return null;
}

/** Whether a place lies within the comune's boundary (ISTAT rings, lon/lat). */
export function placeInComune(
  latitude: number,
  longitude: number,
  rings: readonly (readonly LonLat[])[],
): boolean {
  return rings.length > 0 && insideRings(longitude, latitude, rings);
}
