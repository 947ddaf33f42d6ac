import {
  THIRD_SECTOR_ORGANIZATION_KINDS,
  type CALL_STATES,
} from '../../../../shared/src/codesign/codesign.schemas.js';

/*
 * The rules of a co-design procedure (art. 55 of the Codice del Terzo Settore, D.Lgs. 117/2017):
 * a call open between two dates, proposals from third-sector bodies scored on the call's criteria
 * after it closes, and one partnership agreement with the best-ranked proposal's body as lead.
 */

export type CallState = (typeof CALL_STATES)[number];

export function callState(
  call: { opensOn: string; closesOn: string },
  hasAgreement: boolean,
  today: string,
): CallState {
  if (hasAgreement) return 'awarded';
  if (today < call.opensOn) return 'upcoming';
  return today <= call.closesOn ? 'open' : 'closed';
}

export const THIRD_SECTOR_KINDS: ReadonlySet<string> = new Set(THIRD_SECTOR_ORGANIZATION_KINDS);

export type ScoreProblem =
  | { code: 'CRITERION_UNKNOWN'; index: number }
  | { code: 'CRITERION_TWICE'; index: number }
  | { code: 'SCORE_ABOVE_MAX'; index: number }
  | { code: 'CRITERIA_MISSING' };

/** Every criterion of the call scored once, each within its maximum. */
export function scoreProblem(
  criteria: readonly { id: string; maxScore: number }[],
  scores: readonly { criterionId: string; score: number }[],
): ScoreProblem | null {
  const max = new Map(criteria.map((c) => [c.id, c.maxScore]));
  const seen = new Set<string>();
  for (const [index, s] of scores.entries()) {
    const limit = max.get(s.criterionId);
    if (limit === undefined) return { code: 'CRITERION_UNKNOWN', index };
    if (seen.has(s.criterionId)) return { code: 'CRITERION_TWICE', index };
    if (s.score > limit) return { code: 'SCORE_ABOVE_MAX', index };
    seen.add(s.criterionId);
  }
  return seen.size === criteria.length ? null : { code: 'CRITERIA_MISSING' };
}

/**
 * Ranks the proposals fully scored by total, highest first; equal totals share a rank
 * (competition ranking: 1, 1, 3). Proposals not fully scored have no rank.
 */
export function rankProposals(totals: readonly { id: string; total: number | null }[]): Map<string, number> {
  const scored = totals.filter((t): t is { id: string; total: number } => t.total !== null);
  const ranks = new Map<string, number>();
  for (const t of scored) ranks.set(t.id, 1 + scored.filter((o) => o.total > t.total).length);
  return ranks;
}

export type PartnershipProblem =
  { code: 'LEAD_COUNT' } | { code: 'LEAD_NOT_PROPOSER' } | { code: 'PARTNER_TWICE'; index: number };

/** One lead, the body that made the proposal; each partner once. */
export function partnershipProblem(
  partners: readonly { organizationId: string; role: 'lead' | 'partner' }[],
  proposerOrganizationId: string,
): PartnershipProblem | null {
  const leads = partners.filter((p) => p.role === 'lead');
  if (leads.length !== 1) return { code: 'LEAD_COUNT' };
  if (leads[0]!.organizationId !== proposerOrganizationId) return { code: 'LEAD_NOT_PROPOSER' };
  const seen = new Set<string>();
  for (const [index, p] of partners.entries()) {
    if (seen.has(p.organizationId)) return { code: 'PARTNER_TWICE', index };
    seen.add(p.organizationId);
  }
  return null;
}
