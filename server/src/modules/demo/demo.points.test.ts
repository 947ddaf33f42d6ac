import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { insideRings } from '../../../../shared/src/territory/geometry.js';
import { comuneRings } from '../territory/territory.boundaries.js';
import { demoHomePoint } from './demo.seed.js';

// Bonemerse and Cremona as the reference data describe them (centroid from comuni_cremona.csv).
const csv = readFileSync(
  new URL('../../../../reference-data/comuni/comuni_cremona.csv', import.meta.url),
  'utf8',
);
const comuni = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const f = line.split(',');
    return {
      istatCode: f[0]!,
      name: f[1]!,
      latitude: Number(f[10]),
      longitude: Number(f[11]),
    };
  });

describe('demo people live inside their comune', () => {
  it('draws every home inside the boundary of its comune, for all 113 comuni', () => {
    expect(comuni).toHaveLength(113);
    for (const comune of comuni) {
      const point = demoHomePoint(comune as never, 0.37, 0.81);
      expect(insideRings(point.longitude, point.latitude, comuneRings(comune.istatCode)), comune.name).toBe(
        true,
      );
    }
  });

  it('gives distinct points to the people of one comune, none on its centroid', () => {
    const bonemerse = comuni.find((c) => c.name === 'Bonemerse')!;
    const points = Array.from({ length: 40 }, (_, i) =>
      demoHomePoint(bonemerse as never, (i + 1) / 41, ((i * 7) % 41) / 41),
    );
    expect(new Set(points.map((p) => `${p.latitude},${p.longitude}`)).size).toBe(40);
    expect(points.some((p) => p.latitude === bonemerse.latitude && p.longitude === bonemerse.longitude)).toBe(
      false,
    );
  });
});
