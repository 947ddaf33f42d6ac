/*
 * How a round looks on the map. Every colour has at least 4.5:1 contrast with white, so the white
 * stop numbers on the markers read as text (WCAG 1.4.3), and over 4:1 with the map's background,
 * so the lines stand out as graphics (1.4.11 asks 3:1). Colour is never the only cue: rounds are
 * numbered, named in the legend, and their lines alternate solid, dashed and dotted.
 */
const PALETTE = [
  '#0066cc',
  '#cc334d',
  '#008055',
  '#a66300',
  '#5c2f91',
  '#00707a',
  '#b0006b',
  '#4d6b00',
  '#17324d',
  '#8a4b08',
  '#555555',
  '#6b4f00',
] as const;

const DASHES = [undefined, '10 6', '2 6'] as const;

export interface RoundStyle {
  color: string;
  /** SVG stroke-dasharray of the round's line; undefined for a solid line. */
  dashArray: string | undefined;
}

/** The style of the round at `index` (zero-based, in the order the plan lists the rounds). */
export function roundStyle(index: number): RoundStyle {
  const i = Math.max(0, index);
  return {
    color: PALETTE[i % PALETTE.length] ?? PALETTE[0],
    // The dash changes with each lap of the palette too, so round 1 and round 13 differ.
    dashArray: DASHES[(i + Math.floor(i / PALETTE.length)) % DASHES.length],
  };
}

/** The label of a stop, shared by the map and the list: round 3, stop 2 → "3.2". */
export const stopLabel = (roundIndex: number, stopIndex: number) => `${roundIndex + 1}.${stopIndex + 1}`;
