import { parseItalianDate } from '../../platform/http/csv.js';
import type { SheetRow, SheetSpec } from '../../platform/imports/sheet.js';
import { parseEuroCents } from './bank-statement.js';
import type { SourceType } from './funds.rules.js';

/*
 * Reading a project's budget lines and expenses from a spreadsheet (CSV or Excel .xlsx). Pure: a
 * row goes in as text by column, out as the operation to apply or as an Italian reason naming the
 * column at fault. One file may hold both: rows are applied in the order of the file, so an expense
 * may draw on a line created by an earlier row.
 *
 *   tipo*         voce (a budget line of the plan), spesa (an expense) or impegno (a commitment)
 *   voce*         the line's name: the new line's for «voce», the line spent on for «spesa»/«impegno»
 *   importo*      euro, as people write it: 1.234,56 — 1234.56 — € 1.000
 *   azione        the action's code (1, 2, 2B…)                                    (voce)
 *   partner       the budget-holding partner, by name as in the project             (voce)
 *   periodo       the budget period, by its label («Anno 1», «Anni 2–3»)            (voce)
 *   fonte*        contributo, cofinanziamento or donazioni                          (voce)
 *   tetto         a cap in euro for the line                                        (voce)
 *   comune        ISTAT code or name: a comune's line instead of a project-wide one (voce)
 *   data*         GG/MM/AAAA                                                        (spesa, impegno)
 *   fornitore, documento, descrizione                                               (spesa, impegno)
 */

export const FUND_IMPORT_COLUMNS = [
  'tipo',
  'voce',
  'importo',
  'azione',
  'partner',
  'periodo',
  'fonte',
  'tetto',
  'comune',
  'data',
  'fornitore',
  'documento',
  'descrizione',
] as const;
export type FundImportColumn = (typeof FUND_IMPORT_COLUMNS)[number];

export const MAX_FUND_IMPORT_ROWS = 20_000;

export const FUND_SHEET: SheetSpec<FundImportColumn> = {
  columns: FUND_IMPORT_COLUMNS,
  required: ['tipo', 'voce', 'importo'],
  aliases: {
    tipo_riga: 'tipo',
    voce_di_budget: 'voce',
    etichetta: 'voce',
    importo_euro: 'importo',
    euro: 'importo',
    codice_azione: 'azione',
    tipo_fonte: 'fonte',
    fonte_di_finanziamento: 'fonte',
    tetto_euro: 'tetto',
    data_spesa: 'data',
    data_documento: 'data',
    numero_documento: 'documento',
    n_documento: 'documento',
    causale: 'descrizione',
  },
  rowsName: 'righe di voci o di spese',
  maxRows: MAX_FUND_IMPORT_ROWS,
};

/** The description of the file format, for the OpenAPI document and the upload page. */
export const FUND_IMPORT_FORMAT_DESCRIPTION = [
  'Prima riga: intestazione con i nomi delle colonne (maiuscole, accenti e spazi non contano; ordine libero).',
  'Obbligatorie: tipo (voce, spesa oppure impegno), voce (nome della voce), importo (euro, es. 1.234,56).',
  'Per una voce: fonte (contributo, cofinanziamento, donazioni), e facoltative azione (codice), partner (nome),',
  'periodo (es. Anno 1), tetto (euro), comune (nome o codice ISTAT).',
  'Per una spesa o un impegno: data (GG/MM/AAAA), e facoltative fornitore, documento, descrizione; la voce deve',
  'esistere nel progetto o essere creata da una riga precedente dello stesso file.',
  'Le righe sono applicate nell’ordine del file; ogni riga errata è scartata con il motivo, senza toccare le altre.',
].join(' ');

export type FundImportOperation =
  | {
      kind: 'line';
      label: string;
      budgetCents: number;
      sourceType: SourceType;
      actionCode: string | null;
      partnerName: string | null;
      periodLabel: string | null;
      capCents: number | null;
      comune: string | null;
    }
  | {
      kind: 'expense' | 'commitment';
      lineLabel: string;
      amountCents: number;
      occurredOn: string;
      supplier: string | null;
      document: string | null;
      description: string | null;
    };

export type FundRowOutcome = { ok: true; operation: FundImportOperation } | { ok: false; reason: string };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const KINDS: Record<string, FundImportOperation['kind']> = {
  voce: 'line',
  'voce di budget': 'line',
  budget: 'line',
  spesa: 'expense',
  impegno: 'commitment',
};
const SOURCES: Record<string, SourceType> = {
  contributo: 'contribution',
  cofinanziamento: 'cofinancing',
  'co finanziamento': 'cofinancing',
  donazioni: 'donations',
  donazione: 'donations',
};

/** Euros as written in a cell; a number Excel stored in binary (1234.5600000001) is rounded to the cent. */
function euroCents(text: string): number | null {
  return /^\d+\.\d{4,}$/.test(text) ? Math.round(Number(text) * 100) : parseEuroCents(text);
}

/**
 * Turns one row into the operation it asks for, or into the reason it is refused. Every problem of
 * the row is reported at once, each naming its column. Whether the line exists, the partner holds
 * budget or the expense fits is decided when the row is applied, under the line's lock.
 */
export function parseFundRow(values: SheetRow<FundImportColumn>['values']): FundRowOutcome {
  const problems: string[] = [];
  const fail = (column: FundImportColumn, message: string) =>
    problems.push(`Colonna «${column}»: ${message}`);
  const text = (column: FundImportColumn) => (values[column] ?? '').trim();
  const optional = (column: FundImportColumn, max: number) => {
    const v = text(column);
    if (v.length > max) fail(column, `può avere al massimo ${max} caratteri.`);
    return v || null;
  };

  const kind = KINDS[fold(text('tipo'))];
  if (!kind) fail('tipo', `valore «${text('tipo')}» non valido: scrivi voce, spesa oppure impegno.`);
  const label = text('voce');
  if (!label) fail('voce', 'è obbligatoria ed è vuota.');
  else if (label.length > 200) fail('voce', 'può avere al massimo 200 caratteri.');
  const amount = text('importo') ? euroCents(text('importo')) : null;
  if (!text('importo')) fail('importo', 'è obbligatoria ed è vuota.');
  else if (amount === null || amount < 0)
    fail('importo', `«${text('importo')}» non è un importo in euro (es. 1.234,56).`);
  else if (amount === 0 && kind !== 'line') fail('importo', 'deve essere maggiore di zero.');

  if (kind === 'line') {
    const sourceType = SOURCES[fold(text('fonte'))];
    if (!text('fonte'))
      fail('fonte', 'è obbligatoria per una voce: contributo, cofinanziamento o donazioni.');
    else if (!sourceType)
      fail('fonte', `valore «${text('fonte')}» non valido: scrivi contributo, cofinanziamento o donazioni.`);
    const cap = text('tetto') ? euroCents(text('tetto')) : null;
    if (text('tetto') && (cap === null || cap < 0))
      fail('tetto', `«${text('tetto')}» non è un importo in euro (es. 2.000,00).`);
    const actionCode = optional('azione', 20);
    const partnerName = optional('partner', 200);
    const periodLabel = optional('periodo', 80);
    const comune = optional('comune', 80);
    if (problems.length > 0) return { ok: false, reason: problems.join(' ') };
    return {
      ok: true,
      operation: {
        kind,
        label,
        budgetCents: amount!,
        sourceType: sourceType!,
        actionCode,
        partnerName,
        periodLabel,
        capCents: cap,
        comune,
      },
    };
  }

  let occurredOn: string | null = null;
  if (kind) {
    if (!text('data')) fail('data', `è obbligatoria per ${kind === 'expense' ? 'una spesa' : 'un impegno'}.`);
    else {
      occurredOn = parseItalianDate(text('data'));
      if (!occurredOn) fail('data', 'data non valida, scrivila come GG/MM/AAAA.');
    }
  }
  const supplier = optional('fornitore', 200);
  const document = optional('documento', 200);
  const description = optional('descrizione', 1000);
  if (problems.length > 0 || !kind) return { ok: false, reason: problems.join(' ') };
  return {
    ok: true,
    operation: {
      kind,
      lineLabel: label,
      amountCents: amount!,
      occurredOn: occurredOn!,
      supplier,
      document,
      description,
    },
  };
}
