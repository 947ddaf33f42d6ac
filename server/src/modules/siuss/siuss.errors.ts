import { AppError, invalid, notFound } from '../../platform/errors.js';

export const codeNotFound = () => notFound('Tipo di prestazione');
export const enteNotFound = () => notFound('Configurazione SIUSS del Comune');
export const comuneNotFound = () => notFound('Comune');
export const periodInvalid = () =>
  invalid('PERIOD_INVALID', 'Il periodo deve andare da una data a una successiva, entro un anno.', {
    field: 'to',
  });
export const codeIncomplete = () =>
  invalid(
    'CODE_INCOMPLETE',
    'Indica insieme il CodicePrestazione e la sua denominazione, o nessuno dei due per togliere la mappatura.',
    { field: 'denominazione' },
  );
export const codesNeedWholeInstallation = () =>
  new AppError(
    403,
    'SIUSS_CODES_INSTALLATION_WIDE',
    "I codici SIUSS valgono per tutta l'installazione: li modifica un amministratore dell'intero territorio.",
  );
export const waasUnauthenticated = () =>
  new AppError(401, 'WAAS_UNAUTHENTICATED', 'Chiave WaaS assente o non valida (Authorization: Bearer …).');
