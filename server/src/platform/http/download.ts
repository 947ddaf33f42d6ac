import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { excelCsv } from './csv.js';

/** An amount of money in a table: written as euros with two decimals, kept as a number in XLSX. */
export interface MoneyCell {
  cents: number;
}
export type TableCell = string | number | null | MoneyCell;
/** A table to download: its first row is the header. */
export type Table = readonly (readonly TableCell[])[];

export type DownloadFormat = 'csv' | 'xlsx';
export type DownloadLocale = 'it' | 'en';

export const money = (cents: number): MoneyCell => ({ cents });
const isMoney = (cell: TableCell): cell is MoneyCell => typeof cell === 'object' && cell !== null;

/** Euros as the reader's spreadsheet reads them: `12,50` in Italian, `12.50` in English. */
function euros(cents: number, locale: DownloadLocale): string {
  const text = (cents / 100).toFixed(2);
  return locale === 'it' ? text.replace('.', ',') : text;
}

/** The table as CSV for Excel (`;`, BOM, CRLF), amounts in the reader's decimal notation. */
export function tableCsv(table: Table, locale: DownloadLocale): string {
  return excelCsv(table.map((row) => row.map((c) => (isMoney(c) ? euros(c.cents, locale) : c))));
}

/** The table as an XLSX workbook of one sheet: numbers and amounts stay numbers (amounts in € format). */
export async function tableXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name.
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  for (const row of table) {
    const added = sheet.addRow(row.map((c) => (isMoney(c) ? c.cents / 100 : c)));
    row.forEach((c, i) => {
      if (isMoney(c)) added.getCell(i + 1).numFmt = '#,##0.00 "€"';
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Sends a file to download: the content type of its format and an attachment named
 * `<baseName>.<format>`. The one way the server hands out CSV and XLSX files.
 */
export function sendDownload(
  reply: FastifyReply,
  baseName: string,
  format: DownloadFormat,
  body: string | Buffer,
): FastifyReply {
  const filename = `${baseName.replace(/[^\w.-]+/g, '-')}.${format}`;
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);
}

/** A table sent as CSV or XLSX, whichever was asked. */
export async function sendTable(
  reply: FastifyReply,
  options: {
    baseName: string;
    format: DownloadFormat;
    locale: DownloadLocale;
    sheetName: string;
    table: Table;
  },
): Promise<FastifyReply> {
  const body =
    options.format === 'xlsx'
      ? await tableXlsx(options.table, options.sheetName)
      : tableCsv(options.table, options.locale);
  return sendDownload(reply, options.baseName, options.format, body);
}
