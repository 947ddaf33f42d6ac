import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { formatEuro } from '../funds/index.js';
import { BREAK_GLASS_MIN_REASON } from './cases.policy.js';

/* Error codes of case files, with the Italian message a person reads. */

export const caseNotFound = () => notFound('Fascicolo');
export const planNotFound = () => notFound('Progetto');
export const assessmentNotFound = () => notFound('Valutazione');
export const stepNotFound = () => notFound('Passo della dimissione');
export const dischargeNotFound = () => notFound('Dimissione protetta');
export const documentNotFound = () => notFound('Documento');
export const personNotFound = () => notFound('Persona');
export const teamNotFound = () =>
  invalid('TEAM_NOT_FOUND', 'Équipe non trovata nel tuo territorio.', { field: 'teamId' });

export const breakGlassRequired = () =>
  new AppError(
    403,
    'CASE_BREAK_GLASS_REQUIRED',
    "Il fascicolo è seguito da un'altra équipe. In caso di emergenza puoi aprirlo indicando il motivo: il responsabile e il supervisore ne saranno informati.",
  );

export const breakGlassReasonRequired = () =>
  invalid(
    'BREAK_GLASS_REASON_REQUIRED',
    `Motivo: scrivi perché devi aprire il fascicolo in emergenza (almeno ${BREAK_GLASS_MIN_REASON} caratteri).`,
    { field: 'reason', minLength: BREAK_GLASS_MIN_REASON },
  );

export const breakGlassNotNeeded = () =>
  conflict(
    'BREAK_GLASS_NOT_NEEDED',
    'Hai già accesso a questo fascicolo: non serve la procedura di emergenza.',
  );

export const notInCaseTeam = () =>
  new AppError(
    403,
    'CASE_READ_ONLY',
    'Puoi leggere il fascicolo ma non modificarlo: non fai parte della sua équipe.',
  );

export const onlyResponsibleOrSupervisor = () =>
  new AppError(403, 'CASE_MANAGE_FORBIDDEN', 'Solo il responsabile del caso o il supervisore può farlo.');

export const staleVersion = () =>
  conflict('STALE_VERSION', 'Qualcuno ha modificato i dati nel frattempo: ricarica la pagina e riprova.');

export const caseClosed = () => conflict('CASE_CLOSED', 'Il fascicolo è chiuso: non si può modificare.');

export const responsibleNotInTeam = () =>
  invalid('RESPONSIBLE_NOT_IN_TEAM', "Responsabile: deve essere un'assistente sociale dell'équipe scelta.", {
    field: 'responsibleUserId',
  });

export const requestNotOfPerson = () =>
  invalid('SOURCE_REQUEST_MISMATCH', 'Richiesta di origine: non riguarda questa persona.', {
    field: 'sourceRequestId',
  });

export const sourceRequestMissing = () =>
  invalid(
    'SOURCE_REQUEST_REQUIRED',
    "Richiesta di origine: indica la richiesta d'aiuto da cui nasce il fascicolo.",
    {
      field: 'sourceRequestId',
    },
  );

export const assessmentInvalid = (field: string, label: string, problem: 'missing' | 'invalid') =>
  invalid(
    'ASSESSMENT_INVALID',
    problem === 'missing' ? `${label}: campo obbligatorio.` : `${label}: valore non previsto dal modulo.`,
    { field },
  );

export const minorAssessmentInvalid = (field: string, label: string) =>
  invalid('MINOR_ASSESSMENT_INVALID', `${label}: valore non previsto dal flusso SINBA (INPS).`, { field });
export const minorAssessmentForAdult = () =>
  invalid(
    'MINOR_ASSESSMENT_FOR_ADULT',
    'La valutazione SINBA riguarda i minorenni: alla data indicata la persona era già maggiorenne.',
    { field: 'assessedOn' },
  );

export const dateInFuture = (field: string, label: string) =>
  invalid('DATE_IN_FUTURE', `${label}: la data non può essere futura.`, { field });

export const comparisonNeedsTwo = () =>
  invalid('COMPARE_SAME_ASSESSMENT', 'Scegli due valutazioni diverse da confrontare.', { field: 'to' });

const RULE_MESSAGES: Record<string, string> = {
  CASE_STATUS_UNCHANGED: 'Stato: il fascicolo è già in questo stato.',
  CASE_CLOSED: 'Il fascicolo è chiuso: per riprendere la persona in carico apri un nuovo fascicolo.',
  CASE_OUTCOME_REQUIRED: "Esito: per chiudere il fascicolo scrivi l'esito.",
  PLAN_TRANSITION_NOT_ALLOWED: 'Stato del progetto: passaggio non consentito.',
  PLAN_WITHOUT_GOALS: 'Obiettivi: un progetto si sottoscrive con almeno un obiettivo.',
  PLAN_SIGNATURE_DATE: 'Data di sottoscrizione: obbligatoria.',
  PLAN_SIGNATURE_IN_FUTURE: 'Data di sottoscrizione: non può essere futura.',
  PLAN_SIGNATURE_METHOD: 'Modalità di sottoscrizione: obbligatoria.',
  PLAN_GOAL_OUTCOME_MISSING: "Esiti: per chiudere il progetto indica l'esito di ogni obiettivo.",
  PLAN_GOAL_UNKNOWN: 'Esiti: obiettivo non presente nel progetto.',
  PLAN_GOAL_OUTCOME_INVALID: 'Esiti: valore non previsto.',
  PLAN_NOT_EDITABLE: 'Il progetto si modifica solo in bozza o in revisione.',
  DISCHARGE_STEP_MISSING: 'Passi della dimissione: manca un passo obbligatorio.',
  DISCHARGE_STEP_DUPLICATE: 'Passi della dimissione: un passo è ripetuto.',
  DISCHARGE_STEP_UNKNOWN: 'Passi della dimissione: passo non previsto.',
  DISCHARGE_STEP_AFTER_DISCHARGE: 'Scadenza: oltre una settimana dopo la data di dimissione.',
  DISCHARGE_DATES: 'Data di dimissione: non può precedere la segnalazione.',
  INTERVENTION_REFERENCE:
    'Collegato a: scegli una richiesta, un intervento o un ordine della persona, o un servizio del comune.',
  BUDGET_SOURCE_REQUIRED:
    'Linea di finanziamento: l’assistenza domiciliare PNRR si attiva sulla quota del comune.',
  BUDGET_SOURCE_INVALID: 'Linea di finanziamento: non è una linea da cui questo budget può attingere.',
};

/** The 422 for a broken rule of cases.rules.ts, naming the field. */
export const ruleBroken = (code: string, field: string | null, details: Record<string, unknown> = {}) =>
  code === 'CASE_CLOSED' || code === 'PLAN_TRANSITION_NOT_ALLOWED'
    ? conflict(code, RULE_MESSAGES[code] ?? code, { field, ...details })
    : invalid(code, RULE_MESSAGES[code] ?? code, { field, ...details });

export const budgetExists = () => conflict('BUDGET_EXISTS', 'Il progetto ha già un budget di progetto.');
export const noBudget = () => notFound('Budget');
export const interventionNotInPlan = () =>
  invalid('INTERVENTION_NOT_IN_PLAN', 'Intervento: non fa parte di questo progetto.', {
    field: 'interventionId',
  });

/**
 * The cap holds: nothing is saved and the person reads what remains. 409, as the funds ledger answers
 * for the same code: the request is well formed, it conflicts with what the line has already spent
 * (the same expense fits after a reversal, and one of two concurrent expenses gets it).
 */
export const budgetCapExceeded = (remainingCents: number, capCents: number, amountCents: number) =>
  new AppError(
    409,
    'BUDGET_CAP_EXCEEDED',
    `Importo: la spesa di ${formatEuro(amountCents)} supera il budget. Restano ${formatEuro(remainingCents)} su ${formatEuro(capCents)}.`,
    { field: 'amountCents', remainingCents, capCents },
  );

export const expenseNotReversible = () =>
  conflict(
    'EXPENSE_NOT_REVERSIBLE',
    'Storno: la spesa non è di questo budget, è già stata stornata o è essa stessa uno storno.',
  );

export const documentTooLarge = (maxBytes: number) =>
  new AppError(
    413,
    'DOCUMENT_TOO_LARGE',
    `File: supera il limite di ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    {
      field: 'file',
      maxBytes,
    },
  );

export const documentTypeRefused = () =>
  new AppError(
    415,
    'DOCUMENT_TYPE_REFUSED',
    'File: sono accettati solo PDF, PNG e JPEG (il contenuto del file non corrisponde a nessuno di questi formati).',
    { field: 'file' },
  );

export const documentEmpty = () => invalid('DOCUMENT_EMPTY', 'File: il file è vuoto.', { field: 'file' });

export const exportForbidden = () =>
  new AppError(
    403,
    'FORBIDDEN',
    'Solo il responsabile della protezione dei dati o la persona stessa possono esportare questi dati.',
  );
