import { describe, expect, it } from 'vitest';
import { fanOffsets, groupPoints, layoutMarkers, MAX_FANNED, PILL, type ScreenPoint } from './mapLayout';

const apart = (a: ScreenPoint, b: ScreenPoint) =>
  Math.abs(a.x - b.x) >= PILL.width || Math.abs(a.y - b.y) >= PILL.height;

describe('stop markers that do not hide each other', () => {
  it('groups stops drawn at one place, even through a chain of neighbours', () => {
    const groups = groupPoints([
      { x: 100, y: 100 },
      { x: 100, y: 100 },
      { x: 130, y: 100 },
      { x: 400, y: 300 },
    ]);
    expect(groups.map((g) => g.sort())).toEqual([[0, 1, 2], [3]]);
  });

  it('fans a small group out in a ring where no two markers touch', () => {
    for (let n = 2; n <= MAX_FANNED; n++) {
      const ring = fanOffsets(n);
      expect(ring).toHaveLength(n);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) expect(apart(ring[i]!, ring[j]!)).toBe(true);
    }
    expect(fanOffsets(1)).toEqual([{ x: 0, y: 0 }]);
  });

  it('draws a large group as one marker with its count', () => {
    const same = Array.from({ length: MAX_FANNED + 1 }, () => ({ x: 50, y: 50 }));
    const groups = layoutMarkers([...same, { x: 600, y: 50 }]);
    expect(groups).toHaveLength(2);
    expect(groups.find((g) => g.members.length === MAX_FANNED + 1)?.offsets).toBeNull();
    expect(groups.find((g) => g.members.length === 1)?.offsets).toEqual([{ x: 0, y: 0 }]);
  });

  it('leaves no two drawn markers overlapping, for crowded random stops', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const points = Array.from({ length: 60 }, () => ({ x: rand() * 500, y: rand() * 400 }));
    const groups = layoutMarkers(points);
    expect(groups.flatMap((g) => g.members).sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
    const drawn = groups.flatMap((g) =>
      g.offsets ? g.offsets.map((o) => ({ x: g.centre.x + o.x, y: g.centre.y + o.y })) : [g.centre],
    );
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++) expect(apart(drawn[i]!, drawn[j]!)).toBe(true);
  });
});
