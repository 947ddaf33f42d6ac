import { describe, expect, it } from 'vitest';
import { geocodeAddress, geocodeUrl, pointOf } from './people.geocoder.js';

describe('the geocoder client', () => {
  it('asks a structured Nominatim search for the street in its comune', () => {
    const url = new URL(
      geocodeUrl('https://geo.example.org/nominatim/', {
        street: 'Via Garibaldi 84',
        comuneName: 'Bonemerse',
        postalCode: '26040',
      }),
    );
    expect(url.pathname).toBe('/nominatim/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      street: 'Via Garibaldi 84',
      city: 'Bonemerse',
      postalcode: '26040',
      country: 'Italia',
      format: 'jsonv2',
      limit: '1',
    });
  });

  it('takes the first hit, and refuses an answer far from the province', () => {
    expect(pointOf([{ lat: '45.1131', lon: '10.0772' }])).toEqual({ latitude: 45.1131, longitude: 10.0772 });
    expect(pointOf([{ lat: '41.9', lon: '12.5' }])).toBeNull();
    expect(pointOf([])).toBeNull();
    expect(pointOf({ error: 'x' })).toBeNull();
  });

  it('gives no point, without throwing, when the service cannot be reached or is off', async () => {
    const failures: string[] = [];
    const query = { street: 'Via Garibaldi 84', comuneName: 'Bonemerse' };
    expect(await geocodeAddress('http://127.0.0.1:1', query, (r) => failures.push(r))).toBeNull();
    expect(failures).toHaveLength(1);
    expect(await geocodeAddress(null, query)).toBeNull();
  });
});
