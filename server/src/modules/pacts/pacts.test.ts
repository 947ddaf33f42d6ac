import { describe, expect, it } from 'vitest';
import type { PartyInput } from '../../../../shared/src/pacts/pacts.schemas.js';
import { comuneRings } from '../territory/index.js';
import {
  activityDateRefusal,
  dayAfter,
  partyProblem,
  pactState,
  placeInComune,
  renewalRefusal,
} from './pacts.rules.js';

const comune: PartyInput = {
  kind: 'comune',
  publicName: 'Comune di Cremona',
  duties: 'Fornisce gli attrezzi.',
};
const group: PartyInput = {
  kind: 'group',
  publicName: 'Amici del parco',
  duties: 'Pulisce il prato.',
  contact: { fullName: 'Anna Rossi', phone: '0372 1' },
};

describe('pact state', () => {
  it('is in force from its first to its last day, both included', () => {
    expect(pactState('2026-01-01', '2026-12-31', '2025-12-31')).toBe('upcoming');
    expect(pactState('2026-01-01', '2026-12-31', '2026-01-01')).toBe('active');
    expect(pactState('2026-01-01', '2026-12-31', '2026-12-31')).toBe('active');
    expect(pactState('2026-01-01', '2026-12-31', '2027-01-01')).toBe('ended');
  });
});

describe('pact parties', () => {
  it('accepts the Comune and a group with its contact', () => {
    expect(partyProblem([comune, group])).toBeNull();
  });

  it('wants the Comune exactly once', () => {
    expect(partyProblem([group, group])).toEqual({ code: 'COMUNE_PARTY_COUNT' });
    expect(partyProblem([comune, comune, group])).toEqual({ code: 'COMUNE_PARTY_COUNT' });
  });

  it('wants someone who takes care of the commons besides the Comune', () => {
    expect(partyProblem([comune])).toEqual({ code: 'NO_CIVIC_PARTY' });
  });

  it('never publishes a citizen’s name and wants their contact', () => {
    const citizen: PartyInput = { kind: 'citizen', duties: 'Annaffia.' };
    expect(partyProblem([comune, { ...citizen, publicName: 'Anna Rossi' }])).toEqual({
      code: 'CITIZEN_NAME_PUBLISHED',
      index: 1,
    });
    expect(partyProblem([comune, citizen])).toEqual({ code: 'PARTY_CONTACT_REQUIRED', index: 1 });
  });

  it('wants an organisation from the registry', () => {
    expect(partyProblem([comune, { kind: 'organization', publicName: 'ARCI', duties: 'Eventi.' }])).toEqual({
      code: 'PARTY_ORGANIZATION_REQUIRED',
      index: 1,
    });
  });
});

describe('renewal', () => {
  it('starts the day after the pact ends, across a year', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });

  it('is refused when the terms exclude it, when done already, or when the new end is too early', () => {
    const pact = { renewal: 'on_request' as const, endsOn: '2026-12-31' };
    expect(renewalRefusal(pact, false, '2027-12-31')).toBeNull();
    expect(renewalRefusal({ ...pact, renewal: 'none' }, false, '2027-12-31')).toBe('NOT_RENEWABLE');
    expect(renewalRefusal(pact, true, '2027-12-31')).toBe('ALREADY_RENEWED');
    expect(renewalRefusal(pact, false, '2027-01-01')).toBe('RENEWAL_ENDS_BEFORE_START');
  });
});

describe('care reported', () => {
  const pact = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
  it('falls within the pact and not in the future', () => {
    expect(activityDateRefusal('2026-03-01', pact, '2026-06-01')).toBeNull();
    expect(activityDateRefusal('2026-07-01', pact, '2026-06-01')).toBe('ACTIVITY_IN_FUTURE');
    expect(activityDateRefusal('2025-12-31', pact, '2026-06-01')).toBe('ACTIVITY_OUTSIDE_PACT');
  });
});

describe('place of a commons', () => {
  it('lies inside the comune’s boundary', () => {
    const cremona = comuneRings('019036');
    expect(placeInComune(45.1338, 10.0244, cremona)).toBe(true); // Piazza Roma
    expect(placeInComune(45.363, 9.685, cremona)).toBe(false); // Crema
    expect(placeInComune(45.1338, 10.0244, [])).toBe(false);
  });
});
