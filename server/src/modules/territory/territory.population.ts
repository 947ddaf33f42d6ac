import { readUploadedCsv, type CsvRecord } from '../../platform/http/csv.js';
import { invalid } from '../../platform/errors.js';

/*
 * Reading ISTAT's "popolazione residente per età" CSV (demo.istat.it, POSAS: resident population on
 * 1 January by age and sex, comuni of a province) into the residents aged 65 and over of each comune.
 * Pure: bytes in, figures out. The file holds one row per comune and age:
 *
 *   Popolazione residente al 1° gennaio 2024 per età, sesso e stato civile - Provincia: Cremona   (title, optional)
 *   Codice comune;Comune;Età;Totale maschi;Totale femmine;Totale
 *   019001;Acquanegra Cremonese;0;5;4;9
 *   …
 *   019001;Acquanegra Cremonese;100 e oltre;0;1;1
 *   019001;Acquanegra Cremonese;999;560;556;1116        (999 or "Totale": the comune's total, skipped)
 *
 * Columns are found by name (case, accents and extra columns do not matter); without "Totale" the
 * sum of "Totale maschi" and "Totale femmine" is taken. "Over 65" means 65 and over, as ISTAT's
 * ageing indicators count them. The reference date is the 1 January of the title line, or given.
 * A malformed row refuses the whole file: a figure that steers money is imported whole or not at all.
 */

export interface PopulationByAge {
  /** YYYY-MM-DD: the day ISTAT counted the residents. */
  asOf: string;
  comuni: { istatCode: string; over65: number }[];
}

const ELDERLY_FROM_AGE = 65;
// A title line or two may precede the header; more than this is not the file we expect.
const MAX_TITLE_LINES = 5;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CODE_HEADERS = ['codice comune', 'codice istat', 'codice istat comune', 'cod comune'];

interface Columns {
  code: number;
  age: number;
  total: number[];
}

function columnsOf(cells: readonly string[]): Columns | null {
  const folded = cells.map(fold);
  const code = folded.findIndex((c) => CODE_HEADERS.includes(c));
  const age = folded.indexOf('eta');
  if (code < 0 || age < 0) return null;
  const total = folded.indexOf('totale');
  if (total >= 0) return { code, age, total: [total] };
  const males = folded.indexOf('totale maschi');
  const females = folded.indexOf('totale femmine');
  return males >= 0 && females >= 0 ? { code, age, total: [males, females] } : null;
}

const badFile = (message: string) => invalid('POPULATION_FILE_INVALID', message);

function count(value: string | undefined, line: number, column: string): number {
  const v = (value ?? '').trim().replace(/\.(?=\d{3}\b)/g, '');
  if (!/^\d+$/.test(v))
    throw badFile(`Riga ${line}: la colonna «${column}» non è un numero («${value ?? ''}»).`);
  return Number(v);
}

/** "67" → 67, "100 e oltre" / "100+" → 100, "999" / "Totale" → null (the comune's total row). */
function ageOf(value: string | undefined, line: number): number | null {
  const v = fold(value ?? '');
  if (v === '999' || v.startsWith('totale')) return null;
  // fold() has already turned "100+" into "100".
  const match = /^(\d{1,3})( e oltre| e piu)?$/.exec(v);
  if (!match) throw badFile(`Riga ${line}: la colonna «Età» non è un’età («${value ?? ''}»).`);
  return Number(match[1]);
}

function referenceDate(titles: readonly string[]): string | null {
  for (const title of titles) {
    const year = /1\s*[°º]?\s*gennaio\s+(\d{4})/i.exec(title)?.[1];
    if (year) return `${year}-01-01`;
  }
  return null;
}

function figuresOf(records: readonly CsvRecord[], columns: Columns): PopulationByAge['comuni'] {
  const over65 = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.every((c) => !c.trim())) continue;
    const code = (cells[columns.code] ?? '').trim();
    if (!/^\d{4,6}$/.test(code))
      throw badFile(`Riga ${line}: la colonna «Codice comune» non è un codice ISTAT («${code}»).`);
    const istatCode = code.padStart(6, '0');
    const age = ageOf(cells[columns.age], line);
    const residents = columns.total.reduce((sum, i) => sum + count(cells[i], line, 'Totale'), 0);
    const sofar = over65.get(istatCode) ?? 0;
    over65.set(istatCode, sofar + (age !== null && age >= ELDERLY_FROM_AGE ? residents : 0));
  }
  if (over65.size === 0) throw badFile('Il file non contiene righe di comuni.');
  return [...over65].map(([istatCode, n]) => ({ istatCode, over65: n }));
}

/**
 * Reads the residents aged 65 and over per comune from ISTAT's CSV.
 * @param asOf the reference date when the file's title does not give it
 * @throws 422 POPULATION_FILE_INVALID naming what is wrong (unreadable, no header, a bad row, no date)
 */
export function readPopulationByAge(bytes: Uint8Array, asOf?: string): PopulationByAge {
  const titles: string[] = [];
  let rest = bytes;
  for (let skipped = 0; skipped <= MAX_TITLE_LINES; skipped++) {
    const records = readUploadedCsv(rest);
    if (!records) throw badFile('Il file non è un CSV leggibile.');
    const columns = records[0] ? columnsOf(records[0].cells) : null;
    if (columns) {
      const date = asOf ?? referenceDate(titles);
      if (!date)
        throw badFile(
          'Il file non dice a che data si riferisce: indica la data (1° gennaio dell’anno) con --al AAAA-MM-GG.',
        );
      // Line numbers as the person sees them in the file, title lines included.
      const data = records.slice(1).map((r) => ({ ...r, line: r.line + skipped }));
      return { asOf: date, comuni: figuresOf(data, columns) };
    }
    const newline = rest.indexOf(0x0a);
    if (newline < 0) break;
    titles.push(new TextDecoder().decode(rest.subarray(0, newline)));
    rest = rest.subarray(newline + 1);
  }
  throw badFile(
    'Intestazione non trovata: servono le colonne «Codice comune», «Età» e «Totale» (oppure «Totale maschi» e «Totale femmine»).',
  );
}
