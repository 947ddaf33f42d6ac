import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';

export const pointNotFound = () => notFound('Punto di distribuzione');
export const batchNotFound = () => notFound('Movimento di magazzino');
export const donorNotFound = () => notFound('Donatore');
export const itemUnknown = (index?: number) =>
  invalid('ITEM_UNKNOWN', 'L’articolo indicato non esiste.', {
    field: index === undefined ? 'itemId' : `lines.${index}.itemId`,
  });
export const donorUnknown = () =>
  invalid('DONOR_UNKNOWN', 'Il donatore indicato non esiste.', { field: 'donorId' });
export const organizationUnknown = () =>
  invalid('ORGANIZATION_UNKNOWN', 'L’organizzazione indicata non esiste.', { field: 'organizationId' });
export const pointUnknown = (field: string) =>
  invalid('POINT_UNKNOWN', 'Il punto di distribuzione indicato non esiste.', { field });
export const expiryRequired = (index: number) =>
  invalid('EXPIRY_REQUIRED', 'Per gli alimenti indica la data di scadenza del lotto.', {
    field: `lines.${index}.expiryDate`,
  });
export const expiryPast = (index: number) =>
  invalid('EXPIRY_PAST', 'Il lotto è già scaduto: non può entrare in magazzino.', {
    field: `lines.${index}.expiryDate`,
  });
export const dateInFuture = (field = 'occurredOn') =>
  invalid('DATE_IN_FUTURE', 'La data non può essere nel futuro.', { field });
export const samePoint = () =>
  invalid('TRANSFER_SAME_POINT', 'Il punto di arrivo deve essere diverso da quello di partenza.', {
    field: 'toPointId',
  });
export const lotNotAtPoint = () =>
  invalid('LOT_NOT_AT_POINT', 'Il lotto indicato non è presente in questo punto.', { field: 'lotId' });
export const batchAlreadyReversed = () =>
  conflict('BATCH_ALREADY_REVERSED', 'Questo movimento è già stato stornato.');
export const reversalNotReversible = () =>
  invalid('BATCH_IS_REVERSAL', 'Uno storno non si storna: registra un nuovo movimento.', { field: 'id' });
export const donorVatTaken = (donorId: string) =>
  conflict('DONOR_VAT_EXISTS', 'Esiste già un donatore con questa partita IVA.', {
    donorId,
    field: 'vatNumber',
  });
export const vatRequired = () =>
  invalid('VAT_REQUIRED', 'Per un’azienda la partita IVA è obbligatoria.', { field: 'vatNumber' });
export const pointNameTaken = () =>
  conflict('POINT_NAME_EXISTS', 'Esiste già un punto con questo nome.', { field: 'name' });
export const itemNameTaken = () =>
  conflict('ITEM_NAME_EXISTS', 'Esiste già un articolo con questo nome.', { field: 'name' });
/** The ledger's CHECK refused a balance below zero: someone withdrew first. */
export const stockRaced = () =>
  new AppError(
    409,
    'STOCK_INSUFFICIENT',
    'Scorta insufficiente: una parte di questa merce è già stata prelevata.',
    {
      field: 'quantity',
    },
  );
