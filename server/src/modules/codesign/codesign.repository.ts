import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  AgreementBody,
  CreateCallBody,
  CreateCodesignProposalBody,
} from '../../../../shared/src/codesign/codesign.schemas.js';

/*
 * The only SQL of the co-design tables. Every function takes the caller's transaction: scoped
 * (withScope) for the office, public (withPublicScope) for the published calls, where row-level
 * security returns no proposal.
 */

export interface CallRow {
  id: string;
  comuneCode: string;
  comuneName: string;
  title: string;
  description: string;
  budgetCents: number;
  opensOn: string;
  closesOn: string;
  fundProjectId: string | null;
}

const CALL_SELECT = sql`
  SELECT k.id, k.comune_code AS "comuneCode", c.name AS "comuneName", k.title, k.description,
         k.budget_cents::float8 AS "budgetCents", to_char(k.opens_on, 'YYYY-MM-DD') AS "opensOn",
         to_char(k.closes_on, 'YYYY-MM-DD') AS "closesOn", k.fund_project_id AS "fundProjectId"
  FROM codesign_calls k JOIN comuni c ON c.istat_code = k.comune_code`;

export async function listCalls(tx: Tx): Promise<CallRow[]> {
  return queryRows<CallRow>(tx, sql`${CALL_SELECT} ORDER BY k.closes_on DESC, k.title`);
}

export async function findCall(tx: Tx, id: string): Promise<CallRow | null> {
  const [row] = await queryRows<CallRow>(tx, sql`${CALL_SELECT} WHERE k.id = ${id}`);
  return row ?? null;
}

/** Inserts a call and its criteria; '' when the title is taken. */
export async function insertCall(tx: Tx, v: CreateCallBody): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO codesign_calls (comune_code, title, description, budget_cents, opens_on, closes_on, fund_project_id)
        VALUES (${v.comuneCode}, ${v.title}, ${v.description}, ${v.budgetCents}, ${v.opensOn}, ${v.closesOn},
          ${v.fundProjectId ?? null})
        ON CONFLICT (title) DO NOTHING RETURNING id`,
  );
  if (!row) return '';
  for (const [position, c] of v.criteria.entries())
    await tx.execute(
      sql`INSERT INTO codesign_criteria (call_id, label, max_score, position)
          VALUES (${row.id}, ${c.label}, ${c.maxScore}, ${position})`,
    );
  return row.id;
}

export interface CriterionRow {
  id: string;
  callId: string;
  label: string;
  maxScore: number;
}

export async function listCriteria(tx: Tx, callIds: readonly string[]): Promise<CriterionRow[]> {
  if (callIds.length === 0) return [];
  return queryRows<CriterionRow>(
    tx,
    sql`SELECT id, call_id AS "callId", label, max_score AS "maxScore" FROM codesign_criteria
        WHERE call_id = ANY(${pgArray(callIds)}::uuid[]) ORDER BY call_id, position`,
  );
}

export interface ProposalRow {
  id: string;
  callId: string;
  comuneCode: string;
  organizationId: string;
  organizationName: string;
  title: string;
  summary: string;
  requestedCents: number;
  submittedOn: string;
  contactFullName: string;
  contactEmail: string | null;
  contactPhone: string | null;
}

const PROPOSAL_SELECT = sql`
  SELECT p.id, p.call_id AS "callId", p.comune_code AS "comuneCode", p.organization_id AS "organizationId",
         o.name AS "organizationName", p.title, p.summary, p.requested_cents::float8 AS "requestedCents",
         to_char(p.submitted_on, 'YYYY-MM-DD') AS "submittedOn", p.contact_full_name AS "contactFullName",
         p.contact_email AS "contactEmail", p.contact_phone AS "contactPhone"
  FROM codesign_proposals p JOIN organizations o ON o.id = p.organization_id`;

export async function listProposals(tx: Tx, callId: string): Promise<ProposalRow[]> {
  return queryRows<ProposalRow>(
    tx,
    sql`${PROPOSAL_SELECT} WHERE p.call_id = ${callId} ORDER BY p.submitted_on, o.name`,
  );
}

export async function findProposal(tx: Tx, id: string): Promise<ProposalRow | null> {
  const [row] = await queryRows<ProposalRow>(tx, sql`${PROPOSAL_SELECT} WHERE p.id = ${id}`);
  return row ?? null;
}

/** Inserts a proposal; '' when the body already made one for the call. */
export async function insertProposal(
  tx: Tx,
  callId: string,
  comuneCode: string,
  v: CreateCodesignProposalBody,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO codesign_proposals (call_id, comune_code, organization_id, title, summary, requested_cents,
          contact_full_name, contact_email, contact_phone, submitted_on)
        VALUES (${callId}, ${comuneCode}, ${v.organizationId}, ${v.title}, ${v.summary}, ${v.requestedCents},
          ${v.contact.fullName}, ${v.contact.email ?? null}, ${v.contact.phone ?? null}, ${v.submittedOn})
        ON CONFLICT (call_id, organization_id) DO NOTHING RETURNING id`,
  );
  return row?.id ?? '';
}

export interface ScoreRow {
  proposalId: string;
  criterionId: string;
  score: number;
}

export async function listScores(tx: Tx, proposalIds: readonly string[]): Promise<ScoreRow[]> {
  if (proposalIds.length === 0) return [];
  return queryRows<ScoreRow>(
    tx,
    sql`SELECT s.proposal_id AS "proposalId", s.criterion_id AS "criterionId", s.score
        FROM codesign_scores s JOIN codesign_criteria c ON c.id = s.criterion_id
        WHERE s.proposal_id = ANY(${pgArray(proposalIds)}::uuid[]) ORDER BY s.proposal_id, c.position`,
  );
}

/** Replaces a proposal's scores. */
export async function replaceScores(
  tx: Tx,
  proposalId: string,
  scores: readonly { criterionId: string; score: number }[],
): Promise<void> {
  await tx.execute(sql`DELETE FROM codesign_scores WHERE proposal_id = ${proposalId}`);
  for (const s of scores)
    await tx.execute(
      sql`INSERT INTO codesign_scores (proposal_id, criterion_id, score) VALUES (${proposalId}, ${s.criterionId}, ${s.score})`,
    );
}

export interface AgreementRow {
  id: string;
  callId: string;
  proposalId: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
}

export interface PartnerRow {
  agreementId: string;
  organizationId: string;
  name: string;
  role: 'lead' | 'partner';
  fundLineId: string | null;
}

export async function listAgreements(tx: Tx, callIds: readonly string[]): Promise<AgreementRow[]> {
  if (callIds.length === 0) return [];
  return queryRows<AgreementRow>(
    tx,
    sql`SELECT id, call_id AS "callId", proposal_id AS "proposalId", to_char(signed_on, 'YYYY-MM-DD') AS "signedOn",
               to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
        FROM codesign_agreements WHERE call_id = ANY(${pgArray(callIds)}::uuid[])`,
  );
}

export async function listPartners(tx: Tx, agreementIds: readonly string[]): Promise<PartnerRow[]> {
  if (agreementIds.length === 0) return [];
  return queryRows<PartnerRow>(
    tx,
    sql`SELECT a.agreement_id AS "agreementId", a.organization_id AS "organizationId", o.name, a.role,
               a.fund_line_id AS "fundLineId"
        FROM codesign_partners a JOIN organizations o ON o.id = a.organization_id
        WHERE a.agreement_id = ANY(${pgArray(agreementIds)}::uuid[]) ORDER BY a.agreement_id, a.position`,
  );
}

/** Inserts the agreement of a call; '' when the call already has one. */
export async function insertAgreement(tx: Tx, callId: string, v: AgreementBody): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO codesign_agreements (call_id, proposal_id, signed_on, starts_on, ends_on)
        VALUES (${callId}, ${v.proposalId}, ${v.signedOn}, ${v.startsOn}, ${v.endsOn})
        ON CONFLICT (call_id) DO NOTHING RETURNING id`,
  );
  if (!row) return '';
  for (const [position, p] of v.partners.entries())
    await tx.execute(
      sql`INSERT INTO codesign_partners (agreement_id, organization_id, role, fund_line_id, position)
          VALUES (${row.id}, ${p.organizationId}, ${p.role}, ${p.fundLineId ?? null}, ${position})`,
    );
  return row.id;
}

export async function organizationKinds(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; kind: string }>(
    tx,
    sql`SELECT id, kind FROM organizations WHERE id = ANY(${pgArray(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.kind]));
}
