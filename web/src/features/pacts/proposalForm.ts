import type { CreateProposalBody } from '../../../../shared/src/pacts/pacts.schemas';

/** What a citizen types proposing a pact. `commonsId` is '' when the place is not in the register. */
export interface ProposalValues {
  comuneCode: string;
  commonsId: string;
  commonsName: string;
  title: string;
  description: string;
  proposerKind: 'citizen' | 'group';
  groupName: string;
  /** Typed at the desk only: online, the session names the citizen. */
  proposerFullName: string;
  proposerEmail: string;
  proposerPhone: string;
}

export const emptyProposal = (comuneCode: string): ProposalValues => ({
  comuneCode,
  commonsId: '',
  commonsName: '',
  title: '',
  description: '',
  proposerKind: 'citizen',
  groupName: '',
  proposerFullName: '',
  proposerEmail: '',
  proposerPhone: '',
});

/** The cross-field rules the server checks after the schema, so they show with the schema's errors. */
export type ProposalRule = 'commonsName' | 'groupName' | 'proposerFullName';

export function brokenProposalRules(values: ProposalValues, atDesk = false): ProposalRule[] {
  const broken: ProposalRule[] = [];
  if (!values.commonsId && values.commonsName.trim() === '') broken.push('commonsName');
  if (values.proposerKind === 'group' && values.groupName.trim() === '') broken.push('groupName');
  const contact = values.proposerEmail.trim() !== '' || values.proposerPhone.trim() !== '';
  if (atDesk && (values.proposerFullName.trim() === '' || !contact)) broken.push('proposerFullName');
  return broken;
}

/**
 * The body of POST /api/pacts/proposals. Fields are sent as typed (trimmed) so that the server's
 * schema names every one that is wrong; optional ones left blank are left out.
 */
export function toProposalBody(values: ProposalValues): CreateProposalBody {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    comuneCode: values.comuneCode,
    commonsId: optional(values.commonsId),
    commonsName: values.commonsId ? undefined : optional(values.commonsName),
    title: values.title.trim(),
    description: values.description.trim(),
    proposerKind: values.proposerKind,
    groupName: values.proposerKind === 'group' ? optional(values.groupName) : undefined,
    proposerFullName: optional(values.proposerFullName),
    proposerEmail: optional(values.proposerEmail),
    proposerPhone: optional(values.proposerPhone),
  };
}
