import { AppError } from '../../platform/errors.js';
import { parseItalianDate } from '../../platform/http/csv.js';
import {
  readCsvSheet,
  readSheet as readSheetOf,
  readXlsxSheet,
  type ImportFileKind,
  type SheetRow as PlatformSheetRow,
  type SheetSpec,
} from '../../platform/imports/sheet.js';
import { resolveComune, type ComuneLookup } from '../../platform/imports/comuni.js';
import { foldName, normalizeCodiceFiscale, validateCodiceFiscale } from '../people/index.js';
import {
  DEFAULT_MAX_TASKS_PER_DAY,
  normalizeTags,
  parseAvailabilityText,
  parseYesNo,
  validateVolunteerAge,
  type VolunteerProfile,
} from './volunteers.rules.js';

/*
 * Reading a volunteer list uploaded by an association (CSV or Excel .xlsx). Pure: the file comes
 * in as bytes, rows go out as values to store or as an Italian reason naming the column at fault.
 *
 * The first row holds the column names (case, accents and spaces do not matter; order is free):
 *
 *   nome*                  given name
 *   cognome*               family name
 *   telefono*              phone number
 *   email                  email address
 *   comune*                comune of residence: its name ("Cremona") or ISTAT code ("019036")
 *   codice_fiscale         checked against data_nascita and sesso, which it then requires
 *   data_nascita           GG/MM/AAAA or AAAA-MM-GG; volunteers must be adults
 *   sesso                  M or F
 *   auto                   si/no: has a car
 *   patente                si/no: has a driving licence
 *   lingue                 languages, separated by ";" ("inglese; francese")
 *   competenze             other skills, separated by ";"
 *   zone                   comuni where the volunteer helps, names or ISTAT codes separated by ";"
 *                          (empty = only the comune of residence)
 *   quartieri              preferred neighbourhoods, separated by ";"
 *   disponibilita          weekly availability, e.g. "lun 9-12; mer 14-18" or "lun-ven 9-12"
 *   max_compiti_giorno     1–50 (default 5)
 *   assicurazione_scadenza insurance valid until, GG/MM/AAAA
 *   formazione_sanitaria   si/no: trained for health risk (needed for Covid-positive households)
 *   note                   free notes
 * (* = required.) A CSV may be separated by commas or semicolons (Excel in Italian uses ";").
 */

export const IMPORT_COLUMNS = [
  'nome',
  'cognome',
  'telefono',
  'email',
  'comune',
  'codice_fiscale',
  'data_nascita',
  'sesso',
  'auto',
  'patente',
  'lingue',
  'competenze',
  'zone',
  'quartieri',
  'disponibilita',
  'max_compiti_giorno',
  'assicurazione_scadenza',
  'formazione_sanitaria',
  'note',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly ImportColumn[] = ['nome', 'cognome', 'telefono', 'comune'];

// Names people commonly give the same column.
const ALIASES: Readonly<Record<string, ImportColumn>> = {
  cf: 'codice_fiscale',
  codicefiscale: 'codice_fiscale',
  data_di_nascita: 'data_nascita',
  nato_il: 'data_nascita',
  e_mail: 'email',
  mail: 'email',
  cellulare: 'telefono',
  tel: 'telefono',
  comune_di_residenza: 'comune',
  comune_residenza: 'comune',
  automunito: 'auto',
  patente_di_guida: 'patente',
  lingue_parlate: 'lingue',
  disponibilita_settimanale: 'disponibilita',
  max_compiti: 'max_compiti_giorno',
  compiti_al_giorno: 'max_compiti_giorno',
  scadenza_assicurazione: 'assicurazione_scadenza',
  assicurazione: 'assicurazione_scadenza',
  formazione: 'formazione_sanitaria',
  note_interne: 'note',
};

/** The description of the file format, for the OpenAPI document. */
export const IMPORT_FORMAT_DESCRIPTION = [
  'Prima riga: intestazione con i nomi delle colonne (maiuscole, accenti e spazi non contano; ordine libero).',
  'Obbligatorie: nome, cognome, telefono, comune (nome o codice ISTAT).',
  'Facoltative: email, codice_fiscale (richiede data_nascita e sesso), data_nascita (GG/MM/AAAA), sesso (M/F),',
  'auto (si/no), patente (si/no), lingue (separate da ;), competenze (separate da ;), zone (comuni separati da ;),',
  'quartieri (separati da ;), disponibilita (es. "lun 9-12; mer 14-18" oppure "lun-ven 9-12"),',
  'max_compiti_giorno (1-50, predefinito 5), assicurazione_scadenza (GG/MM/AAAA), formazione_sanitaria (si/no), note.',
  'Il CSV può essere separato da virgole o da punti e virgola. Le righe valide sono registrate come volontari approvati',
  'dell’organizzazione indicata; le righe errate sono scartate con il motivo. Caricando il file il coordinatore attesta di',
  'aver raccolto il consenso al trattamento dei dati di ogni volontario.',
].join(' ');

// 5 MB of CSV is roughly 20,000 rows; a bigger list should be split to keep the report readable.
export const MAX_IMPORT_ROWS = 20_000;

/** The columns of a volunteer list, for the platform's sheet reader. */
export const VOLUNTEER_SHEET: SheetSpec<ImportColumn> = {
  columns: IMPORT_COLUMNS,
  required: REQUIRED_COLUMNS,
  aliases: ALIASES,
  rowsName: 'righe di volontari',
  maxRows: MAX_IMPORT_ROWS,
};

export type SheetRow = PlatformSheetRow<ImportColumn>;

/**
 * Reads a CSV volunteer list.
 * @throws 422 for an unreadable file, a bad header, no rows or too many rows.
 */
export const readCsv = (bytes: Uint8Array): SheetRow[] => readCsvSheet(VOLUNTEER_SHEET, bytes);

/**
 * Reads the first worksheet of an .xlsx volunteer list; the first non-empty row is the header.
 * @throws 422 for an unreadable file, a bad header, no rows or too many rows.
 */
export const readXlsx = (bytes: Uint8Array): Promise<SheetRow[]> => readXlsxSheet(VOLUNTEER_SHEET, bytes);

export const readSheet = (kind: ImportFileKind, bytes: Uint8Array): Promise<SheetRow[]> =>
  readSheetOf(VOLUNTEER_SHEET, kind, bytes);

export { comuneLookup, resolveComune, type ComuneLookup } from '../../platform/imports/comuni.js';

export type RowOutcome = { ok: true; profile: VolunteerProfile } | { ok: false; reason: string };

const PHONE = /^[+0-9 ./()-]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function list(value: string | undefined): string[] {
  return normalizeTags((value ?? '').split(/[;\n]/));
}

/**
 * Turns one row into a volunteer profile, or into the reason it is refused. Every problem of
 * the row is reported at once, each naming its column, so the person fixes the row in one go.
 * Values that identify a person (names, codice fiscale, contacts) are never quoted back.
 */
export function parseImportRow(
  values: SheetRow['values'],
  context: { comuni: ComuneLookup; today: string },
): RowOutcome {
  const problems: string[] = [];
  const fail = (column: ImportColumn, message: string) => problems.push(`Colonna «${column}»: ${message}`);
  const text = (column: ImportColumn) => (values[column] ?? '').trim();
  const required = (column: ImportColumn) => {
    const v = text(column);
    if (!v) fail(column, 'è obbligatoria ed è vuota.');
    return v;
  };
  const yesNo = (column: ImportColumn) => {
    const parsed = parseYesNo(text(column));
    if (parsed === null) fail(column, `valore «${text(column)}» non valido, scrivi si oppure no.`);
    return parsed ?? false;
  };
  const date = (column: ImportColumn) => {
    if (!text(column)) return null;
    const parsed = parseItalianDate(text(column));
    if (!parsed) fail(column, 'data non valida, scrivila come GG/MM/AAAA.');
    return parsed;
  };

  const givenName = required('nome');
  const familyName = required('cognome');
  if (givenName.length > 80) fail('nome', 'può avere al massimo 80 caratteri.');
  if (familyName.length > 80) fail('cognome', 'può avere al massimo 80 caratteri.');
  const phone = required('telefono');
  if (phone && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 5)) {
    fail('telefono', 'non è un numero di telefono valido (solo cifre, spazi e il prefisso +).');
  }
  const email = text('email') || null;
  if (email && (!EMAIL.test(email) || email.length > 200)) fail('email', 'non è un indirizzo email valido.');

  const comuneText = required('comune');
  const comuneCode = comuneText ? resolveComune(context.comuni, comuneText) : null;
  if (comuneText && !comuneCode)
    fail('comune', `comune «${comuneText}» non trovato: scrivi il nome o il codice ISTAT.`);

  const birthDate = date('data_nascita');
  if (birthDate) {
    try {
      validateVolunteerAge(birthDate, context.today);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      fail('data_nascita', error.message);
    }
  }
  const sexText = foldName(text('sesso'));
  const sex = ['m', 'maschio', 'uomo'].includes(sexText)
    ? 'M'
    : ['f', 'femmina', 'donna'].includes(sexText)
      ? 'F'
      : null;
  if (sexText && !sex) fail('sesso', 'scrivi M oppure F.');

  let codiceFiscale: string | null = null;
  if (text('codice_fiscale')) {
    if (!birthDate || !sex) {
      if (!problems.some((p) => p.includes('«data_nascita»') || p.includes('«sesso»'))) {
        fail('codice_fiscale', 'per verificarlo servono anche le colonne data_nascita e sesso compilate.');
      }
    } else {
      try {
        codiceFiscale = validateCodiceFiscale(text('codice_fiscale'), { birthDate, sex });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        fail('codice_fiscale', error.message);
      }
    }
  }

  const hasCar = yesNo('auto');
  const hasLicence = yesNo('patente');
  const healthTraining = yesNo('formazione_sanitaria');
  const languages = list(values.lingue);
  const skills = list(values.competenze);
  const neighbourhoods = list(values.quartieri);
  for (const [column, tags] of [
    ['lingue', languages],
    ['competenze', skills],
    ['quartieri', neighbourhoods],
  ] as const) {
    if (tags.some((t) => t.length > 60)) fail(column, 'ogni voce può avere al massimo 60 caratteri.');
  }

  const zones: string[] = [];
  for (const zone of list(values.zone)) {
    const code = resolveComune(context.comuni, zone);
    if (code) {
      if (!zones.includes(code)) zones.push(code);
    } else {
      fail(
        'zone',
        `comune «${zone}» non trovato: scrivi il nome o il codice ISTAT, separati da punto e virgola.`,
      );
    }
  }

  let availability: VolunteerProfile['availability'] = [];
  if (text('disponibilita')) {
    try {
      availability = parseAvailabilityText(text('disponibilita'));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      fail('disponibilita', error.message);
    }
  }

  let maxTasksPerDay = DEFAULT_MAX_TASKS_PER_DAY;
  if (text('max_compiti_giorno')) {
    const n = Number(text('max_compiti_giorno'));
    if (!Number.isInteger(n) || n < 1 || n > 50)
      fail('max_compiti_giorno', 'deve essere un numero intero da 1 a 50.');
    else maxTasksPerDay = n;
  }
  const insuranceValidUntil = date('assicurazione_scadenza');
  const notes = text('note') || null;
  if (notes && notes.length > 1000) fail('note', 'può avere al massimo 1000 caratteri.');

  if (problems.length > 0) return { ok: false, reason: problems.join(' ') };
  return {
    ok: true,
    profile: {
      givenName,
      familyName,
      codiceFiscale: codiceFiscale ? normalizeCodiceFiscale(codiceFiscale) : null,
      birthDate,
      phone,
      email,
      comuneCode: comuneCode!,
      hasCar,
      hasLicence,
      languages,
      skills,
      zones,
      neighbourhoods,
      availability,
      maxTasksPerDay,
      insuranceValidUntil,
      healthTraining,
      notes,
    },
  };
}
