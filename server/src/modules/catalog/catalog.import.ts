import { unzipSync } from 'fflate';
import { readUploadedCsv } from '../../platform/http/csv.js';
import { invalid } from '../../platform/errors.js';
import { resolveComune, type ComuneLookup } from '../../platform/imports/comuni.js';
import { readCsvSheet, type SheetSpec } from '../../platform/imports/sheet.js';
import { TARGET_GROUPS, type ServiceInput } from '../../../../shared/src/catalog/catalog.schemas.js';
import { foldSearchText } from './catalog.service.js';

/*
 * Reading a provider's services from a file, pure: an Open Referral HSDS 3.0 CSV data package (a zip
 * of services.csv with its cost_options, service_areas, attributes + taxonomy_terms, schedules and
 * required_documents) or a plain CSV with one service a line. Both become rows of the same named
 * cells, checked one by one by the job (parseServiceRow) so each row gets its own outcome. The plain
 * CSV is read as every import reads a sheet (platform/imports/sheet.ts: header in any case, accents
 * or order, a wrong header refuses the file, a cap on the rows).
 */

export type CatalogImportKind = 'csv' | 'hsds';

export const IMPORT_FORMAT_DESCRIPTION =
  'CSV semplice, una riga per servizio, con le colonne nome, descrizione, categoria (codice o nome della tassonomia), ' +
  'unita (ora, pasto, viaggio, seduta, mese, prestazione), prezzo_listino e prezzo_calmierato (euro), comuni (codici ISTAT ' +
  'o nomi separati da |), e facoltative destinatari, orari, documenti (separati da |), capacita e periodo_capacita ' +
  '(giorno, settimana, mese); oppure un pacchetto dati HSDS 3.0 in CSV (zip con services.csv, cost_options.csv, ' +
  'service_areas.csv, attributes.csv, taxonomy_terms.csv, schedules.csv, required_documents.csv). I servizi importati ' +
  'attendono la moderazione.';

export type ImportCells = Record<string, string>;

const COLUMNS = [
  'nome',
  'descrizione',
  'categoria',
  'unita',
  'prezzo_listino',
  'prezzo_calmierato',
  'comuni',
  'destinatari',
  'orari',
  'documenti',
  'capacita',
  'periodo_capacita',
] as const;

/** The plain CSV's columns, for the shared sheet reader. */
export const PLAIN_CSV_SPEC: SheetSpec<(typeof COLUMNS)[number]> = {
  columns: COLUMNS,
  required: ['nome', 'categoria', 'prezzo_listino', 'prezzo_calmierato', 'comuni'],
  aliases: { capacity: 'capacita', periodo: 'periodo_capacita', comune: 'comuni' },
  rowsName: 'servizi',
  maxRows: 5000,
};

const fileError = (message: string) => invalid('IMPORT_FILE_INVALID', message, { field: 'file' });

/** Records of one CSV of an HSDS package as objects keyed by the folded header. */
function records(bytes: Uint8Array, name: string): Record<string, string>[] {
  const rows = readUploadedCsv(bytes);
  if (!rows || rows.length === 0) throw fileError(`Il file ${name} non è un CSV leggibile.`);
  const header = rows[0]!.cells.map((h) => foldSearchText(h).replace(/ /g, '_'));
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()])));
}

/**
 * The rows of a plain CSV by line, every column present (empty when the file lacks it).
 * @throws 422 (IMPORT_COLUMNS, IMPORT_EMPTY, IMPORT_FILE_UNREADABLE, IMPORT_TOO_MANY_ROWS) as any import.
 */
export function readPlainCsv(bytes: Uint8Array): { row: number; cells: ImportCells }[] {
  return readCsvSheet(PLAIN_CSV_SPEC, bytes).map((r) => ({
    row: r.row,
    cells: Object.fromEntries(COLUMNS.map((c) => [c, r.values[c] ?? ''])),
  }));
}

const UNIT_WORDS: [RegExp, string][] = [
  [/\bor[ae]\b|hour/, 'ora'],
  [/\bpast[oi]\b|meal/, 'pasto'],
  [/viaggi|trasport|trip/, 'viaggio'],
  [/sedut|session|incontr/, 'seduta'],
  [/\bmes[ei]\b|month/, 'mese'],
];

/**
 * The rows of an HSDS 3.0 CSV data package, one per service of services.csv, in its order.
 * Prices: the cost options named «listino» and «calmierato» (as Legami publishes them), else the
 * first cost option for both. Category: the service's attribute whose taxonomy term has the code (or
 * name) of a Legami category. Comuni: the service areas' extent (ISTAT code) or name.
 * @throws 422 when the zip or its services.csv cannot be read.
 */
export function readHsdsPackage(bytes: Uint8Array): { row: number; cells: ImportCells }[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw fileError('Il pacchetto non è un file zip leggibile.');
  }
  const byName = new Map(Object.entries(files).map(([path, data]) => [path.split('/').pop()!, data]));
  const table = (name: string) => {
    const data = byName.get(name);
    return data ? records(data, name) : [];
  };
  if (!byName.has('services.csv')) throw fileError('Il pacchetto non contiene services.csv.');
  const services = table('services.csv');
  if (services.length === 0) throw fileError('services.csv non contiene servizi.');
  const of = (rows: Record<string, string>[], key: string) => {
    const map = new Map<string, Record<string, string>[]>();
    for (const r of rows) map.set(r[key] ?? '', [...(map.get(r[key] ?? '') ?? []), r]);
    return map;
  };
  const costs = of(table('cost_options.csv'), 'service_id');
  const areas = of(table('service_areas.csv'), 'service_id');
  const schedules = of(table('schedules.csv'), 'service_id');
  const documents = of(table('required_documents.csv'), 'service_id');
  const attributes = of(table('attributes.csv'), 'link_id');
  const terms = new Map(table('taxonomy_terms.csv').map((t) => [t.id ?? '', t]));
  const euros = (amount: string | undefined) => (amount ?? '').replace('.', ',');
  return services.map((s, i) => {
    const id = s.id ?? '';
    const options = costs.get(id) ?? [];
    const named = (word: string) => options.find((o) => foldSearchText(o.option ?? '').includes(word));
    const list = named('listino') ?? options[0];
    const capped = named('calmierato') ?? list;
    const description = foldSearchText(capped?.amount_description ?? '');
    const category = (attributes.get(id) ?? [])
      .map((a) => terms.get(a.taxonomy_term_id ?? ''))
      .map((t) => t?.code || t?.name || '')
      .find((c) => c !== '');
    return {
      // The services.csv line: its header is line 1.
      row: i + 2,
      cells: {
        nome: s.name ?? '',
        descrizione: s.description ?? '',
        categoria: category ?? '',
        unita: UNIT_WORDS.find(([re]) => re.test(description))?.[1] ?? 'prestazione',
        prezzo_listino: euros(list?.amount),
        prezzo_calmierato: euros(capped?.amount),
        comuni: (areas.get(id) ?? []).map((a) => a.extent || a.name || '').join('|'),
        destinatari: '',
        orari: (schedules.get(id) ?? []).map((x) => x.description ?? '').join(' '),
        documenti: (documents.get(id) ?? []).map((d) => d.document ?? '').join('|'),
        capacita: '',
        periodo_capacita: '',
      },
    };
  });
}

const UNITS: Record<string, ServiceInput['unit']> = {
  ora: 'hour',
  hour: 'hour',
  pasto: 'meal',
  meal: 'meal',
  viaggio: 'trip',
  trip: 'trip',
  seduta: 'session',
  session: 'session',
  mese: 'month',
  month: 'month',
  prestazione: 'service',
  service: 'service',
};
const PERIODS: Record<string, 'day' | 'week' | 'month'> = {
  giorno: 'day',
  day: 'day',
  settimana: 'week',
  week: 'week',
  mese: 'month',
  month: 'month',
};

export interface ImportLookups {
  /** Category code or folded Italian name → category id. */
  categories: ReadonlyMap<string, string>;
  /** The comuni of the province, by name or ISTAT code (the shared lookup of imports). */
  comuni: ComuneLookup;
}

/** Euros as people write them ("12,50", "12.50", "12") → cents; null when not an amount. */
export function euroCents(value: string): number | null {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(value.replace(/\s|€/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const list = (value: string) =>
  value
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * One row's service, or the reason it is refused, naming the column (never echoing the value).
 * The provider's territory, prices against each other and the category's existence are checked
 * again by the service's own rules when the row is saved.
 */
export function parseServiceRow(
  cells: ImportCells,
  lookups: ImportLookups,
): { ok: true; input: Omit<ServiceInput, 'providerId'> } | { ok: false; reason: string } {
  const refuse = (column: string, why: string) => ({
    ok: false as const,
    reason: `Colonna «${column}»: ${why}`,
  });
  const name = (cells.nome ?? '').trim();
  if (name.length < 3 || name.length > 160) return refuse('nome', 'da 3 a 160 caratteri.');
  const description = (cells.descrizione ?? '').trim();
  if (description.length < 10 || description.length > 4000)
    return refuse('descrizione', 'da 10 a 4000 caratteri.');
  const categoryKey = cells.categoria ?? '';
  const categoryId =
    lookups.categories.get(categoryKey) ?? lookups.categories.get(foldSearchText(categoryKey));
  if (!categoryId) return refuse('categoria', 'non è una categoria del catalogo.');
  const unit = UNITS[foldSearchText(cells.unita ?? '') || 'prestazione'];
  if (!unit) return refuse('unita', 'ora, pasto, viaggio, seduta, mese o prestazione.');
  const listPriceCents = euroCents(cells.prezzo_listino ?? '');
  if (listPriceCents === null) return refuse('prezzo_listino', 'un importo in euro, per esempio 12,50.');
  const cappedPriceCents = euroCents(cells.prezzo_calmierato ?? '');
  if (cappedPriceCents === null) return refuse('prezzo_calmierato', 'un importo in euro, per esempio 9,80.');
  const comuni: string[] = [];
  for (const c of list(cells.comuni ?? '')) {
    const code = resolveComune(lookups.comuni, c);
    if (!code) return refuse('comuni', 'un comune non è della provincia di Cremona.');
    if (!comuni.includes(code)) comuni.push(code);
  }
  if (comuni.length === 0) return refuse('comuni', 'almeno un comune servito.');
  const targetGroups = list(cells.destinatari ?? '').map(foldSearchText);
  if (targetGroups.some((t) => !(TARGET_GROUPS as readonly string[]).includes(t)))
    return refuse('destinatari', `${TARGET_GROUPS.join(', ')}.`);
  let capacity: number | null = null;
  let capacityPeriod: 'day' | 'week' | 'month' | null = null;
  if ((cells.capacita ?? '') !== '' || (cells.periodo_capacita ?? '') !== '') {
    capacity = /^\d{1,6}$/.test(cells.capacita ?? '') ? Number(cells.capacita) : null;
    if (!capacity) return refuse('capacita', 'un numero intero positivo, con il suo periodo.');
    capacityPeriod = PERIODS[foldSearchText(cells.periodo_capacita ?? '')] ?? null;
    if (!capacityPeriod) return refuse('periodo_capacita', 'giorno, settimana o mese.');
  }
  return {
    ok: true,
    input: {
      categoryId,
      name,
      description,
      targetGroups: targetGroups as ServiceInput['targetGroups'],
      comuni,
      schedule: (cells.orari ?? '').trim().slice(0, 400),
      unit,
      listPriceCents,
      cappedPriceCents,
      capacity,
      capacityPeriod,
      isMunicipal: false,
      municipalProgram: null,
      requiredDocuments: list(cells.documenti ?? '')
        .slice(0, 20)
        .map((d) => d.slice(0, 200)),
    },
  };
}
