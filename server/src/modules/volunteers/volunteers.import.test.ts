import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import {
  comuneLookup,
  parseImportRow,
  readCsv,
  readXlsx,
  resolveComune,
  type SheetRow,
} from './volunteers.import.js';

const comuni = comuneLookup([
  { istatCode: '019036', name: 'Cremona' },
  { istatCode: '019006', name: 'Bonemerse' },
  { istatCode: '019048', name: "Gerre de' Caprioli" },
]);
const context = { comuni, today: '2026-11-23' };

const good: SheetRow['values'] = {
  nome: 'Giulia',
  cognome: 'Bassi',
  telefono: '333 1234567',
  email: 'giulia.bassi@volontari.example',
  comune: 'Cremona',
  codice_fiscale: 'BSSGLI90A41D150F',
  data_nascita: '01/01/1990',
  sesso: 'F',
  auto: 'si',
  patente: 'sì',
  lingue: 'inglese; francese',
  zone: 'Cremona; 019006',
  disponibilita: 'lun 9-12; mer 14-18',
  max_compiti_giorno: '4',
  assicurazione_scadenza: '31/12/2026',
  formazione_sanitaria: 'no',
};

function reasonOf(values: SheetRow['values']): string {
  const outcome = parseImportRow(values, context);
  if (outcome.ok) throw new Error('expected the row to be rejected');
  return outcome.reason;
}

describe('parseImportRow', () => {
  it('turns a complete row into a volunteer profile', () => {
    const outcome = parseImportRow(good, context);
    expect(outcome).toEqual({
      ok: true,
      profile: {
        givenName: 'Giulia',
        familyName: 'Bassi',
        codiceFiscale: 'BSSGLI90A41D150F',
        birthDate: '1990-01-01',
        phone: '333 1234567',
        email: 'giulia.bassi@volontari.example',
        comuneCode: '019036',
        hasCar: true,
        hasLicence: true,
        languages: ['inglese', 'francese'],
        skills: [],
        zones: ['019036', '019006'],
        neighbourhoods: [],
        availability: [
          { day: 1, from: '09:00', to: '12:00' },
          { day: 3, from: '14:00', to: '18:00' },
        ],
        maxTasksPerDay: 4,
        insuranceValidUntil: '2026-12-31',
        healthTraining: false,
        notes: null,
      },
    });
  });

  it('accepts a row with only the required columns, with defaults for the rest', () => {
    const outcome = parseImportRow(
      { nome: 'Ada', cognome: 'Rossi', telefono: '0372 123456', comune: '19036' },
      context,
    );
    expect(outcome.ok && outcome.profile).toMatchObject({
      comuneCode: '019036',
      hasCar: false,
      maxTasksPerDay: 5,
      availability: [],
    });
  });

  it('rejects a missing phone naming the column', () => {
    expect(reasonOf({ ...good, telefono: '' })).toBe('Colonna «telefono»: è obbligatoria ed è vuota.');
  });

  it('rejects an unknown comune quoting what was written', () => {
    expect(reasonOf({ ...good, comune: 'Cremna' })).toMatch(/^Colonna «comune»: comune «Cremna» non trovato/);
  });

  it('rejects a codice fiscale with a wrong check character without quoting it', () => {
    const reason = reasonOf({ ...good, codice_fiscale: 'BSSGLI90A41D150X' });
    expect(reason).toMatch(/^Colonna «codice_fiscale»: Il codice fiscale non è valido/);
    expect(reason).not.toContain('BSSGLI90A41D150X');
  });

  it('rejects a codice fiscale without birth date and sex to check it against', () => {
    expect(reasonOf({ ...good, data_nascita: '', sesso: '' })).toMatch(
      /Colonna «codice_fiscale»: per verificarlo servono/,
    );
  });

  it('rejects a yes/no column with another value', () => {
    expect(reasonOf({ ...good, auto: 'forse' })).toBe(
      'Colonna «auto»: valore «forse» non valido, scrivi si oppure no.',
    );
  });

  it('rejects an unreadable availability naming the entry', () => {
    expect(reasonOf({ ...good, disponibilita: 'lun 9-12; ogni tanto' })).toMatch(
      /^Colonna «disponibilita»: «ogni tanto»/,
    );
  });

  it('rejects a zone that is not a comune of the province', () => {
    expect(reasonOf({ ...good, zone: 'Cremona; Milano' })).toMatch(
      /^Colonna «zone»: comune «Milano» non trovato/,
    );
  });

  it('rejects an out-of-range daily task limit', () => {
    expect(reasonOf({ ...good, max_compiti_giorno: '99' })).toMatch(
      /^Colonna «max_compiti_giorno»: deve essere un numero intero da 1 a 50/,
    );
  });

  it('rejects an impossible date', () => {
    expect(reasonOf({ ...good, assicurazione_scadenza: '31/02/2026' })).toMatch(
      /^Colonna «assicurazione_scadenza»: data non valida/,
    );
  });

  it('rejects a minor', () => {
    expect(reasonOf({ ...good, codice_fiscale: '', data_nascita: '01/01/2012' })).toMatch(
      /^Colonna «data_nascita»: Per fare il volontario/,
    );
  });

  it('rejects a malformed email', () => {
    expect(reasonOf({ ...good, email: 'giulia@' })).toBe('Colonna «email»: non è un indirizzo email valido.');
  });

  it('reports every problem of a row at once', () => {
    const reason = reasonOf({ ...good, telefono: '', auto: 'boh' });
    expect(reason).toContain('«telefono»');
    expect(reason).toContain('«auto»');
  });
});

describe('resolveComune', () => {
  it('finds a comune by name ignoring case, accents and a province suffix, or by code', () => {
    expect(resolveComune(comuni, 'CREMONA (CR)')).toBe('019036');
    expect(resolveComune(comuni, "gerre de' caprioli")).toBe('019048');
    expect(resolveComune(comuni, '019006')).toBe('019006');
    expect(resolveComune(comuni, '999999')).toBeNull();
  });
});

describe('readCsv', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads a comma-separated file with a BOM and numbers rows as the spreadsheet does', () => {
    const rows = readCsv(
      bytes('\uFEFFnome,cognome,telefono,comune\nAda,Rossi,333 1,Cremona\n\nBruno,Verdi,333 2,Bonemerse\n'),
    );
    expect(rows).toEqual([
      { row: 2, values: { nome: 'Ada', cognome: 'Rossi', telefono: '333 1', comune: 'Cremona' } },
      { row: 4, values: { nome: 'Bruno', cognome: 'Verdi', telefono: '333 2', comune: 'Bonemerse' } },
    ]);
  });

  it('reads a semicolon-separated file as Excel in Italian writes it, with headers in any form', () => {
    const rows = readCsv(
      bytes(
        'Nome;Cognome;Telefono;Comune;Disponibilità\r\nAda;Rossi;333 1;Cremona;"lun 9-12; mer 14-18"\r\n',
      ),
    );
    expect(rows[0]?.values).toMatchObject({ nome: 'Ada', disponibilita: 'lun 9-12; mer 14-18' });
  });

  it('reads a Windows-1252 file', () => {
    const latin1 = Uint8Array.from(
      [...'nome,cognome,telefono,comune\nNicol']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xf2],
          [...',Rossi,333,Cremona\n'].map((c) => c.charCodeAt(0)),
        ),
    );
    expect(readCsv(latin1)[0]?.values.nome).toBe('Nicolò');
  });

  it('refuses a file without the required columns, listing them', () => {
    expect(() => readCsv(bytes('nome,cognome\nAda,Rossi\n'))).toThrow(
      /mancano le colonne obbligatorie «telefono», «comune»/,
    );
  });

  it('refuses an unknown column so that a typo does not lose data silently', () => {
    expect(() =>
      readCsv(bytes('nome,cognome,telefono,comune,disponibilta\nAda,Rossi,333,Cremona,lun 9-12\n')),
    ).toThrow(/colonna «disponibilta» non prevista/);
  });

  it('refuses a file with a header only', () => {
    expect(errorCodeOf(() => readCsv(bytes('nome,cognome,telefono,comune\n')))).toBe('IMPORT_EMPTY');
  });
});

describe('readXlsx', () => {
  it('reads the first worksheet, turning dates, numbers and links into text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Volontari');
    sheet.addRow([
      'Nome',
      'Cognome',
      'Telefono',
      'Email',
      'Comune',
      'Data nascita',
      'Auto',
      'Max compiti giorno',
    ]);
    sheet.addRow([
      'Ada',
      'Rossi',
      '333 1234567',
      { text: 'ada@volontari.example', hyperlink: 'mailto:ada@volontari.example' },
      19036,
      new Date(Date.UTC(1980, 4, 17)),
      true,
      3,
    ]);
    sheet.addRow([]);
    sheet.addRow(['Bruno', 'Verdi', '333 7654321', null, 'Bonemerse']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = await readXlsx(bytes);
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          nome: 'Ada',
          cognome: 'Rossi',
          telefono: '333 1234567',
          email: 'ada@volontari.example',
          comune: '19036',
          data_nascita: '1980-05-17',
          auto: 'si',
          max_compiti_giorno: '3',
        },
      },
      {
        row: 4,
        values: {
          nome: 'Bruno',
          cognome: 'Verdi',
          telefono: '333 7654321',
          email: '',
          comune: 'Bonemerse',
          data_nascita: '',
          auto: '',
          max_compiti_giorno: '',
        },
      },
    ]);
    expect(parseImportRow(rows[0]!.values, context)).toMatchObject({
      ok: true,
      profile: { comuneCode: '019036', birthDate: '1980-05-17', hasCar: true },
    });
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(readXlsx(new TextEncoder().encode('nome,cognome'))).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
    });
  });
});
