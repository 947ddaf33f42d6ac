import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { Ambito, Comune, SubAmbito } from '../../../../shared/src/territory/territory.schemas.js';

interface ComuneRow {
  istat_code: string;
  name: string;
  cadastral_code: string;
  province_code: string;
  population: number;
  ambito_id: string;
  sub_ambito_id: string | null;
  latitude: number;
  longitude: number;
  area_km2: string | null;
  postal_codes: string;
  population_over65: number | null;
  population_by_age_on: string | null;
}

function toComune(row: ComuneRow): Comune {
  return {
    istatCode: row.istat_code,
    name: row.name,
    cadastralCode: row.cadastral_code,
    provinceCode: row.province_code,
    population: row.population,
    ambitoId: row.ambito_id,
    subAmbitoId: row.sub_ambito_id,
    latitude: row.latitude,
    longitude: row.longitude,
    areaKm2: row.area_km2 === null ? null : Number(row.area_km2),
    postalCodes: row.postal_codes ? row.postal_codes.split(';') : [],
    populationOver65: row.population_over65,
    populationByAgeOn: row.population_by_age_on,
  };
}

const COMUNE_SELECT = sql`SELECT istat_code, name, cadastral_code, province_code, population, ambito_id,
  sub_ambito_id, latitude, longitude, area_km2, postal_codes, population_over65,
  population_by_age_on::text AS population_by_age_on FROM comuni`;

/** Comuni in name order, optionally of one Ambito or matching a name fragment. */
export async function listComuni(tx: Tx, filter: { ambitoId?: string; q?: string } = {}): Promise<Comune[]> {
  const rows = await queryRows<ComuneRow>(
    tx,
    sql`${COMUNE_SELECT}
        WHERE (${filter.ambitoId ?? null}::text IS NULL OR ambito_id = ${filter.ambitoId ?? null})
          AND (${filter.q ?? null}::text IS NULL OR name ILIKE ${'%' + (filter.q ?? '') + '%'})
        ORDER BY name`,
  );
  return rows.map(toComune);
}

export async function findComune(tx: Tx, istatCode: string): Promise<Comune | null> {
  const [row] = await queryRows<ComuneRow>(tx, sql`${COMUNE_SELECT} WHERE istat_code = ${istatCode}`);
  return row ? toComune(row) : null;
}

/** ISTAT codes of the comuni of the given Ambiti plus the given comuni. */
export async function resolveComuni(tx: Tx, ambitoIds: string[], comuneCodes: string[]): Promise<string[]> {
  if (ambitoIds.length === 0 && comuneCodes.length === 0) return [];
  const rows = await queryRows<{ istat_code: string }>(
    tx,
    sql`SELECT istat_code FROM comuni
        WHERE ambito_id = ANY(${pgArray(ambitoIds)}::text[]) OR istat_code = ANY(${pgArray(comuneCodes)}::text[])`,
  );
  return rows.map((r) => r.istat_code);
}

export async function listAmbiti(tx: Tx): Promise<Ambito[]> {
  const ambiti = await queryRows<{
    id: string;
    name: string;
    lead_comune_name: string | null;
    n: number;
    population: string;
  }>(
    tx,
    sql`SELECT a.id, a.name, a.lead_comune_name, count(c.istat_code)::int AS n, coalesce(sum(c.population), 0) AS population
        FROM ambiti a LEFT JOIN comuni c ON c.ambito_id = a.id
        GROUP BY a.id ORDER BY a.name`,
  );
  const subAmbiti = await listSubAmbiti(tx);
  return ambiti.map((a) => ({
    id: a.id,
    name: a.name,
    leadComuneName: a.lead_comune_name,
    comuniCount: a.n,
    population: Number(a.population),
    subAmbiti: subAmbiti.filter((s) => s.ambitoId === a.id),
  }));
}

export async function findAmbito(tx: Tx, id: string): Promise<{ id: string } | null> {
  const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ambiti WHERE id = ${id}`);
  return row ?? null;
}

export async function listSubAmbiti(tx: Tx): Promise<SubAmbito[]> {
  return queryRows<SubAmbito>(
    tx,
    sql`SELECT id, ambito_id AS "ambitoId", name FROM sub_ambiti ORDER BY name`,
  );
}

export async function findSubAmbito(tx: Tx, id: string): Promise<SubAmbito | null> {
  const [row] = await queryRows<SubAmbito>(
    tx,
    sql`SELECT id, ambito_id AS "ambitoId", name FROM sub_ambiti WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function insertSubAmbito(tx: Tx, ambitoId: string, name: string): Promise<SubAmbito> {
  const [row] = await queryRows<SubAmbito>(
    tx,
    sql`INSERT INTO sub_ambiti (ambito_id, name) VALUES (${ambitoId}, ${name})
        RETURNING id, ambito_id AS "ambitoId", name`,
  );
  return row!;
}

export async function updateComuneAssignment(
  tx: Tx,
  istatCode: string,
  ambitoId: string,
  subAmbitoId: string | null,
): Promise<void> {
  await tx.execute(
    sql`UPDATE comuni SET ambito_id = ${ambitoId}, sub_ambito_id = ${subAmbitoId} WHERE istat_code = ${istatCode}`,
  );
}

/**
 * Stores the residents aged 65 and over of each comune, as of the figure's reference date.
 * @returns the ISTAT codes that matched a comune of the territory
 */
export async function setPopulationOver65(
  tx: Tx,
  asOf: string,
  figures: readonly { istatCode: string; over65: number }[],
): Promise<string[]> {
  if (figures.length === 0) return [];
  const rows = await queryRows<{ istat_code: string }>(
    tx,
    sql`UPDATE comuni c SET population_over65 = f.over65, population_by_age_on = ${asOf}::date
        FROM unnest(${pgArray(figures.map((f) => f.istatCode))}::text[],
                    ${pgArray(figures.map((f) => String(f.over65)))}::int[]) AS f(code, over65)
        WHERE c.istat_code = f.code
        RETURNING c.istat_code`,
  );
  return rows.map((r) => r.istat_code);
}

export interface ComuneImportRow {
  istatCode: string;
  name: string;
  cadastralCode: string;
  provinceCode: string;
  population: number;
  populationCensus2011: number;
  ambitoId: string;
  latitude: number;
  longitude: number;
  areaKm2: number;
  postalCodes: string;
}

/**
 * Inserts or refreshes Ambiti and comuni. An existing comune keeps its Ambito and sub-ambito:
 * an administrator may have re-assigned it and a re-import must not undo that.
 */
export async function upsertTerritory(
  tx: Tx,
  ambiti: { id: string; name: string; leadComuneName: string | null }[],
  comuni: ComuneImportRow[],
): Promise<void> {
  for (const a of ambiti) {
    await tx.execute(sql`INSERT INTO ambiti (id, name, lead_comune_name) VALUES (${a.id}, ${a.name}, ${a.leadComuneName})
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, lead_comune_name = EXCLUDED.lead_comune_name`);
  }
  for (const c of comuni) {
    await tx.execute(sql`
      INSERT INTO comuni (istat_code, name, cadastral_code, province_code, population, population_census_2011,
                          ambito_id, latitude, longitude, area_km2, postal_codes)
      VALUES (${c.istatCode}, ${c.name}, ${c.cadastralCode}, ${c.provinceCode}, ${c.population}, ${c.populationCensus2011},
              ${c.ambitoId}, ${c.latitude}, ${c.longitude}, ${c.areaKm2}, ${c.postalCodes})
      ON CONFLICT (istat_code) DO UPDATE SET name = EXCLUDED.name, cadastral_code = EXCLUDED.cadastral_code,
        population = EXCLUDED.population, population_census_2011 = EXCLUDED.population_census_2011,
        latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, area_km2 = EXCLUDED.area_km2,
        postal_codes = EXCLUDED.postal_codes`);
  }
}
