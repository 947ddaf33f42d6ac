import { AppError, notFound } from '../../platform/errors.js';

export const taskNotFound = () => notFound('Compito');
export const taskAlreadyAssigned = () =>
  new AppError(
    409,
    'TASK_ALREADY_ASSIGNED',
    'Il compito è già stato assegnato a un altro volontario: aggiorna la pagina.',
  );
export const taskNotOpenForResponse = () =>
  new AppError(409, 'TASK_NOT_AWAITING_RESPONSE', 'Il compito non è in attesa della tua risposta.');
export const taskClosed = () => new AppError(409, 'TASK_CLOSED', 'Il compito è già concluso.');
export const volunteerUnknown = () =>
  new AppError(422, 'VOLUNTEER_UNKNOWN', 'Il volontario indicato non esiste nel tuo territorio.', {
    field: 'volunteerId',
  });
export const volunteerNotRegistered = () =>
  new AppError(
    404,
    'VOLUNTEER_NOT_REGISTERED',
    'Il tuo account non è collegato a una scheda volontario: rivolgiti al coordinatore.',
  );
export const failureReasonRequired = () =>
  new AppError(
    422,
    'OUTCOME_REASON_REQUIRED',
    'Indica perché il compito non è stato svolto (es. persona non in casa).',
    { field: 'reason' },
  );
export const reimbursementTooHigh = (maxCents: number) =>
  new AppError(
    422,
    'REIMBURSEMENT_TOO_HIGH',
    `Il rimborso supera la somma anticipata ancora da rimborsare (${(maxCents / 100).toFixed(2).replace('.', ',')} €).`,
    {
      field: 'amountCents',
    },
  );
export const assignmentRefused = (code: string, message: string) =>
  new AppError(422, code, message, { field: 'volunteerId' });
