import { AppError } from '../../platform/errors.js';

export const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Email o password non corretti.');
export const accountLocked = (minutes: number) =>
  new AppError(
    429,
    'ACCOUNT_LOCKED',
    `Troppi tentativi non riusciti: l'account è bloccato per ${minutes} minuti.`,
  );
export const tooManyAttempts = () =>
  new AppError(
    429,
    'TOO_MANY_ATTEMPTS',
    'Troppi tentativi di accesso da questo indirizzo: riprova tra qualche minuto.',
  );
export const demoDisabled = () =>
  new AppError(403, 'DEMO_ACCOUNT_DISABLED', 'Gli account dimostrativi sono disattivati in produzione.');
export const accountDisabled = () => new AppError(403, 'ACCOUNT_DISABLED', "L'account è disattivato.");
export const emailTaken = () => new AppError(409, 'EMAIL_TAKEN', 'Esiste già un utente con questa email.');
export const crossOriginLogin = () =>
  new AppError(403, 'CROSS_ORIGIN', 'Accesso consentito solo dal sito di Legami.');
export const wrongCurrentPassword = () =>
  new AppError(422, 'WRONG_PASSWORD', 'La password attuale non è corretta.');
export const invalidMembership = (message: string) => new AppError(422, 'INVALID_MEMBERSHIP', message);
