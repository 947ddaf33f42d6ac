import ExcelJS from 'exceljs';
import { AppError, invalid } from '../errors.js';
import { readUploadedCsv } from '../http/csv.js';
import { storableText } from '../http/text.js';
import { IMPORT_CONTENT_TYPES } from '../../../../shared/src/imports/imports.schemas.js';

/*
 * Reading a spreadsheet people upload to import records (volunteers, budget lines and expenses):
 * CSV (any of `;`, `,`, tab, as Excel or a bank writes it) or the first worksheet of an .xlsx. Pure:
 * the file comes in as bytes, rows go out as text by column, each with the line of the file it was
 * on, for a per-row report. A module says which columns it reads (`SheetSpec`); the header is
 * matched whatever the case, accents, spaces or order, and a wrong header refuses the whole file.
 */

export type ImportFileKind = 'csv' | 'xlsx';

/** The kind of file from the request's Content-Type; null for any other. */
export function importFileKindOf(contentType: string | undefined): ImportFileKind | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === IMPORT_CONTENT_TYPES.csv) return 'csv';
  if (type === IMPORT_CONTENT_TYPES.xlsx) return 'xlsx';
  return null;
}

/** The columns a module reads. */
export interface SheetSpec<C extends string> {
  columns: readonly C[];
  required: readonly C[];
  /** Other names people give the same column (already folded: lower case, `_` for spaces). */
  aliases?: Readonly<Record<string, C>>;
  /** What the rows are, for the message of an empty file: «righe di volontari». */
  rowsName: string;
  maxRows: number;
}

export interface SheetRow<C extends string> {
  /** Line of the file (the header is line 1), as the person sees it in the spreadsheet. */
  row: number;
  values: Partial<Record<C, string>>;
}

export const unsupportedImportType = () =>
  new AppError(
    415,
    'IMPORT_FILE_TYPE',
    `Carica il file come CSV (${IMPORT_CONTENT_TYPES.csv}) oppure come foglio Excel .xlsx (${IMPORT_CONTENT_TYPES.xlsx}).`,
  );

export const unreadableFile = (kind: ImportFileKind) =>
  invalid(
    'IMPORT_FILE_UNREADABLE',
    kind === 'csv'
      ? 'Il file non è un CSV leggibile: salvalo come «CSV UTF-8» con la prima riga di intestazione.'
      : 'Il file non è un foglio Excel .xlsx leggibile.',
  );

export const emptyImport = (rowsName: string) =>
  invalid('IMPORT_EMPTY', `Il file non contiene ${rowsName} sotto l’intestazione.`);

export const tooManyRows = (max: number) =>
  invalid('IMPORT_TOO_MANY_ROWS', `Il file contiene più di ${max} righe: dividilo in più file.`);

/** A header as typed → its folded key: «Data di nascita» → `data_di_nascita`. */
function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Header name as typed → the column it means, or null when unknown. */
export function columnOf<C extends string>(spec: SheetSpec<C>, header: string): C | null {
  const key = headerKey(header);
  if ((spec.columns as readonly string[]).includes(key)) return key as C;
  return spec.aliases?.[key] ?? null;
}

/**
 * Maps the header row to columns.
 * @throws 422 IMPORT_COLUMNS naming the missing, unknown or repeated columns.
 */
export function mapHeaders<C extends string>(spec: SheetSpec<C>, headers: readonly string[]): (C | null)[] {
  const problems: string[] = [];
  const seen = new Set<C>();
  const mapped = headers.map((header) => {
    if (!header.trim()) return null;
    const column = columnOf(spec, header);
    if (!column) problems.push(`colonna «${header.trim()}» non prevista`);
    else if (seen.has(column)) problems.push(`colonna «${column}» ripetuta`);
    else seen.add(column);
    return column;
  });
  const missing = spec.required.filter((c) => !seen.has(c));
  if (missing.length > 0)
    problems.unshift(`mancano le colonne obbligatorie ${missing.map((c) => `«${c}»`).join(', ')}`);
  if (problems.length > 0) {
    throw invalid(
      'IMPORT_COLUMNS',
      `Intestazione del file non valida: ${problems.join('; ')}. Colonne ammesse: ${spec.columns.join(', ')}.`,
      { problems },
    );
  }
  return mapped;
}

function toRows<C extends string>(
  spec: SheetSpec<C>,
  headers: readonly string[],
  records: { row: number; cells: string[] }[],
): SheetRow<C>[] {
  const columns = mapHeaders(spec, headers.map(storableText));
  const rows: SheetRow<C>[] = [];
  for (const { row, cells } of records) {
    if (cells.every((c) => !c.trim())) continue;
    const values: SheetRow<C>['values'] = {};
    columns.forEach((column, i) => {
      // A NUL byte or a lone surrogate cannot be stored: dropped or replaced, as a person would not see them.
      if (column) values[column] = storableText(cells[i] ?? '').trim();
    });
    rows.push({ row, values });
  }
  if (rows.length === 0) throw emptyImport(spec.rowsName);
  if (rows.length > spec.maxRows) throw tooManyRows(spec.maxRows);
  return rows;
}

/**
 * Reads a CSV file.
 * @throws 422 for an unreadable file, a bad header, no rows or too many rows.
 */
export function readCsvSheet<C extends string>(spec: SheetSpec<C>, bytes: Uint8Array): SheetRow<C>[] {
  const records = readUploadedCsv(bytes);
  if (!records) throw unreadableFile('csv');
  const [header, ...data] = records;
  if (!header) throw emptyImport(spec.rowsName);
  return toRows(
    spec,
    header.cells,
    data.map((r) => ({ row: r.line, cells: r.cells })),
  );
}

/** The text a person sees in a cell, whatever Excel stored behind it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'si' : 'no';
  // Excel stores a date as the local calendar day at midnight UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  return '';
}

/**
 * Reads the first worksheet of an .xlsx file; the first non-empty row is the header.
 * @throws 422 for an unreadable file, a bad header, no rows or too many rows.
 */
export async function readXlsxSheet<C extends string>(
  spec: SheetSpec<C>,
  bytes: Uint8Array,
): Promise<SheetRow<C>[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw unreadableFile('xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw emptyImport(spec.rowsName);
  let headers: string[] | null = null;
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const width = Math.max(row.cellCount, headers?.length ?? 0);
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    if (headers === null) headers = cells;
    else records.push({ row: row.number, cells });
  });
  if (headers === null) throw emptyImport(spec.rowsName);
  return toRows(spec, headers, records);
}

export async function readSheet<C extends string>(
  spec: SheetSpec<C>,
  kind: ImportFileKind,
  bytes: Uint8Array,
): Promise<SheetRow<C>[]> {
  return kind === 'csv' ? readCsvSheet(spec, bytes) : readXlsxSheet(spec, bytes);
}
