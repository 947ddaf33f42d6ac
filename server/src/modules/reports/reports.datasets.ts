import { stringify } from 'csv-stringify/sync';
import type { BeneficiaryDimension, ComuneCount, RequestDimension } from '../requests/index.js';
import { groupSmallAreas, type Area, type CountTable, type PublishedTable } from './disclosure.js';

/*
 * The open datasets: which aggregate each one publishes, how its CSV reads, and its data
 * dictionary. Pure: counts in, tables and CSV out.
 */

/** Comuni with fewer residents are published together, as "Altri comuni" of their Ambito. */
export const MIN_AREA_POPULATION = 1_000;
/** How a suppressed cell reads in a CSV file (Eurostat's flag for confidential). */
export const SUPPRESSED = 'c';

export interface DatasetDefinition {
  id: string;
  title: string;
  description: string;
  /** Tables of one universe count the same people, so they share their totals. */
  universe: 'requests' | 'people' | 'cases-opened' | 'cases-closed';
  source:
    | { kind: 'requests'; dimension: RequestDimension }
    | { kind: 'people'; dimension: BeneficiaryDimension }
    | { kind: 'cases'; event: 'opened' | 'closed' };
  column: string;
  columnDescription: string;
  valueDescription: string;
}

const REQUESTS = 'Richieste di aiuto ricevute nell’anno (CremonAiuta), per comune della richiesta';
const PEOPLE = 'Persone raggiunte da almeno una richiesta di aiuto nell’anno, per comune di residenza';
const CASES = 'Fascicoli sociali (prese in carico) per comune della persona';

export const DATASETS: readonly DatasetDefinition[] = [
  {
    id: 'requests-by-type',
    title: 'Richieste di aiuto per tipo di intervento',
    description: `${REQUESTS} e tipo di intervento.`,
    universe: 'requests',
    source: { kind: 'requests', dimension: 'type' },
    column: 'tipo_intervento',
    columnDescription: 'Tipo di intervento richiesto',
    valueDescription: 'Numero di richieste',
  },
  {
    id: 'requests-by-channel',
    title: 'Richieste di aiuto per canale',
    description: `${REQUESTS} e canale di arrivo.`,
    universe: 'requests',
    source: { kind: 'requests', dimension: 'channel' },
    column: 'canale',
    columnDescription: 'Canale da cui è arrivata la richiesta',
    valueDescription: 'Numero di richieste',
  },
  {
    id: 'requests-by-urgency',
    title: 'Richieste di aiuto per urgenza',
    description: `${REQUESTS} e urgenza assegnata.`,
    universe: 'requests',
    source: { kind: 'requests', dimension: 'urgency' },
    column: 'urgenza',
    columnDescription: 'Urgenza della richiesta',
    valueDescription: 'Numero di richieste',
  },
  {
    id: 'requests-by-outcome',
    title: 'Richieste di aiuto per esito',
    description: `${REQUESTS} e stato alla data di pubblicazione.`,
    universe: 'requests',
    source: { kind: 'requests', dimension: 'outcome' },
    column: 'esito',
    columnDescription: 'Esito o stato della richiesta alla pubblicazione',
    valueDescription: 'Numero di richieste',
  },
  {
    id: 'people-reached-by-age-band',
    title: 'Persone raggiunte per fascia d’età',
    description: `${PEOPLE} e fascia d’età al 31 dicembre.`,
    universe: 'people',
    source: { kind: 'people', dimension: 'ageBand' },
    column: 'fascia_eta',
    columnDescription: 'Fascia d’età al 31 dicembre dell’anno',
    valueDescription: 'Numero di persone',
  },
  {
    id: 'people-reached-by-sex',
    title: 'Persone raggiunte per sesso',
    description: `${PEOPLE} e sesso.`,
    universe: 'people',
    source: { kind: 'people', dimension: 'sex' },
    column: 'sesso',
    columnDescription: 'Sesso',
    valueDescription: 'Numero di persone',
  },
  {
    id: 'people-reached-by-household',
    title: 'Persone raggiunte per tipo di nucleo familiare',
    description: `${PEOPLE} e tipo di nucleo (da solo, 2 persone, 3 o più).`,
    universe: 'people',
    source: { kind: 'people', dimension: 'household' },
    column: 'nucleo',
    columnDescription: 'Tipo di nucleo familiare',
    valueDescription: 'Numero di persone',
  },
  {
    id: 'cases-opened-by-area',
    title: 'Fascicoli sociali aperti per area',
    description: `${CASES} aperti nell’anno, per area di intervento.`,
    universe: 'cases-opened',
    source: { kind: 'cases', event: 'opened' },
    column: 'area',
    columnDescription: 'Area di intervento del servizio sociale',
    valueDescription: 'Numero di fascicoli (una persona ciascuno)',
  },
  {
    id: 'cases-closed-by-area',
    title: 'Fascicoli sociali chiusi per area',
    description: `${CASES} chiusi nell’anno, per area di intervento.`,
    universe: 'cases-closed',
    source: { kind: 'cases', event: 'closed' },
    column: 'area',
    columnDescription: 'Area di intervento del servizio sociale',
    valueDescription: 'Numero di fascicoli (una persona ciascuno)',
  },
];

export interface AreaOfComune extends Area {
  name: string;
}

/** The rows of a territory's tables: its comuni, small ones grouped, in name order, groups last. */
export function areasOf(comuni: readonly AreaOfComune[]): {
  rows: { code: string; name: string }[];
  rowOf: Map<string, string>;
} {
  const published = groupSmallAreas(comuni, MIN_AREA_POPULATION);
  const rows = new Map<string, string>();
  for (const comune of comuni) {
    const area = published.get(comune.code)!;
    rows.set(area.code, area.name);
  }
  const ordered = [...rows]
    .map(([code, name]) => ({ code, name }))
    .sort(
      (a, b) =>
        Number(a.code.startsWith('altri-')) - Number(b.code.startsWith('altri-')) ||
        a.name.localeCompare(b.name, 'it'),
    );
  return { rows: ordered, rowOf: new Map([...published].map(([code, area]) => [code, area.code])) };
}

/** Counts by comune and category → one table of areas × categories (every category, zeros too). */
export function countTable(
  definition: DatasetDefinition,
  areas: ReturnType<typeof areasOf>,
  categories: readonly { key: string }[],
  counts: readonly ComuneCount[],
): CountTable {
  const rowIndex = new Map(areas.rows.map((row, i) => [row.code, i]));
  const columnIndex = new Map(categories.map((category, i) => [category.key, i]));
  const cells = areas.rows.map(() => categories.map(() => 0));
  for (const { comuneCode, category, count } of counts) {
    const r = rowIndex.get(areas.rowOf.get(comuneCode) ?? '');
    const c = columnIndex.get(category);
    if (r === undefined || c === undefined)
      throw new Error(`${definition.id}: ${comuneCode}/${category} has no cell`);
    cells[r]![c]! += count;
  }
  return {
    id: definition.id,
    universe: definition.universe,
    rowDimension: 'comune',
    columnDimension: definition.column,
    rowKeys: areas.rows.map((row) => row.code),
    columnKeys: categories.map((category) => category.key),
    counts: cells,
  };
}

export const TOTAL_CODE = 'TOTALE';

/** The data dictionary of a dataset's CSV. */
export function columnsOf(
  definition: DatasetDefinition,
): { name: string; type: 'string' | 'integer'; description: string }[] {
  return [
    { name: 'anno', type: 'integer', description: 'Anno di riferimento' },
    {
      name: 'territorio',
      type: 'string',
      description: 'Territorio della pubblicazione (provincia o Ambito)',
    },
    {
      name: 'comune_istat',
      type: 'string',
      description: `Codice ISTAT del comune; "altri-<Ambito>" per i comuni sotto ${MIN_AREA_POPULATION} abitanti pubblicati insieme; "${TOTAL_CODE}" per il totale del territorio`,
    },
    { name: 'comune', type: 'string', description: 'Nome del comune o del gruppo di comuni' },
    {
      name: `${definition.column}_codice`,
      type: 'string',
      description: `${definition.columnDescription}: codice ("${TOTAL_CODE}" per il totale)`,
    },
    { name: definition.column, type: 'string', description: definition.columnDescription },
    {
      name: 'valore',
      type: 'integer',
      description: `${definition.valueDescription}; "${SUPPRESSED}" = dato riservato (meno di 5 persone, o tale da rivelarne uno)`,
    },
  ];
}

/** A published table as tidy CSV: one line per area × category, then the totals. */
export function csvOf(
  definition: DatasetDefinition,
  year: number,
  territoryName: string,
  rows: readonly { code: string; name: string }[],
  categories: readonly { key: string; label: string }[],
  table: PublishedTable,
): string {
  const shown = (value: number | null) => (value === null ? SUPPRESSED : String(value));
  const lines: string[][] = [];
  const total = { key: TOTAL_CODE, label: 'Totale' };
  rows.forEach((area, r) => {
    categories.forEach((category, c) =>
      lines.push([
        String(year),
        territoryName,
        area.code,
        area.name,
        category.key,
        category.label,
        shown(table.cells[r]![c]!),
      ]),
    );
    lines.push([
      String(year),
      territoryName,
      area.code,
      area.name,
      total.key,
      total.label,
      shown(table.rowTotals[r]!),
    ]);
  });
  categories.forEach((category, c) =>
    lines.push([
      String(year),
      territoryName,
      TOTAL_CODE,
      'Totale territorio',
      category.key,
      category.label,
      shown(table.columnTotals[c]!),
    ]),
  );
  lines.push([
    String(year),
    territoryName,
    TOTAL_CODE,
    'Totale territorio',
    total.key,
    total.label,
    shown(table.total),
  ]);
  return stringify(lines, { header: true, columns: columnsOf(definition).map((column) => column.name) });
}
