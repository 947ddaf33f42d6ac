import type { CreatePactBody, PartyInput, Proposal } from '../../../../shared/src/pacts/pacts.schemas';

/** What the office types signing a pact born from an accepted proposal. */
export interface PactValues {
  commonsId: string;
  title: string;
  purpose: string;
  comuneSupport: string;
  startsOn: string;
  endsOn: string;
  renewal: 'none' | 'on_request';
  comuneDuties: string;
  proposerDuties: string;
}

export const pactFromProposal = (proposal: Proposal): PactValues => ({
  commonsId: proposal.commonsId ?? '',
  title: proposal.title,
  purpose: proposal.description,
  comuneSupport: '',
  startsOn: '',
  endsOn: '',
  renewal: 'on_request',
  comuneDuties: '',
  proposerDuties: '',
});

/** The proposer as a party: a citizen is never named in public, a group is, by its name. */
function proposerParty(proposal: Proposal, duties: string): PartyInput {
  const contact = {
    fullName: proposal.proposerFullName,
    ...(proposal.proposerEmail ? { email: proposal.proposerEmail } : {}),
    ...(proposal.proposerPhone ? { phone: proposal.proposerPhone } : {}),
  };
  return proposal.proposerKind === 'group' && proposal.groupName
    ? { kind: 'group', publicName: proposal.groupName, duties, contact }
    : { kind: 'citizen', duties, contact };
}

/** The body of POST /api/pacts: the Comune (party 0) and the proposer (party 1), each with duties. */
export function toPactBody(values: PactValues, proposal: Proposal, comuneName: string): CreatePactBody {
  return {
    commonsId: values.commonsId,
    proposalId: proposal.id,
    title: values.title.trim(),
    purpose: values.purpose.trim(),
    comuneSupport: values.comuneSupport.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    renewal: values.renewal,
    parties: [
      { kind: 'comune', publicName: `Comune di ${comuneName}`, duties: values.comuneDuties.trim() },
      proposerParty(proposal, values.proposerDuties.trim()),
    ],
  };
}

/** The server names a party's field "parties.1.duties" or "/parties/1/duties": one spelling here. */
export const fieldKey = (field: string) => field.replace(/^\//, '').replaceAll('/', '.');
