// Bootstrap Italia palette colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics).
const PALETTE = ['#0066cc', '#008055', '#a66300', '#5c2f91', '#cc334d', '#17324d'];

/** A stable colour per Ambito, in the order the Ambiti are listed. */
export function ambitoColor(ambitoIds: string[], ambitoId: string): string {
  const index = ambitoIds.indexOf(ambitoId);
  return PALETTE[(index < 0 ? 0 : index) % PALETTE.length] ?? '#0066cc';
}
