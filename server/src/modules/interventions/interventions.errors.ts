import { AppError, notFound } from '../../platform/errors.js';

export const interventionTypeNotFound = () => notFound('Tipo di intervento');
export const interventionTypeUnknown = (id: string) =>
  new AppError(422, 'INTERVENTION_TYPE_UNKNOWN', `Il tipo di intervento "${id}" non esiste.`, {
    field: 'interventionTypeId',
  });
export const interventionTypeInactive = () =>
  new AppError(
    422,
    'INTERVENTION_TYPE_INACTIVE',
    'Questo tipo di intervento non è offerto ora attraverso questo canale.',
    {
      field: 'interventionTypeId',
    },
  );
export const interventionTypeExists = () =>
  new AppError(409, 'INTERVENTION_TYPE_EXISTS', 'Esiste già un tipo di intervento con questo codice.');
export const competenceScopeInvalid = () =>
  new AppError(
    422,
    'COMPETENCE_SCOPE_INVALID',
    'Territorio della regola non valido: indica un Ambito o un comune esistente, oppure tutto il territorio.',
  );
export const competenceOrganizationUnknown = () =>
  new AppError(422, 'COMPETENCE_ORGANIZATION_UNKNOWN', 'Una delle organizzazioni indicate non esiste.');
export const interventionPeriodReversed = () =>
  new AppError(422, 'INTERVENTION_PERIOD_REVERSED', 'La data di fine viene prima di quella di inizio.', {
    field: 'activeUntil',
  });
