import type {
  AgreementBody,
  CodesignProposal,
  CreateCallBody,
  CreateCodesignProposalBody,
} from '../../../../shared/src/codesign/codesign.schemas';
import { parseEuroCents } from '../../i18n/money';

/*
 * The office's co-design forms send what was typed (trimmed) so that the server's schema names every
 * wrong field at once; an amount or a number that cannot be read goes as 0, below every minimum, so
 * that its field is named too. Optional fields left blank are left out.
 */

const amount = (text: string) => parseEuroCents(text) ?? 0;
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : 0);
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

export interface CriterionValues {
  label: string;
  maxScore: string;
}

export interface CallValues {
  comuneCode: string;
  title: string;
  description: string;
  budget: string;
  opensOn: string;
  closesOn: string;
  fundProjectId: string;
  criteria: CriterionValues[];
}

export const emptyCall = (): CallValues => ({
  comuneCode: '',
  title: '',
  description: '',
  budget: '',
  opensOn: '',
  closesOn: '',
  fundProjectId: '',
  criteria: [{ label: '', maxScore: '' }],
});

export function toCallBody(values: CallValues, comuneCode: string): CreateCallBody {
  return {
    comuneCode,
    title: values.title.trim(),
    description: values.description.trim(),
    budgetCents: amount(values.budget),
    opensOn: values.opensOn,
    closesOn: values.closesOn,
    fundProjectId: optional(values.fundProjectId),
    criteria: values.criteria.map((c) => ({ label: c.label.trim(), maxScore: whole(c.maxScore) })),
  };
}

/** A proposal received on paper, typed by the office. */
export interface PaperProposalValues {
  organizationId: string;
  title: string;
  summary: string;
  requested: string;
  submittedOn: string;
  fullName: string;
  email: string;
  phone: string;
}

export const emptyPaperProposal = (): PaperProposalValues => ({
  organizationId: '',
  title: '',
  summary: '',
  requested: '',
  submittedOn: '',
  fullName: '',
  email: '',
  phone: '',
});

export function toProposalBody(values: PaperProposalValues): CreateCodesignProposalBody {
  return {
    organizationId: values.organizationId,
    title: values.title.trim(),
    summary: values.summary.trim(),
    requestedCents: amount(values.requested),
    submittedOn: values.submittedOn,
    contact: {
      fullName: values.fullName.trim(),
      email: optional(values.email),
      phone: optional(values.phone),
    },
  };
}

/** The partnership: the lead is the best-ranked proposal's body; partners are picked among the others. */
export interface AgreementValues {
  signedOn: string;
  startsOn: string;
  endsOn: string;
  /** Organisation id → budget line id ('' for none), for the lead and each partner chosen. */
  lines: Record<string, string>;
  partnerIds: string[];
}

export const emptyAgreement = (): AgreementValues => ({
  signedOn: '',
  startsOn: '',
  endsOn: '',
  lines: {},
  partnerIds: [],
});

/** The proposal the agreement is signed with: ranked first once every proposal is scored. */
export function bestProposal(proposals: readonly CodesignProposal[]): CodesignProposal | null {
  if (proposals.length === 0 || proposals.some((p) => p.total === null)) return null;
  return proposals.find((p) => p.rank === 1) ?? null;
}

export function toAgreementBody(values: AgreementValues, best: CodesignProposal): AgreementBody {
  const member = (organizationId: string, role: 'lead' | 'partner') => ({
    organizationId,
    role,
    fundLineId: optional(values.lines[organizationId] ?? ''),
  });
  return {
    proposalId: best.id,
    signedOn: values.signedOn,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    partners: [member(best.organizationId, 'lead'), ...values.partnerIds.map((id) => member(id, 'partner'))],
  };
}
