import { describe, expect, it } from 'vitest';
import { roundStyle, stopLabel } from './roundStyle';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('round styles', () => {
  it('keep 4.5:1 contrast with the white stop numbers and 3:1 with the map background', () => {
    for (let i = 0; i < 24; i++) {
      const { color } = roundStyle(i);
      expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, '#f2f7fc'), color).toBeGreaterThanOrEqual(3);
    }
  });

  it('tell two rounds of the same colour apart by their line', () => {
    const first = roundStyle(0);
    const thirteenth = roundStyle(12);
    expect(thirteenth.color).toBe(first.color);
    expect(thirteenth.dashArray).not.toBe(first.dashArray);
  });

  it('number the stops round by round', () => {
    expect(stopLabel(2, 0)).toBe('3.1');
  });
});
