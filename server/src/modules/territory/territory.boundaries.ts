import { readFileSync } from 'node:fs';
import { parseRing, type LonLat } from '../../../../shared/src/territory/geometry.js';

// The same simplified ISTAT boundaries the web app draws (Openpolis, CC BY 4.0).
const FILE = new URL('../../../../shared/src/territory/comuni-boundaries.json', import.meta.url);

let cache: Map<string, LonLat[][]> | undefined;

/** A comune's outer rings by ISTAT code; empty when unknown. Read once, on first use. */
export function comuneRings(istatCode: string): LonLat[][] {
  cache ??= new Map(
    Object.entries(JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string[]>).map(
      ([code, rings]) => [code, rings.map(parseRing)],
    ),
  );
  return cache.get(istatCode) ?? [];
}
