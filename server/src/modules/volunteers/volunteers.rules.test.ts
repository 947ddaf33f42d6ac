import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import {
  coversComune,
  isAvailableAt,
  isInsuredOn,
  isoWeekday,
  normalizeAvailability,
  parseAvailabilityText,
  parseYesNo,
  reviewReason,
  validateVolunteerAge,
} from './volunteers.rules.js';

const CREMONA = '019036';
const BONEMERSE = '019006';
const CASTELVERDE = '019026';

// 2026-11-23 is a Monday.
const monday = '2026-11-23';
const volunteer = {
  availability: [
    { day: 1, from: '09:00', to: '12:00' },
    { day: 3, from: '14:00', to: '18:00' },
  ],
};

describe('parseAvailabilityText', () => {
  it('reads days and hour ranges separated by semicolons', () => {
    expect(parseAvailabilityText('lun 9-12; mer 14-18')).toEqual([
      { day: 1, from: '09:00', to: '12:00' },
      { day: 3, from: '14:00', to: '18:00' },
    ]);
  });

  it('expands a range of days and accepts minutes with a colon or a dot', () => {
    expect(parseAvailabilityText('lun-mer 9:30-12.15')).toEqual([
      { day: 1, from: '09:30', to: '12:15' },
      { day: 2, from: '09:30', to: '12:15' },
      { day: 3, from: '09:30', to: '12:15' },
    ]);
  });

  it('reads full day names with accents, several days and several ranges', () => {
    expect(parseAvailabilityText('Martedì e Giovedì 9-12, 15-18')).toEqual([
      { day: 2, from: '09:00', to: '12:00' },
      { day: 2, from: '15:00', to: '18:00' },
      { day: 4, from: '09:00', to: '12:00' },
      { day: 4, from: '15:00', to: '18:00' },
    ]);
  });

  it('merges overlapping slots of the same day', () => {
    expect(parseAvailabilityText('sab 9-12; sab 11-13')).toEqual([{ day: 6, from: '09:00', to: '13:00' }]);
  });

  it('accepts an evening slot ending at midnight', () => {
    expect(parseAvailabilityText('dom 20-24')).toEqual([{ day: 7, from: '20:00', to: '24:00' }]);
  });

  it('rejects an unknown day naming the entry', () => {
    expect(() => parseAvailabilityText('lun 9-12; xyz 14-18')).toThrow(
      /«xyz 14-18»: giorno non riconosciuto/,
    );
  });

  it('rejects an impossible hour', () => {
    expect(() => parseAvailabilityText('lun 9-25')).toThrow(/orario non valido/);
  });

  it('rejects a slot that ends before it starts', () => {
    expect(() => parseAvailabilityText('lun 18-9')).toThrow(/fine deve essere dopo/);
  });

  it('rejects an entry without hours', () => {
    expect(errorCodeOf(() => parseAvailabilityText('lunedì mattina'))).toBe('AVAILABILITY_TEXT');
  });
});

describe('normalizeAvailability', () => {
  it('refuses a slot whose end is not after its start, naming the day', () => {
    expect(() => normalizeAvailability([{ day: 5, from: '12:00', to: '12:00' }])).toThrow(/venerdi/);
  });
});

describe('isAvailableAt', () => {
  it('counts Monday as day 1 and Sunday as day 7', () => {
    expect(isoWeekday(monday)).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('is true on a day with a slot when no time is asked', () => {
    expect(isAvailableAt(volunteer, monday)).toBe(true);
  });

  it('is false on a day without slots', () => {
    expect(isAvailableAt(volunteer, '2026-11-24')).toBe(false);
  });

  it('needs one slot to contain the whole window', () => {
    expect(isAvailableAt(volunteer, monday, '09:30', '11:00')).toBe(true);
    expect(isAvailableAt(volunteer, monday, '11:00', '12:30')).toBe(false);
  });

  it('checks a single instant against the slots', () => {
    expect(isAvailableAt(volunteer, '2026-11-25', '14:00')).toBe(true);
    expect(isAvailableAt(volunteer, '2026-11-25', '18:00')).toBe(false);
    expect(isAvailableAt(volunteer, '2026-11-25', undefined, '18:00')).toBe(true);
  });

  it('is never true for a volunteer who declared no availability', () => {
    expect(isAvailableAt({ availability: [] }, monday)).toBe(false);
  });
});

describe('coversComune', () => {
  it('covers only the home comune when no zones are declared', () => {
    expect(coversComune({ zones: [], comuneCode: CREMONA }, CREMONA)).toBe(true);
    expect(coversComune({ zones: [], comuneCode: CREMONA }, BONEMERSE)).toBe(false);
  });

  it('covers exactly the declared zones', () => {
    const v = { zones: [BONEMERSE, CASTELVERDE], comuneCode: CREMONA };
    expect(coversComune(v, BONEMERSE)).toBe(true);
    expect(coversComune(v, CREMONA)).toBe(false);
  });
});

describe('other rules', () => {
  it('treats insurance as valid up to and including its expiry day', () => {
    expect(isInsuredOn({ insuranceValidUntil: '2026-12-31' }, '2026-12-31')).toBe(true);
    expect(isInsuredOn({ insuranceValidUntil: '2026-12-31' }, '2027-01-01')).toBe(false);
    expect(isInsuredOn({ insuranceValidUntil: null }, '2026-01-01')).toBe(false);
  });

  it('reads yes and no the way people write them', () => {
    expect(['si', 'Sì', 'X', '1'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['no', 'N', '', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('forse')).toBeNull();
  });

  it('refuses volunteers under 18', () => {
    expect(errorCodeOf(() => validateVolunteerAge('2010-01-01', '2026-11-23'))).toBe('VOLUNTEER_TOO_YOUNG');
    expect(errorCodeOf(() => validateVolunteerAge('2008-11-23', '2026-11-23'))).toBeUndefined();
  });

  it('requires a reason to reject an offer but not to approve it', () => {
    expect(errorCodeOf(() => reviewReason('reject', '  '))).toBe('REVIEW_REASON_REQUIRED');
    expect(reviewReason('reject', ' Nessuna copertura assicurativa ')).toBe('Nessuna copertura assicurativa');
    expect(reviewReason('approve', undefined)).toBeNull();
  });
});
