import { AppError, notFound } from '../../platform/errors.js';

export const planNotFound = () => notFound('Piano dei giri');
export const organizationNotFound = () => new AppError(404, 'NOT_FOUND', 'Organizzazione non trovata.');
export const organizationRequired = () =>
  new AppError(422, 'ORGANIZATION_REQUIRED', 'Indica per quale organizzazione pianificare i giri.', {
    field: 'organizationId',
  });
export const planNotReady = () =>
  new AppError(409, 'PLAN_NOT_READY', 'Il piano non è pronto: attendi la fine del calcolo.');
export const planAlreadyPublished = () =>
  new AppError(409, 'PLAN_ALREADY_PUBLISHED', 'Il piano è già stato pubblicato.');
export const planNotPublished = () =>
  new AppError(409, 'PLAN_NOT_PUBLISHED', 'Si può ripianificare per un ritiro solo un piano pubblicato.');
export const volunteerNotInPlan = () =>
  new AppError(422, 'VOLUNTEER_NOT_IN_PLAN', 'Il volontario non ha un giro in questo piano.', {
    field: 'volunteerId',
  });
export const stopNotInPlan = () =>
  new AppError(422, 'STOP_NOT_IN_PLAN', 'Il compito non fa parte di questo piano.', { field: 'taskId' });
export const planDateOutOfRange = (latest: string) =>
  new AppError(
    422,
    'PLAN_DATE_OUT_OF_RANGE',
    `Il giorno dei giri deve essere tra oggi e il ${latest.split('-').reverse().join('/')}.`,
    { field: 'date' },
  );
