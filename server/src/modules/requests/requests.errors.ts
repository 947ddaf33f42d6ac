import { AppError, notFound } from '../../platform/errors.js';

export const requestNotFound = () => notFound('Richiesta');
export const requestAlreadyDecided = () =>
  new AppError(409, 'REQUEST_ALREADY_DECIDED', 'La richiesta è già stata valutata.');
export const similarRequestOpen = (requestId: string) =>
  new AppError(
    409,
    'REQUEST_SIMILAR_OPEN',
    'Questa persona ha già una richiesta aperta dello stesso tipo. Verificala; se serve comunque una nuova richiesta, conferma.',
    {
      requestId,
    },
  );
export const rejectionReasonRequired = () =>
  new AppError(422, 'REJECTION_REASON_REQUIRED', 'Indica il motivo del rifiuto.', { field: 'reason' });
export const noCompetentOrganization = () =>
  new AppError(
    422,
    'NO_COMPETENT_ORGANIZATION',
    'Nessuna organizzazione è competente per questo intervento in questo comune: scegli tu a chi affidarlo.',
    {
      field: 'organizationId',
    },
  );
export const overrideReasonRequired = () =>
  new AppError(
    422,
    'ROUTING_OVERRIDE_REASON_REQUIRED',
    'Hai scelto un’organizzazione diversa da quella prevista dal protocollo: indica il motivo.',
    {
      field: 'overrideReason',
    },
  );
export const organizationUnknown = () =>
  new AppError(422, 'ORGANIZATION_UNKNOWN', 'L’organizzazione indicata non esiste.', {
    field: 'organizationId',
  });
export const windowInvalid = () =>
  new AppError(
    422,
    'TIME_WINDOW_INVALID',
    'La fascia oraria non è valida: l’inizio deve precedere la fine.',
    { field: 'windowStart' },
  );
export const dateInPast = () =>
  new AppError(422, 'DATE_IN_PAST', 'La data richiesta è già passata.', { field: 'preferredDate' });
export const recurrenceNotAllowed = () =>
  new AppError(
    422,
    'RECURRENCE_NOT_ALLOWED',
    'Questo tipo di intervento non può essere ripetuto ogni settimana.',
    { field: 'recurrence' },
  );
export const recurrenceUntilInvalid = () =>
  new AppError(
    422,
    'RECURRENCE_UNTIL_INVALID',
    'Per un intervento settimanale indica la data di fine, entro 12 settimane.',
    { field: 'recurrenceUntil' },
  );
export const requestNotCancellable = () =>
  new AppError(409, 'REQUEST_NOT_CANCELLABLE', 'La richiesta è già conclusa e non può essere annullata.');
export const requestNotWithdrawable = () =>
  new AppError(
    409,
    'REQUEST_NOT_WITHDRAWABLE',
    'Un volontario si sta già occupando della richiesta: per annullarla chiama il numero di aiuto.',
  );
export const citizenWithoutRecord = () =>
  new AppError(
    422,
    'CITIZEN_WITHOUT_RECORD',
    'Il tuo account non è collegato alla tua scheda anagrafica: chiama il numero dedicato e un operatore registrerà la richiesta.',
  );
export const requestNotAwaitingDecision = () =>
  new AppError(
    409,
    'REQUEST_NOT_AWAITING_DECISION',
    'Questa richiesta non ha una consegna non riuscita in attesa di decisione.',
  );
export const followUpReasonRequired = () =>
  new AppError(422, 'FOLLOW_UP_REASON_REQUIRED', 'Indica il motivo della decisione.', { field: 'reason' });
export const sameOrganization = () =>
  new AppError(
    422,
    'FOLLOW_UP_SAME_ORGANIZATION',
    'Scegli un’organizzazione diversa da quella a cui la richiesta è già affidata.',
    { field: 'organizationId' },
  );
