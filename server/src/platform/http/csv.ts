import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV as Italian Excel opens it: `;` between fields (the comma is the decimal separator there),
 * a UTF-8 byte-order mark so accented letters survive, CRLF line ends.
 */
export function excelCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return (
    '\uFEFF' +
    stringify(rows as (string | number | null)[][], { delimiter: ';', record_delimiter: 'windows' })
  );
}

/** UTF-8 (with or without BOM), falling back to Windows-1252, which Excel for Windows still writes. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of the header line: whichever of `;`, `,` and tab occurs most outside quotes. */
function delimiterOf(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** One record of an uploaded CSV with the line of the file it starts on (for per-row reports). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads a CSV file as people upload it (Excel's or a bank's export: any of `;`, `,`, tab, any
 * encoding Excel writes, with or without BOM). Returns null when the file is not CSV at all.
 */
export function readUploadedCsv(bytes: Uint8Array): CsvRecord[] | null {
  const text = decode(bytes);
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch {
    return null;
  }
}

/**
 * A calendar date as people write it in Italy or as a spreadsheet exports it:
 * `31/12/2026`, `1/2/2026`, `31-12-2026`, `31.12.2026` or `2026-12-31`.
 * @returns `YYYY-MM-DD`, or null when it is not a real date.
 */
export function parseItalianDate(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : it
      ? [Number(it[3]), Number(it[2]), Number(it[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
