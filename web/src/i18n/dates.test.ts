import { describe, expect, it } from 'vitest';
import { addDaysIso, todayIso } from './dates';

describe('the web app’s today', () => {
  it('is the day in Rome, whatever zone the device is in', () => {
    // 23:30 UTC on 30 November is already 1 December in Rome (UTC+1 in winter).
    expect(todayIso(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(todayIso(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11-30');
    // Summer time: UTC+2.
    expect(todayIso(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
  });

  it('moves across a month and a year end', () => {
    expect(addDaysIso('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2027-03-01', -1)).toBe('2027-02-28');
  });
});
