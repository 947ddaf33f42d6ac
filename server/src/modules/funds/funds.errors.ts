import { AppError, notFound } from '../../platform/errors.js';
import { formatEuro } from './funds.rules.js';

export const lineNotFound = () => notFound('Voce di budget');
export const movementNotFound = () => notFound('Movimento');
export const projectNotFound = () => notFound('Progetto');
export const actionNotFound = () => notFound('Azione');
export const allocationNotFound = () => notFound('Riparto');
export const campaignNotFound = () => notFound('Campagna');

export const capExceeded = (remainingCents: number, capCents: number) =>
  new AppError(
    409,
    'BUDGET_CAP_EXCEEDED',
    `Spesa rifiutata: supera il tetto di ${formatEuro(capCents)}. Restano ${formatEuro(remainingCents)}.`,
    { field: 'amountCents', remainingCents, capCents },
  );
export const lineOverspent = (remainingCents: number) =>
  new AppError(
    409,
    'BUDGET_LINE_OVERSPENT',
    `Spesa rifiutata: supera la disponibilità della voce. Restano ${formatEuro(remainingCents)}.`,
    { field: 'amountCents', remainingCents },
  );
export const budgetOverCap = (capCents: number) =>
  new AppError(
    422,
    'BUDGET_CAP_EXCEEDED',
    `Il budget supera il tetto di ${formatEuro(capCents)} previsto per questo tipo di azione.`,
    {
      field: 'budgetCents',
      capCents,
    },
  );
export const commitmentClosed = () =>
  new AppError(422, 'COMMITMENT_CLOSED', 'L’impegno indicato non esiste su questa voce o è stato stornato.', {
    field: 'commitmentId',
  });
export const alreadyReversed = () =>
  new AppError(
    409,
    'MOVEMENT_ALREADY_REVERSED',
    'Questo movimento è già stato stornato o non si può stornare.',
  );
export const invalidReference = (field: string, what: string) =>
  new AppError(422, 'FUNDS_INVALID_REFERENCE', `${what} indicato non esiste o non appartiene al progetto.`, {
    field,
  });
export const allocationInput = (code: string, message: string) =>
  new AppError(422, code, message, { field: 'weights' });
export const over65Unavailable = (comuni: string[]) =>
  new AppError(
    422,
    'OVER65_DATA_UNAVAILABLE',
    `Manca il numero di residenti con 65 anni e più per ${comuni.length === 1 ? 'il comune' : `${comuni.length} comuni`}: ${comuni.join(', ')}. Importa i dati ISTAT della popolazione per età (npm run import:population) oppure scegli un altro metodo.`,
    { field: 'method', comuni },
  );
export const territoryUnknown = () =>
  new AppError(422, 'ALLOCATION_TERRITORY_UNKNOWN', 'Il territorio indicato non esiste o non ha comuni.', {
    field: 'territory',
  });
export const nothingToReallocate = () =>
  new AppError(
    422,
    'NOTHING_TO_REALLOCATE',
    'Alla data indicata i comuni hanno speso tutta la loro quota: non c’è nulla da riassegnare.',
    {
      field: 'asOf',
    },
  );
export const ibanInvalid = (message: string) => new AppError(422, 'IBAN_INVALID', message, { field: 'iban' });

export const donationNotFound = () => notFound('Donazione');
export const bankLineNotFound = () => notFound('Riga dell’estratto conto');
export const statementUnreadable = () =>
  new AppError(
    422,
    'STATEMENT_UNREADABLE',
    'Il file non è un estratto conto leggibile: serve un CSV con le colonne della data (es. «Data contabile») e dell’importo (es. «Importo» oppure «Accrediti»).',
    { field: 'file' },
  );
export const bankLineAlreadyMatched = () =>
  new AppError(
    409,
    'BANK_LINE_ALREADY_MATCHED',
    'Questa riga dell’estratto conto è già abbinata a una donazione.',
  );
export const donationAlreadyReconciled = () =>
  new AppError(
    409,
    'DONATION_ALREADY_RECONCILED',
    'Questa donazione è già abbinata a una riga dell’estratto conto.',
    {
      field: 'donationId',
    },
  );
export const bankAmountMismatch = (lineCents: number, donationCents: number) =>
  new AppError(
    422,
    'BANK_AMOUNT_MISMATCH',
    `L’importo non coincide: la riga è di ${formatEuro(lineCents)}, la donazione di ${formatEuro(donationCents)}.`,
    { field: 'donationId' },
  );
export const donorChoice = () =>
  new AppError(
    422,
    'DONOR_CHOICE',
    'Indica un donatore registrato oppure i dati di un nuovo donatore, non entrambi.',
    {
      field: 'donor',
    },
  );
export const importNotFound = () => notFound('Importazione');
