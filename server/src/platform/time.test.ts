import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateInRome, todayInRome } from './time.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('today in Rome', () => {
  it('is still the same day at 23:30 in Rome, in winter and in summer', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T22:30:00Z')); // 23:30 CET
    expect(todayInRome()).toBe('2026-12-01');
    vi.setSystemTime(new Date('2026-07-01T21:30:00Z')); // 23:30 CEST
    expect(todayInRome()).toBe('2026-07-01');
  });

  it('is already the next day at 00:30 in Rome, while the UTC date is still the day before', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T23:30:00Z')); // 00:30 CET on 2 December
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(todayInRome()).toBe('2026-12-02');
    vi.setSystemTime(new Date('2026-06-30T22:30:00Z')); // 00:30 CEST on 1 July
    expect(todayInRome()).toBe('2026-07-01');
  });

  it('gives the Rome date of any instant', () => {
    expect(dateInRome(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(dateInRome(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
