/*
 * A comune as people write it in an imported file: its name, with or without the province
 * («Cremona», «cremona (CR)»), or its ISTAT code, even one Excel stripped of its leading zero.
 */

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The comuni a file may name, by ISTAT code (with their name) and by folded name. */
export interface ComuneLookup {
  byCode: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
}

export function comuneLookup(comuni: readonly { istatCode: string; name: string }[]): ComuneLookup {
  return {
    byCode: new Map(comuni.map((c) => [c.istatCode, c.name])),
    byName: new Map(comuni.map((c) => [fold(c.name), c.istatCode])),
  };
}

/** "Cremona", "cremona (CR)", "019036" or 19036 (a code that lost its leading zero in Excel) → "019036". */
export function resolveComune(lookup: ComuneLookup, value: string): string | null {
  const v = value.trim();
  if (/^\d{4,6}$/.test(v)) {
    const code = v.padStart(6, '0');
    return lookup.byCode.has(code) ? code : null;
  }
  return lookup.byName.get(fold(v.replace(/\s*\([^)]*\)\s*$/, ''))) ?? null;
}
