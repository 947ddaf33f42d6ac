import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { ServiceRuleProblem } from '../../../../shared/src/catalog/service.rules.js';

/** The catalogue's error codes, each with the Italian message a person reads. */
export const serviceNotFound = () => notFound('Servizio');
export const providerNotFound = () => notFound('Fornitore');
export const orderNotFound = () => notFound('Ordine');
export const iseeNotFound = () => notFound('Dichiarazione ISEE');
export const importNotFound = () => notFound('Importazione');
export const personNotFound = () => notFound('Persona');
export const accessPointNotFound = () => notFound('Punto di accesso');

/**
 * A service that breaks one of its rules (shared with the provider's editor): the first problem's
 * code and message, every problem in `fields` when there are several.
 */
export const serviceRuleBroken = (problems: ServiceRuleProblem[]) => {
  const [first] = problems as [ServiceRuleProblem, ...ServiceRuleProblem[]];
  return invalid(first.code, first.message, {
    field: first.field,
    ...(first.comuni ? { comuni: first.comuni } : {}),
    ...(problems.length > 1
      ? { fields: problems.map((p) => ({ field: p.field, code: p.code, message: p.message })) }
      : {}),
  });
};
export const unknownCategory = () =>
  invalid('UNKNOWN_CATEGORY', 'La categoria indicata non esiste.', { field: 'categoryId' });
export const staleService = () =>
  conflict(
    'STALE_VERSION',
    'Il servizio è stato modificato da qualcun altro nel frattempo: ricarica e riprova.',
  );
export const tariffScopeUnknown = () =>
  invalid('TARIFF_SCOPE_UNKNOWN', 'Il comune o l’Ambito indicato non esiste.', { field: 'scopeId' });
export const tariffTargetRequired = () =>
  invalid('TARIFF_TARGET_REQUIRED', 'Indica un servizio oppure una categoria (uno solo dei due).', {
    field: 'serviceId',
  });
export const iseeDatesInvalid = () =>
  invalid('ISEE_DATES_INVALID', 'La data di scadenza dell’ISEE non può precedere quella di rilascio.', {
    field: 'expiresOn',
  });
export const iseeDuplicate = () =>
  conflict('ISEE_DUPLICATE', 'Questa dichiarazione ISEE (protocollo DSU e tipo) è già registrata.');

export const serviceNotBookable = () =>
  invalid('SERVICE_NOT_BOOKABLE', 'Il servizio non è prenotabile: non è pubblicato nel catalogo.', {
    field: 'serviceId',
  });
export const serviceNotInComune = () =>
  invalid('SERVICE_NOT_IN_COMUNE', 'Il servizio non è offerto nel comune di residenza della persona.', {
    field: 'serviceId',
  });
export const capacityExhausted = (available: number) =>
  conflict(
    'CAPACITY_EXHAUSTED',
    `Posti esauriti per il periodo scelto: ne restano ${available}. Scegli un altro periodo o una quantità minore.`,
    { field: 'quantity', available },
  );
export const noPersonRecord = () =>
  invalid(
    'NO_PERSON_RECORD',
    'Il tuo account non è collegato a una scheda anagrafica: rivolgiti a uno sportello di prossimità.',
  );
export const consentRequired = () =>
  invalid('CONSENT_REQUIRED', 'Per prenotare per conto del cittadino serve il suo consenso.', {
    field: 'consent',
  });
export const accessPointRequired = () =>
  invalid('ACCESS_POINT_REQUIRED', 'Indica lo sportello in cui stai prenotando per il cittadino.', {
    field: 'accessPointId',
  });
export const notStaffOfAccessPoint = () =>
  invalid('NOT_ACCESS_POINT_STAFF', 'Non fai parte del personale di questo sportello.', {
    field: 'accessPointId',
  });
export const orientationNoteBlank = () =>
  invalid('ORIENTATION_NOTE_BLANK', 'Scrivi l’orientamento dato alla persona.', { field: 'note' });
export const startDateInPast = () =>
  invalid('START_DATE_IN_PAST', 'La data di inizio non può essere nel passato.', { field: 'startDate' });
export const idempotencyKeyInvalid = () =>
  invalid('IDEMPOTENCY_KEY_INVALID', 'L’intestazione Idempotency-Key deve avere da 8 a 100 caratteri.', {
    field: 'Idempotency-Key',
  });
export const transitionNotAllowed = (from: string, action: string) =>
  conflict('ORDER_TRANSITION_NOT_ALLOWED', `Un ordine nello stato «${from}» non può essere ${action}.`, {
    status: from,
  });
export const reasonRequired = () => invalid('REASON_REQUIRED', 'Indica il motivo.', { field: 'reason' });
export const paymentPending = () =>
  conflict('PAYMENT_PENDING', 'L’ordine non è ancora pagato: si può confermare dopo il pagamento.');
export const nothingToPay = () => conflict('NOTHING_TO_PAY', 'Per questo ordine non c’è nulla da pagare.');
export const noticeExpired = () =>
  conflict('NOTICE_EXPIRED', 'L’avviso di pagamento è scaduto: l’ordine va rifatto.');
export const paymentFailed = (message: string) => new AppError(402, 'PAYMENT_FAILED', message);
export const providerRequired = () =>
  invalid('PROVIDER_REQUIRED', 'Il tuo account non è collegato a un fornitore.', { field: 'providerId' });

export const importFileType = () =>
  new AppError(
    415,
    'IMPORT_FILE_TYPE',
    'Carica i servizi come CSV (text/csv) oppure come pacchetto dati HSDS in CSV compresso (application/zip).',
  );
