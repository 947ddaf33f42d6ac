import { AppError, notFound } from '../../platform/errors.js';

export const personNotFound = () => notFound('Persona');
export const householdNotFound = () => notFound('Nucleo familiare');
export const duplicateCodiceFiscale = (personId: string | null) =>
  new AppError(409, 'PERSON_DUPLICATE_CF', 'Esiste già una persona registrata con questo codice fiscale.', {
    field: 'codiceFiscale',
    ...(personId ? { personId } : {}),
  });
export const possibleDuplicate = (
  candidates: { id: string; givenName: string; familyName: string; birthDate: string; comuneName: string }[],
) =>
  new AppError(
    409,
    'PERSON_POSSIBLE_DUPLICATE',
    'Esiste già una persona con lo stesso nome e la stessa data di nascita. Verifica che non sia la stessa; se è un’altra persona, conferma e salva di nuovo.',
    { candidates },
  );
export const staleVersion = () =>
  new AppError(
    409,
    'PERSON_CHANGED',
    'Nel frattempo qualcun altro ha modificato questa persona: ricarica la scheda e ripeti la modifica.',
  );
export const comuneOutsideTerritory = () =>
  new AppError(
    422,
    'COMUNE_OUTSIDE_TERRITORY',
    'Il comune indicato non è nel tuo territorio di competenza.',
    { field: 'comuneCode' },
  );
export const identityRequired = () =>
  new AppError(422, 'CF_REQUIRED', 'Il codice fiscale è obbligatorio.', { field: 'codiceFiscale' });
