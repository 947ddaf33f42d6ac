import { describe, expect, it } from 'vitest';
import { dropPosition, isNoMove, placeOf, positionsIn } from './moves';

const stops = (...ids: string[]) => ids.map((taskId) => ({ taskId }));
const plan = {
  rounds: [
    { volunteerId: 'anna', stops: stops('a1', 'a2', 'a3') },
    { volunteerId: 'bruno', stops: stops('b1') },
  ],
} as unknown as Parameters<typeof placeOf>[0];

describe('moving a stop', () => {
  it('finds where a task is, or nothing for an unserved one', () => {
    expect(placeOf(plan, 'a2')).toEqual({ volunteerId: 'anna', index: 1 });
    expect(placeOf(plan, 'zz')).toBeNull();
  });

  it('keeps the target position when the stop comes from another round or moves up', () => {
    expect(dropPosition({ volunteerId: 'bruno', index: 0 }, { volunteerId: 'anna', index: 1 })).toBe(1);
    expect(dropPosition({ volunteerId: 'anna', index: 2 }, { volunteerId: 'anna', index: 0 })).toBe(0);
    expect(dropPosition(null, { volunteerId: 'anna', index: 3 })).toBe(3);
  });

  it('shifts the target up by one when the stop moves down its own round', () => {
    // Dropped before a3 (index 2): once a1 is taken out, a3 sits at 1.
    expect(dropPosition({ volunteerId: 'anna', index: 0 }, { volunteerId: 'anna', index: 2 })).toBe(1);
    // Dropped at the end (index 3 = length): it becomes the last, 2.
    expect(dropPosition({ volunteerId: 'anna', index: 0 }, { volunteerId: 'anna', index: 3 })).toBe(2);
  });

  it('recognises a drop that leaves the plan as it is', () => {
    const from = { volunteerId: 'anna', index: 1 };
    expect(isNoMove(from, 'anna', dropPosition(from, { volunteerId: 'anna', index: 2 }))).toBe(true);
    expect(isNoMove(from, 'bruno', 0)).toBe(false);
  });

  it('offers one more position in another round than in the stop’s own', () => {
    expect(positionsIn(plan, 'a1', 'anna')).toBe(3);
    expect(positionsIn(plan, 'a1', 'bruno')).toBe(2);
    expect(positionsIn(plan, 'a1', 'nobody')).toBe(1);
  });
});
