import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('draws integers within [0, n)', () => {
    const rng = createRng(7);
    const draws = Array.from({ length: 1000 }, () => rng.int(6));
    expect(Math.min(...draws)).toBe(0);
    expect(Math.max(...draws)).toBe(5);
  });
});
