import type { Tx } from '../../platform/db/database.js';
import { listAmbiti, listComuni } from '../territory/index.js';
import { territoryNotFound } from './reports.errors.js';
import { PROVINCE_SLUG, territorySlug } from '../../../../shared/src/reports/territory-slug.js';

/*
 * The territories reports and open data are published for: the province, an Ambito, or one comune,
 * each under a stable slug (provincia-di-cremona, ambito-cremonese, comune-019036).
 */

export { PROVINCE_SLUG, territorySlug };

export interface Territory {
  slug: string;
  name: string;
  comuni: { code: string; name: string; population: number; group: string }[];
}

/** @throws 404 for a slug that names no territory. */
export async function resolveTerritory(tx: Tx, slug: string): Promise<Territory> {
  const comuni = await listComuni(tx);
  const toArea = (c: (typeof comuni)[number]) => ({
    code: c.istatCode,
    name: c.name,
    population: c.population,
    group: c.ambitoId,
  });
  if (slug === PROVINCE_SLUG) return { slug, name: 'Provincia di Cremona', comuni: comuni.map(toArea) };
  const comune = /^comune-(\d{6})$/.exec(slug);
  if (comune) {
    const found = comuni.find((c) => c.istatCode === comune[1]);
    if (!found) throw territoryNotFound();
    return { slug, name: `Comune di ${found.name}`, comuni: [toArea(found)] };
  }
  const ambito = (await listAmbiti(tx)).find((a) => territorySlug(a.name) === slug);
  if (!ambito) throw territoryNotFound();
  return { slug, name: ambito.name, comuni: comuni.filter((c) => c.ambitoId === ambito.id).map(toArea) };
}
