import { AppError } from '../../platform/errors.js';

export const spidNotConfigured = () =>
  new AppError(404, 'SPID_NOT_CONFIGURED', 'L’accesso con SPID o CIE non è attivo su questa installazione.');
export const providerUntrusted = (reason: string) =>
  new AppError(502, 'SPID_PROVIDER_UNTRUSTED', `Il gestore dell’identità non è affidabile: ${reason}.`);
export const spidLoginFailed = () =>
  new AppError(401, 'SPID_LOGIN_FAILED', 'L’accesso con SPID o CIE non è riuscito: riprova.');
export const spidNoFiscalNumber = () =>
  new AppError(401, 'SPID_NO_FISCAL_NUMBER', 'Il gestore dell’identità non ha comunicato il codice fiscale.');
