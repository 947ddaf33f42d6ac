import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { directionsHref, geoHref, localDate, orderStops, telHref } from './roundSheet';

const task = (
  id: string,
  roundPosition: number | null,
  plannedStart: string | null,
  windowStart: string | null = null,
) => ({ id, roundPosition, plannedStart, windowStart }) as Task;

describe('the round sheet', () => {
  it('lists the stops in round order, tasks outside a round last by time', () => {
    const ordered = orderStops([
      task('c', null, null, '10:00'),
      task('b', 2, '09:40'),
      task('d', null, null, '08:00'),
      task('a', 1, '09:00'),
    ]);
    expect(ordered.map((t) => t.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('dials a phone number written with spaces', () => {
    expect(telHref('370 641 7551')).toBe('tel:3706417551');
    expect(telHref('+39 0372 407111')).toBe('tel:+390372407111');
  });

  it('gives directions by coordinates, or by address without them', () => {
    const located = { latitude: 45.1423, longitude: 10.0235, address: 'Via Verdi 74', comuneName: 'Cremona' };
    expect(directionsHref(located)).toBe('https://www.openstreetmap.org/directions?route=;45.1423%2C10.0235');
    expect(geoHref(located)).toBe('geo:45.1423,10.0235');
    const unlocated = { latitude: null, longitude: null, address: 'Via Verdi 74', comuneName: 'Cremona' };
    expect(directionsHref(unlocated)).toBe(
      'https://www.openstreetmap.org/search?query=Via%20Verdi%2074%2C%20Cremona',
    );
    expect(geoHref(unlocated)).toBeNull();
  });

  it('names calendar days in local time, across a month end', () => {
    const lateEvening = new Date(2026, 10, 30, 23, 30);
    expect(localDate(0, lateEvening)).toBe('2026-11-30');
    expect(localDate(1, lateEvening)).toBe('2026-12-01');
  });
});
