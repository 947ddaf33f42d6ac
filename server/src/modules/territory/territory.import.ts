import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { ComuneImportRow } from './territory.repository.js';

export const DEFAULT_TERRITORY_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../reference-data/comuni',
);

// Official names of the three social-care districts of the province (shared/data/README.md).
const AMBITO_NAMES: Record<string, string> = {
  CREMONA: 'Ambito Cremonese',
  CREMA: 'Ambito Cremasco',
  CASALMAGGIORE: 'Ambito Casalasco',
};

export interface TerritoryData {
  ambiti: { id: string; name: string; leadComuneName: string | null }[];
  comuni: ComuneImportRow[];
}

function number(value: string | undefined, field: string, row: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) {
    throw new Error(`riga ${row}: il campo ${field} non è un numero ("${value ?? ''}")`);
  }
  return n;
}

/**
 * Reads `comuni_cremona.csv` and `ambiti_distrettuali_cremona.csv` (ISTAT data, CC BY).
 * @throws Error naming the first malformed row.
 */
export function readTerritoryData(dir = DEFAULT_TERRITORY_DIR): TerritoryData {
  const comuni = parse(readFileSync(join(dir, 'comuni_cremona.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const districts = parse(readFileSync(join(dir, 'ambiti_distrettuali_cremona.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const ambiti = new Map<string, { id: string; name: string; leadComuneName: string | null }>();
  for (const d of districts) {
    const id = d.ambito_id!;
    if (!ambiti.has(id)) {
      ambiti.set(id, {
        id,
        name: AMBITO_NAMES[id] ?? d.ambito_nome!,
        leadComuneName: d.ente_capofila || null,
      });
    }
  }
  return {
    ambiti: [...ambiti.values()],
    comuni: comuni.map((c, i) => {
      if (!/^\d{6}$/.test(c.codice_istat ?? '')) throw new Error(`riga ${i + 2}: codice ISTAT non valido`);
      if (!ambiti.has(c.ambito_id ?? ''))
        throw new Error(`riga ${i + 2}: ambito sconosciuto "${c.ambito_id ?? ''}"`);
      return {
        istatCode: c.codice_istat!,
        name: c.nome!,
        cadastralCode: c.codice_catastale!,
        provinceCode: c.sigla_provincia!,
        population: number(c.popolazione_residente_2021_01_01, 'popolazione', i + 2),
        populationCensus2011: number(c.popolazione_censimento_2011, 'popolazione 2011', i + 2),
        ambitoId: c.ambito_id!,
        latitude: number(c.punto_interno_lat, 'latitudine', i + 2),
        longitude: number(c.punto_interno_lon, 'longitudine', i + 2),
        areaKm2: number(c.superficie_km2_calcolata, 'superficie', i + 2),
        postalCodes: c.cap ?? '',
      };
    }),
  };
}
