import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { PartyProblem } from './pacts.rules.js';

export const commonsNotFound = () => notFound('Bene comune');
export const proposalNotFound = () => notFound('Proposta di patto');
export const pactNotFound = () => notFound('Patto di collaborazione');
export const comuneNotFound = () => notFound('Comune');

export const placeOutsideComune = () =>
  invalid('PLACE_OUTSIDE_COMUNE', 'Il punto sulla mappa è fuori dal territorio del comune.', {
    field: 'latitude',
  });
export const commonsNameTaken = () =>
  conflict('COMMONS_NAME_EXISTS', 'Nel registro del comune c’è già un bene comune con questo nome.', {
    field: 'name',
  });
export const commonsUnknown = () =>
  invalid('COMMONS_UNKNOWN', 'Il bene comune indicato non è nel registro di questo comune.', {
    field: 'commonsId',
  });
export const commonsMissing = () =>
  invalid('COMMONS_REQUIRED', 'Indica il bene comune del registro o il nome del luogo da curare.', {
    field: 'commonsName',
  });
export const groupNameRequired = () =>
  invalid('GROUP_NAME_REQUIRED', 'Per un gruppo indica il nome del gruppo.', { field: 'groupName' });
export const proposerRequired = () =>
  invalid('PROPOSER_REQUIRED', 'Indica il nome e un recapito (email o telefono) di chi propone.', {
    field: 'proposerFullName',
  });
export const proposalDecided = () =>
  conflict('PROPOSAL_ALREADY_DECIDED', 'Su questa proposta è già stata presa una decisione.');
export const proposalUnusable = () =>
  invalid('PROPOSAL_NOT_ACCEPTED', 'Il patto può nascere solo da una proposta accolta dello stesso comune.', {
    field: 'proposalId',
  });
export const proposalTaken = () =>
  conflict('PROPOSAL_HAS_PACT', 'Da questa proposta è già nato un patto.', { field: 'proposalId' });
export const periodInvalid = () =>
  invalid('PERIOD_INVALID', 'La data di fine deve essere successiva a quella di inizio.', {
    field: 'endsOn',
  });
export const organizationUnknown = (index: number) =>
  invalid('ORGANIZATION_UNKNOWN', 'L’organizzazione indicata non è nel registro.', {
    field: `parties.${index}.organizationId`,
  });

const PARTY_MESSAGES: Record<PartyProblem['code'], string> = {
  COMUNE_PARTY_COUNT: 'Il Comune firma il patto una volta sola: indicalo tra le parti una volta.',
  NO_CIVIC_PARTY: 'Serve almeno un cittadino, un gruppo o un’organizzazione che si prende cura del bene.',
  PARTY_NAME_REQUIRED: 'Indica il nome della parte.',
  PARTY_CONTACT_REQUIRED: 'Indica chi firma per questa parte e come contattarlo.',
  PARTY_ORGANIZATION_REQUIRED: 'Scegli l’organizzazione dal registro.',
  CITIZEN_NAME_PUBLISHED: 'Il nome di un cittadino non si pubblica: lascialo solo nel recapito.',
};

export const partyInvalid = (problem: PartyProblem) =>
  invalid(problem.code, PARTY_MESSAGES[problem.code], {
    field: 'index' in problem ? `parties.${problem.index}` : 'parties',
  });

const RENEWAL_MESSAGES = {
  NOT_RENEWABLE: 'Questo patto non prevede il rinnovo.',
  ALREADY_RENEWED: 'Questo patto è già stato rinnovato.',
  RENEWAL_ENDS_BEFORE_START: 'Il rinnovo deve finire dopo il giorno successivo alla fine del patto.',
} as const;

export const renewalRefused = (code: keyof typeof RENEWAL_MESSAGES) =>
  code === 'ALREADY_RENEWED'
    ? conflict(code, RENEWAL_MESSAGES[code])
    : invalid(code, RENEWAL_MESSAGES[code], { field: 'endsOn' });

export const activityDateRefused = (code: 'ACTIVITY_IN_FUTURE' | 'ACTIVITY_OUTSIDE_PACT') =>
  invalid(
    code,
    code === 'ACTIVITY_IN_FUTURE'
      ? 'L’attività non può essere nel futuro.'
      : 'L’attività deve cadere nel periodo del patto.',
    { field: 'occurredOn' },
  );
