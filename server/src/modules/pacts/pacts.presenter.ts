import type {
  Activity,
  Commons,
  Pact,
  Party,
  Proposal,
  PublicPact,
  PublicParty,
} from '../../../../shared/src/pacts/pacts.schemas.js';
import type { ActivityRow, CommonsRow, PactRow, PartyRow, ProposalRow } from './pacts.repository.js';
import { pactState } from './pacts.rules.js';

/** Which fields of the pacts leave the server: the public side, or the office's view with contacts. */

export const presentCommons = (row: CommonsRow): Commons => ({ ...row });

export const presentProposal = (row: ProposalRow): Proposal => ({
  id: row.id,
  comuneCode: row.comuneCode,
  commonsId: row.commonsId,
  commonsName: row.commonsName,
  title: row.title,
  description: row.description,
  proposerKind: row.proposerKind,
  groupName: row.groupName,
  proposerFullName: row.proposerFullName,
  proposerEmail: row.proposerEmail,
  proposerPhone: row.proposerPhone,
  onlineByCitizen: row.submittedBy !== null,
  status: row.status,
  decisionNote: row.decisionNote,
  createdAt: row.createdAt,
});

const publicParty = (row: PartyRow): PublicParty => ({
  kind: row.kind,
  name: row.kind === 'citizen' ? null : row.name,
  duties: row.duties,
});

function pactBase(row: PactRow, commons: CommonsRow, today: string) {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    comuneSupport: row.comuneSupport,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    renewal: row.renewal,
    state: pactState(row.startsOn, row.endsOn, today),
    renewedFromId: row.renewedFromId,
    commons: presentCommons(commons),
    activities: row.activities,
    hours: row.hours,
  };
}

export const presentPublicPact = (
  row: PactRow,
  commons: CommonsRow,
  parties: PartyRow[],
  today: string,
): PublicPact => ({ ...pactBase(row, commons, today), parties: parties.map(publicParty) });

const party = (row: PartyRow): Party => ({
  ...publicParty(row),
  id: row.id,
  organizationId: row.organizationId,
  contact:
    row.contactFullName === null
      ? null
      : { fullName: row.contactFullName, email: row.contactEmail, phone: row.contactPhone },
});

const activity = (row: ActivityRow): Activity => ({ ...row });

export const presentPact = (
  row: PactRow,
  commons: CommonsRow,
  parties: PartyRow[],
  activities: ActivityRow[],
  today: string,
  abilities: Pact['abilities'],
): Pact => ({
  ...pactBase(row, commons, today),
  proposalId: row.proposalId,
  parties: parties.map(party),
  activityLog: activities.map(activity),
  abilities,
});
