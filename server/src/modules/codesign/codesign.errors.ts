import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { PartnershipProblem, ScoreProblem } from './codesign.rules.js';

export const callNotFound = () => notFound('Avviso di co-progettazione');
export const proposalNotFound = () => notFound('Proposta di co-progettazione');

export const callTitleTaken = () =>
  conflict('CALL_TITLE_EXISTS', 'Esiste già un avviso con questo titolo.', { field: 'title' });
export const callPeriodInvalid = () =>
  invalid('CALL_PERIOD_INVALID', 'La chiusura dell’avviso non può precedere l’apertura.', {
    field: 'closesOn',
  });
export const projectUnknown = () =>
  invalid('FUND_PROJECT_UNKNOWN', 'Il progetto indicato non esiste tra i fondi.', { field: 'fundProjectId' });
export const criterionTwice = () =>
  invalid('CRITERION_DUPLICATE', 'Due criteri hanno lo stesso nome.', { field: 'criteria' });
export const organizationUnknown = (field = 'organizationId') =>
  invalid('ORGANIZATION_UNKNOWN', 'L’organizzazione indicata non è nel registro.', { field });
export const notThirdSector = () =>
  invalid(
    'ORGANIZATION_NOT_THIRD_SECTOR',
    'Alla co-progettazione partecipano gli enti del Terzo Settore (associazioni, cooperative sociali, fondazioni).',
    { field: 'organizationId' },
  );
export const submittedOutsideCall = () =>
  invalid('PROPOSAL_OUTSIDE_CALL', 'La proposta deve essere presentata mentre l’avviso è aperto.', {
    field: 'submittedOn',
  });
export const proposalTwice = () =>
  conflict('PROPOSAL_EXISTS', 'Questo ente ha già presentato una proposta per l’avviso.', {
    field: 'organizationId',
  });
export const callStillOpen = () =>
  invalid('CALL_STILL_OPEN', 'Le proposte si valutano dopo la chiusura dell’avviso.');
export const callAwarded = () =>
  conflict('CALL_AWARDED', 'Per questo avviso l’accordo di partenariato è già stato firmato.');

const SCORE_MESSAGES: Record<ScoreProblem['code'], string> = {
  CRITERION_UNKNOWN: 'Il criterio indicato non è di questo avviso.',
  CRITERION_TWICE: 'Ogni criterio si valuta una volta.',
  SCORE_ABOVE_MAX: 'Il punteggio supera il massimo del criterio.',
  CRITERIA_MISSING: 'Valuta tutti i criteri dell’avviso.',
};
export const scoresInvalid = (problem: ScoreProblem) =>
  invalid(problem.code, SCORE_MESSAGES[problem.code], {
    field: 'index' in problem ? `scores.${problem.index}.score` : 'scores',
  });

export const proposalNotOfCall = () =>
  invalid('PROPOSAL_NOT_OF_CALL', 'La proposta indicata non è di questo avviso.', { field: 'proposalId' });
export const proposalNotBest = () =>
  invalid(
    'PROPOSAL_NOT_BEST',
    'L’accordo si firma con l’ente della proposta meglio valutata, dopo aver valutato tutte le proposte.',
    { field: 'proposalId' },
  );
export const agreementPeriodInvalid = () =>
  invalid('AGREEMENT_PERIOD_INVALID', 'La fine dell’accordo deve seguire l’inizio.', { field: 'endsOn' });

const PARTNERSHIP_MESSAGES: Record<PartnershipProblem['code'], string> = {
  LEAD_COUNT: 'Il partenariato ha un solo capofila.',
  LEAD_NOT_PROPOSER: 'Il capofila è l’ente che ha presentato la proposta.',
  PARTNER_TWICE: 'Ogni ente compare una volta nel partenariato.',
};
export const partnershipInvalid = (problem: PartnershipProblem) =>
  invalid(problem.code, PARTNERSHIP_MESSAGES[problem.code], {
    field: 'index' in problem ? `partners.${problem.index}.organizationId` : 'partners',
  });
export const fundLineNotOfProject = (index: number) =>
  invalid('FUND_LINE_NOT_OF_PROJECT', 'La voce di bilancio indicata non è del progetto dell’avviso.', {
    field: `partners.${index}.fundLineId`,
  });
