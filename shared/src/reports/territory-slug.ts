/*
 * The stable names of the territories reports and open data are published for (in their URLs):
 * the province, an Ambito by its name, a comune by its ISTAT code.
 */

export const PROVINCE_SLUG = 'provincia-di-cremona';

/** `Ambito distrettuale Cremasco` → `ambito-cremasco`. */
export function territorySlug(ambitoName: string): string {
  const name = ambitoName.replace(/^ambito\s+(distrettuale\s+)?/i, '');
  return `ambito-${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`;
}

/** `019036` → `comune-019036`. */
export const comuneSlug = (istatCode: string) => `comune-${istatCode}`;
