import { describe, expect, it } from 'vitest';
import {
  createDistanceSource,
  euclideanMatrices,
  haversineKm,
  haversineMatrices,
  osrmSource,
} from './distances.js';

const cremona = { lat: 45.1335, lon: 10.0227 };
const crema = { lat: 45.3641, lon: 9.6827 };

/** A fake OSRM server: duration = 60 s and distance = 1000 m per index step, null for (0, 2). */
function stubOsrm(calls: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    calls.push(url.pathname + url.search);
    const coords = url.pathname.split('/').at(-1)!.split(';');
    const globalIndex = coords.map((c) => Math.round(Number(c.split(',')[0]) * 100));
    const sources = url.searchParams.get('sources')!.split(';').map(Number);
    const destinations = url.searchParams.get('destinations')!.split(';').map(Number);
    const cell = (scale: number) =>
      sources.map((s) =>
        destinations.map((d) => {
          const [a, b] = [globalIndex[s]!, globalIndex[d]!];
          return a === 0 && b === 2 ? null : Math.abs(a - b) * scale;
        }),
      );
    return new Response(JSON.stringify({ code: 'Ok', durations: cell(60), distances: cell(1000) }), {
      status: 200,
    });
  }) as typeof fetch;
}

// Point i has lon = i / 100, so the stub can tell points apart.
const line = Array.from({ length: 5 }, (_, i) => ({ lat: 45, lon: i / 100 }));

describe('distances', () => {
  it('measures great-circle distance in km', () => {
    expect(haversineKm(cremona, crema)).toBeGreaterThan(35);
    expect(haversineKm(cremona, crema)).toBeLessThan(38);
  });

  it('applies the road factor and the average speed by default', () => {
    const m = haversineMatrices([cremona, crema]);
    const km = haversineKm(cremona, crema) * 1.3;
    expect(m.distances[1]).toBeCloseTo(km, 9);
    expect(m.durations[1]).toBeCloseTo((km / 35) * 60, 9);
    expect(m.triangleInequality).toBe(true);
  });

  it('rounds Euclidean distances on request, as TSPLIB EUC_2D does', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    expect(euclideanMatrices(points).distances[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(euclideanMatrices(points, 1, true).distances[1]).toBe(1);
  });

  it('refuses planar points for the haversine source', () => {
    expect(() => haversineMatrices([{ x: 0, y: 0 }])).toThrow(TypeError);
  });

  it('reads an OSRM table in km and minutes, split into blocks', async () => {
    const calls: string[] = [];
    const source = osrmSource({ baseUrl: 'http://osrm.test/', maxTableSize: 2, fetch: stubOsrm(calls) });
    const m = await source.matrices(line);
    expect(calls).toHaveLength(9);
    expect(calls[0]).toMatch(/^\/table\/v1\/driving\/0\.000000,45\.000000;0\.010000,45\.000000;/);
    expect(m.distances[1 * 5 + 4]).toBe(3);
    expect(m.durations[4 * 5 + 1]).toBe(3);
    expect(m.triangleInequality).toBe(false);
  });

  it('marks pairs OSRM cannot route as unreachable', async () => {
    const m = await osrmSource({ baseUrl: 'http://osrm.test', fetch: stubOsrm([]) }).matrices(line);
    expect(m.durations[0 * 5 + 2]).toBe(Infinity);
    expect(m.distances[0 * 5 + 2]).toBe(Infinity);
  });

  it('fails when OSRM answers with an error code', async () => {
    const failing = (async () =>
      new Response(JSON.stringify({ code: 'InvalidQuery', message: 'bad' }))) as typeof fetch;
    await expect(osrmSource({ baseUrl: 'http://osrm.test', fetch: failing }).matrices(line)).rejects.toThrow(
      /InvalidQuery/,
    );
  });

  it('builds an OSRM source from a serializable spec', async () => {
    const calls: string[] = [];
    await createDistanceSource(
      { kind: 'osrm', baseUrl: 'http://osrm.test', profile: 'foot' },
      stubOsrm(calls),
    ).matrices(line);
    expect(calls[0]).toMatch(/^\/table\/v1\/foot\//);
  });
});
