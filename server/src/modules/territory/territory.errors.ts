import { AppError, notFound } from '../../platform/errors.js';

export const comuneNotFound = () => notFound('Comune');
export const ambitoUnknown = (id: string) =>
  new AppError(422, 'AMBITO_UNKNOWN', `L'Ambito "${id}" non esiste.`);
export const subAmbitoOutsideAmbito = () =>
  new AppError(422, 'SUB_AMBITO_MISMATCH', 'Il sub-ambito scelto appartiene a un altro Ambito.');
export const subAmbitoExists = () =>
  new AppError(409, 'SUB_AMBITO_EXISTS', 'Esiste già un sub-ambito con questo nome nello stesso Ambito.');
