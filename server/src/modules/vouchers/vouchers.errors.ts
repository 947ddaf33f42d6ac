import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { formatEuro, type EligibilityProblem } from './vouchers.rules.js';

export const programmeNotFound = () => notFound('Programma');
export const applicationNotFound = () => notFound('Domanda');
export const voucherNotFound = () => notFound('Buono');
export const shopNotFound = () => notFound('Esercizio');
export const personUnknown = () =>
  invalid('PERSON_UNKNOWN', 'La persona indicata non è in anagrafica.', { field: 'personId' });
export const programmeNameTaken = () =>
  conflict('PROGRAMME_NAME_EXISTS', 'Esiste già un programma con questo nome.', { field: 'name' });
export const validityInvalid = () =>
  invalid('VALIDITY_INVALID', 'La data di fine validità non può precedere quella di inizio.', {
    field: 'validUntil',
  });
export const programmeClosed = () =>
  invalid('PROGRAMME_CLOSED', 'Il programma non accetta domande in questa data.', { field: 'programmeId' });
export const alreadyDecided = () => conflict('APPLICATION_ALREADY_DECIDED', 'La domanda è già stata decisa.');
export const notEligible = (problems: EligibilityProblem[], field: 'decision' | 'programmeId') =>
  invalid(
    'APPLICATION_NOT_ELIGIBLE',
    `La domanda non rispetta i requisiti: ${problems.map((p) => p.message).join(' ')}`,
    { field, problems },
  );
export const householdAlreadyApplied = () =>
  conflict(
    'HOUSEHOLD_ALREADY_APPLIED',
    'Il tuo nucleo familiare ha già una domanda per questo programma: la trovi tra le tue domande.',
    { field: 'programmeId' },
  );
export const citizenWithoutRecord = () =>
  invalid(
    'CITIZEN_WITHOUT_RECORD',
    'Il tuo account non è collegato alla tua scheda anagrafica: rivolgiti allo sportello del tuo comune.',
  );
export const householdAlreadyGranted = () =>
  conflict('HOUSEHOLD_ALREADY_GRANTED', 'Questo nucleo ha già una domanda accolta in questo programma.');
export const budgetExceeded = (availableCents: number) =>
  conflict(
    'BUDGET_EXCEEDED',
    `Il budget del programma non copre questo importo: restano ${formatEuro(availableCents)}.`,
    { availableCents },
  );
export const notApproved = () =>
  conflict(
    'APPLICATION_NOT_APPROVED',
    'Il buono si emette solo per una domanda accolta e non ancora pagata.',
  );
export const notAVoucherProgramme = () =>
  invalid('NOT_A_VOUCHER_PROGRAMME', 'Questo programma non eroga buoni spesa: registra il pagamento.', {
    field: 'programmeId',
  });
export const voucherProgramme = () =>
  invalid('VOUCHER_PROGRAMME', 'Questo programma eroga buoni spesa: emetti il buono invece del pagamento.', {
    field: 'programmeId',
  });
export const voucherAlreadyIssued = () =>
  conflict('VOUCHER_ALREADY_ISSUED', 'Per questa domanda il buono è già stato emesso.');
export const codeMalformed = () =>
  invalid('VOUCHER_CODE_INVALID', 'Il codice del buono non è valido: controlla di averlo scritto bene.', {
    field: 'code',
  });
export const notAShop = () =>
  new AppError(403, 'NOT_AN_ACCREDITED_SHOP', 'Il tuo account non è associato a un esercizio accreditato.');
export const voucherUnusable = (code: 'VOUCHER_NOT_YET_VALID' | 'VOUCHER_EXPIRED' | 'VOUCHER_CANCELLED') =>
  invalid(
    code,
    code === 'VOUCHER_EXPIRED'
      ? 'Il buono è scaduto.'
      : code === 'VOUCHER_CANCELLED'
        ? 'Il buono è stato annullato.'
        : 'Il buono non è ancora valido.',
    { field: 'code' },
  );
export const shopVatTaken = () =>
  conflict('SHOP_VAT_EXISTS', 'Un esercizio con questa partita IVA è già accreditato.', {
    field: 'vatNumber',
  });
export const userNotShopRole = () =>
  invalid('USER_NOT_ESERCENTE', 'L’utente indicato non ha il ruolo di esercente.', { field: 'userIds' });
