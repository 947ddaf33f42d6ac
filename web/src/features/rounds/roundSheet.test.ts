import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { directionsHref, mapsAppHref, mapsPlatform, orderStops, telHref } from './roundSheet';

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

  it('gives directions to a geocoded point, else searches the address (never the comune centre)', () => {
    const place = { address: 'Via Garibaldi 84', comuneName: 'Bonemerse' };
    const geocoded = { ...place, latitude: 45.1131, longitude: 10.0772, approximateLocation: false };
    expect(directionsHref(geocoded)).toBe(
      'https://www.openstreetmap.org/directions?route=;45.1131%2C10.0772',
    );
    const centroid = { ...place, latitude: 45.10823, longitude: 10.090496, approximateLocation: true };
    expect(directionsHref(centroid)).toBe(
      'https://www.openstreetmap.org/search?query=Via%20Garibaldi%2084%2C%20Bonemerse%2C%20Italia',
    );
  });

  it('opens the address in the phone’s own maps app, on iOS and on Android', () => {
    const place = {
      address: 'Via Garibaldi 84',
      comuneName: 'Bonemerse',
      latitude: 45.10823,
      longitude: 10.090496,
      approximateLocation: true,
    };
    const query = 'Via%20Garibaldi%2084%2C%20Bonemerse%2C%20Italia';
    expect(mapsAppHref(place, 'ios')).toBe(`https://maps.apple.com/?daddr=${query}`);
    expect(mapsAppHref({ ...place, approximateLocation: false }, 'ios')).toBe(
      `https://maps.apple.com/?daddr=${query}&ll=45.10823,10.090496`,
    );
    expect(mapsAppHref(place, 'android')).toBe(`geo:0,0?q=${query}`);
    expect(mapsAppHref(place, 'other')).toBeNull();
    expect(mapsAppHref({ ...place, address: null }, 'android')).toBeNull();
  });

  it('tells iPhones, iPads and Android phones apart by their browser', () => {
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
    const android =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130 Mobile Safari/537.36';
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15';
    expect(mapsPlatform(iphone)).toBe('ios');
    expect(mapsPlatform(android)).toBe('android');
    expect(mapsPlatform(mac, 5)).toBe('ios');
    expect(mapsPlatform(mac, 0)).toBe('other');
  });
});
