import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';

export const parcelNotFound = () => notFound('Pacco');
export const campaignNotFound = () => notFound('Campagna');
export const assetNotFound = () => notFound('Bene in prestito');
export const loanNotFound = () => notFound('Prestito');
export const accountNotFound = () => notFound('Tessera');
export const personUnknown = () =>
  invalid('PERSON_UNKNOWN', 'La persona indicata non è in anagrafica.', { field: 'personId' });
export const templateUnknown = () =>
  invalid('TEMPLATE_UNKNOWN', 'Il modello di pacco indicato non esiste.', { field: 'templateId' });
export const parcelContentRequired = () =>
  invalid('PARCEL_CONTENT_REQUIRED', 'Indica un modello di pacco oppure le righe, non entrambi.', {
    field: 'templateId',
  });
export const noTemplateForSize = (size: number) =>
  invalid(
    'NO_TEMPLATE_FOR_SIZE',
    `Nessun modello di pacco per un nucleo di ${size} persone: indica le righe.`,
    {
      field: 'templateId',
    },
  );
export const deliveryDateInvalid = () =>
  invalid('DELIVERY_DATE_INVALID', 'La consegna va programmata da oggi in avanti.', {
    field: 'deliveryDate',
  });
export const notAPickup = () =>
  conflict('PARCEL_NOT_PICKUP', 'Questo pacco si consegna a domicilio: il ritiro non si registra.');
export const alreadyPickedUp = () => conflict('PARCEL_ALREADY_PICKED_UP', 'Il pacco è già stato ritirato.');
export const campaignNameTaken = () =>
  conflict('CAMPAIGN_NAME_EXISTS', 'Esiste già una campagna con questo nome.', { field: 'name' });
export const campaignDatesInvalid = () =>
  invalid('CAMPAIGN_DATES_INVALID', 'La fine della campagna non può precedere l’inizio.', {
    field: 'endsOn',
  });
export const notEligibleForCampaign = () =>
  invalid('NOT_ELIGIBLE', 'La persona non rientra nella popolazione della campagna.', { field: 'personId' });
export const alreadyReached = () =>
  conflict('CAMPAIGN_ALREADY_REACHED', 'Questa persona ha già ricevuto quanto previsto dalla campagna.');
export const campaignNotActive = () =>
  invalid('CAMPAIGN_NOT_ACTIVE', 'La campagna non è in corso in questa data.', { field: 'campaignId' });
export const pointRequired = () =>
  invalid('POINT_REQUIRED', 'Indica il punto da cui esce la merce della campagna.', { field: 'pointId' });
export const serialTaken = () =>
  conflict('SERIAL_EXISTS', 'Esiste già un bene con questo numero di serie.', { field: 'serialNumber' });
export const assetNotAvailable = () =>
  conflict('ASSET_NOT_AVAILABLE', 'Il bene è già in prestito o non è disponibile.', { field: 'assetId' });
export const loanAlreadyReturned = () => conflict('LOAN_ALREADY_RETURNED', 'Il prestito è già stato chiuso.');
export const returnBeforeStart = () =>
  invalid('RETURN_BEFORE_START', 'La restituzione non può precedere l’inizio del prestito.', {
    field: 'returnedOn',
  });
export const notAMarket = () =>
  invalid('NOT_A_MARKET', 'Il punto indicato non è un emporio solidale.', { field: 'pointId' });
export const accountExists = () =>
  conflict('MARKET_ACCOUNT_EXISTS', 'Il nucleo ha già una tessera di questo emporio.', { field: 'personId' });
export const notATill = () =>
  new AppError(403, 'NOT_A_MARKET_TILL', 'Questo account non è abilitato alla cassa di un emporio.');
export const cardMalformed = () =>
  invalid('CARD_CODE_MALFORMED', 'Il codice della tessera non è valido: controlla di averlo scritto bene.', {
    field: 'cardCode',
  });
export const cardExpired = () =>
  invalid('CARD_EXPIRED', 'La tessera dell’emporio è scaduta.', { field: 'cardCode' });
