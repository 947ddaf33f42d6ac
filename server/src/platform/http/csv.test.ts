import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { money, tableCsv, tableXlsx } from './download.js';
import { excelCsv, parseItalianDate, readUploadedCsv } from './csv.js';

describe('uploaded CSV files', () => {
  it('reads `;`, `,` and tab separated files, with or without BOM, with their line numbers', () => {
    const utf8 = new TextEncoder().encode('\uFEFFNome;Città\n\nMarìa;Crema\n');
    expect(readUploadedCsv(utf8)).toEqual([
      { line: 1, cells: ['Nome', 'Città'] },
      { line: 3, cells: ['Marìa', 'Crema'] },
    ]);
    expect(readUploadedCsv(new TextEncoder().encode('a,b\n"1,5",2\n'))![1]!.cells).toEqual(['1,5', '2']);
    expect(readUploadedCsv(new TextEncoder().encode('a\tb\n1\t2\n'))![1]!.cells).toEqual(['1', '2']);
  });

  it('falls back to Windows-1252, which Excel for Windows writes', () => {
    const latin = Uint8Array.from([
      0x43, 0x69, 0x74, 0x74, 0xe0, 0x0a, 0x50, 0x6f, 0x7a, 0x7a, 0x61, 0x67, 0x6c, 0x69, 0x6f,
    ]);
    expect(readUploadedCsv(latin)!.map((r) => r.cells[0])).toEqual(['Città', 'Pozzaglio']);
  });

  it('answers null for what is not CSV', () => {
    expect(readUploadedCsv(new TextEncoder().encode('a;b\n"unterminated;2\n'))).toBeNull();
  });

  it('writes what Italian Excel opens in columns', () => {
    expect(excelCsv([['a', 1.5]])).toBe('\uFEFFa;1.5\r\n');
  });
});

describe('dates in uploaded files', () => {
  it('reads Italian and ISO dates and refuses impossible ones', () => {
    expect(parseItalianDate('31/12/2026')).toBe('2026-12-31');
    expect(parseItalianDate('1.2.2026')).toBe('2026-02-01');
    expect(parseItalianDate('2026-02-01')).toBe('2026-02-01');
    expect(parseItalianDate('31/02/2026')).toBeNull();
    expect(parseItalianDate('domani')).toBeNull();
  });
});

describe('downloaded tables', () => {
  it('writes amounts in the reader’s decimal notation and keeps them numbers in XLSX', async () => {
    const table = [
      ['Voce', 'Valore'],
      ['Anticipato', money(1250)],
      ['Compiti', 3],
    ];
    expect(tableCsv(table, 'it')).toBe('\uFEFFVoce;Valore\r\nAnticipato;12,50\r\nCompiti;3\r\n');
    expect(tableCsv(table, 'en')).toContain('Anticipato;12.50');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx(table, 'Cabina: di regia')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Cabina  di regia');
    expect(sheet.getCell('B2').value).toBe(12.5);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00 "€"');
  });
});
