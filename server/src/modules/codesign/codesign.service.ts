import { assertInScope, withPublicScope, withScope } from '../../platform/access/access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type {
  AgreementBody,
  CallDetail,
  CodesignProposal,
  CreateCallBody,
  CreateCodesignProposalBody,
  PublicCall,
  ScoresBody,
} from '../../../../shared/src/codesign/codesign.schemas.js';
import { findLine, findProject, projectLinesWithBalance } from '../funds/index.js';
import { findComune } from '../territory/index.js';
import * as repo from './codesign.repository.js';
import { mayManageCodesign } from './codesign.policy.js';
import {
  callState,
  partnershipProblem,
  rankProposals,
  scoreProblem,
  THIRD_SECTOR_KINDS,
} from './codesign.rules.js';
import {
  agreementPeriodInvalid,
  callAwarded,
  callNotFound,
  callPeriodInvalid,
  callStillOpen,
  callTitleTaken,
  criterionTwice,
  fundLineNotOfProject,
  notThirdSector,
  organizationUnknown,
  partnershipInvalid,
  projectUnknown,
  proposalNotBest,
  proposalNotFound,
  proposalNotOfCall,
  proposalTwice,
  scoresInvalid,
  submittedOutsideCall,
} from './codesign.errors.js';

type Scope = Parameters<typeof assertInScope>[0];

/** The published side of some calls: criteria, project title and agreement with its partners. */
async function publicCalls(tx: Tx, calls: repo.CallRow[], today: string): Promise<PublicCall[]> {
  const ids = calls.map((c) => c.id);
  const [criteria, agreements] = await Promise.all([
    repo.listCriteria(tx, ids),
    repo.listAgreements(tx, ids),
  ]);
  const partners = await repo.listPartners(
    tx,
    agreements.map((a) => a.id),
  );
  return Promise.all(
    calls.map(async (call) => {
      const agreement = agreements.find((a) => a.callId === call.id) ?? null;
      const project = call.fundProjectId ? await findProject(tx, call.fundProjectId) : null;
      return {
        ...call,
        state: callState(call, agreement !== null, today),
        criteria: criteria
          .filter((c) => c.callId === call.id)
          .map((c) => ({ id: c.id, label: c.label, maxScore: c.maxScore })),
        project: project ? { id: project.id, title: project.title } : null,
        agreement: agreement && {
          id: agreement.id,
          proposalId: agreement.proposalId,
          signedOn: agreement.signedOn,
          startsOn: agreement.startsOn,
          endsOn: agreement.endsOn,
          partners: partners
            .filter((p) => p.agreementId === agreement.id)
            .map((p) => ({
              organizationId: p.organizationId,
              name: p.name,
              role: p.role,
              fundLineId: p.fundLineId,
            })),
        },
      };
    }),
  );
}

/** Every call, open and closed, as published: readable without logging in. */
export async function listPublicCalls(ctx: Context): Promise<PublicCall[]> {
  const today = dateInRome();
  return withPublicScope(ctx, async (tx) => publicCalls(tx, await repo.listCalls(tx), today));
}

async function callInScope(tx: Tx, scope: Scope, id: string): Promise<repo.CallRow> {
  const call = await repo.findCall(tx, id);
  if (!call) throw callNotFound();
  assertInScope(scope, call.comuneCode, 'Avviso di co-progettazione');
  return call;
}

async function callDetail(ctx: Context, tx: Tx, call: repo.CallRow): Promise<CallDetail> {
  const today = dateInRome();
  const [published] = await publicCalls(tx, [call], today);
  const proposals = await repo.listProposals(tx, call.id);
  const scores = await repo.listScores(
    tx,
    proposals.map((p) => p.id),
  );
  const criteriaCount = published!.criteria.length;
  const totals = proposals.map((p) => {
    const own = scores.filter((s) => s.proposalId === p.id);
    return {
      id: p.id,
      total: own.length === criteriaCount ? own.reduce((sum, s) => sum + s.score, 0) : null,
      own,
    };
  });
  const ranks = rankProposals(totals);
  const lines = call.fundProjectId ? await projectLinesWithBalance(tx, call.fundProjectId) : [];
  return {
    ...published!,
    proposals: proposals.map((p, i): CodesignProposal => ({
      id: p.id,
      organizationId: p.organizationId,
      organizationName: p.organizationName,
      title: p.title,
      summary: p.summary,
      requestedCents: p.requestedCents,
      submittedOn: p.submittedOn,
      contact: { fullName: p.contactFullName, email: p.contactEmail, phone: p.contactPhone },
      scores: totals[i]!.own.map((s) => ({ criterionId: s.criterionId, score: s.score })),
      total: totals[i]!.total,
      rank: ranks.get(p.id) ?? null,
    })),
    fundLines: lines.map(({ line, balance }) => ({
      id: line.id,
      label: line.label,
      comuneCode: line.comuneCode,
      budgetCents: balance.budgetCents,
      spentCents: balance.spentCents,
    })),
    abilities: { manage: mayManageCodesign(ctx.actor, call.comuneCode) },
  };
}

/**
 * Publishes a call of a comune the administrator runs, with its criteria, optionally for a project
 * of the funds. @throws 404 for a comune outside the territory, 422 for dates, criteria or project, 409 for a title taken.
 */
export async function createCall(ctx: Context, body: CreateCallBody): Promise<CallDetail> {
  return withScope(ctx, 'codesign.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    if (!(await findComune(tx, body.comuneCode))) throw callNotFound();
    if (body.closesOn < body.opensOn) throw callPeriodInvalid();
    if (new Set(body.criteria.map((c) => c.label.toLowerCase())).size !== body.criteria.length)
      throw criterionTwice();
    if (body.fundProjectId && !(await findProject(tx, body.fundProjectId))) throw projectUnknown();
    const id = await repo.insertCall(tx, body);
    if (!id) throw callTitleTaken();
    await writeAudit(tx, ctx, {
      action: 'codesign.call_create',
      entityType: 'codesign_call',
      entityId: id,
      comune: body.comuneCode,
    });
    return callDetail(ctx, tx, (await repo.findCall(tx, id))!);
  });
}

/** A call with its proposals, contacts, scores and ranking. Audited: the contacts are personal data. */
export async function getCall(ctx: Context, id: string): Promise<CallDetail> {
  return withScope(ctx, 'codesign.read', async (tx, scope) => {
    const call = await callInScope(tx, scope, id);
    await writeAudit(tx, ctx, {
      action: 'codesign.proposal_search',
      entityType: 'codesign_call',
      entityId: id,
      comune: call.comuneCode,
    });
    return callDetail(ctx, tx, call);
  });
}

/**
 * Records the proposal of a third-sector body of the registry, submitted while the call was open.
 * @throws 404 outside the territory, 422 for another kind of body or a date outside the call, 409 for a second one.
 */
export async function createProposal(
  ctx: Context,
  callId: string,
  body: CreateCodesignProposalBody,
): Promise<CallDetail> {
  return withScope(ctx, 'codesign.manage', async (tx, scope) => {
    const call = await callInScope(tx, scope, callId);
    const kind = (await repo.organizationKinds(tx, [body.organizationId])).get(body.organizationId);
    if (!kind) throw organizationUnknown();
    if (!THIRD_SECTOR_KINDS.has(kind)) throw notThirdSector();
    if (body.submittedOn < call.opensOn || body.submittedOn > call.closesOn) throw submittedOutsideCall();
    const id = await repo.insertProposal(tx, call.id, call.comuneCode, body);
    if (!id) throw proposalTwice();
    await writeAudit(tx, ctx, {
      action: 'codesign.proposal_create',
      entityType: 'codesign_proposal',
      entityId: id,
      comune: call.comuneCode,
    });
    return callDetail(ctx, tx, call);
  });
}

/**
 * Scores a proposal on every criterion of its call, after the call closed and before the agreement.
 * @throws 404 outside the territory, 422 while open or for wrong scores, 409 once the agreement is signed.
 */
export async function scoreProposal(ctx: Context, proposalId: string, body: ScoresBody): Promise<CallDetail> {
  return withScope(ctx, 'codesign.manage', async (tx, scope) => {
    const proposal = await repo.findProposal(tx, proposalId);
    if (!proposal) throw proposalNotFound();
    const call = await callInScope(tx, scope, proposal.callId);
    if (dateInRome() <= call.closesOn) throw callStillOpen();
    if ((await repo.listAgreements(tx, [call.id])).length > 0) throw callAwarded();
    const problem = scoreProblem(await repo.listCriteria(tx, [call.id]), body.scores);
    if (problem) throw scoresInvalid(problem);
    await repo.replaceScores(tx, proposal.id, body.scores);
    await writeAudit(tx, ctx, {
      action: 'codesign.evaluate',
      entityType: 'codesign_proposal',
      entityId: proposal.id,
      comune: call.comuneCode,
      details: { total: body.scores.reduce((sum, s) => sum + s.score, 0) },
    });
    return callDetail(ctx, tx, call);
  });
}

/**
 * Signs the partnership agreement with the best-ranked proposal's body as lead, every proposal
 * scored; budget lines, when named, are of the call's project (funds module).
 * @throws 404 outside the territory, 422 for the proposal, partners, lines or dates, 409 when signed.
 */
export async function signAgreement(ctx: Context, callId: string, body: AgreementBody): Promise<CallDetail> {
  return withScope(ctx, 'codesign.manage', async (tx, scope) => {
    const call = await callInScope(tx, scope, callId);
    if ((await repo.listAgreements(tx, [call.id])).length > 0) throw callAwarded();
    if (body.endsOn <= body.startsOn) throw agreementPeriodInvalid();
    const detail = await callDetail(ctx, tx, call);
    const chosen = detail.proposals.find((p) => p.id === body.proposalId);
    if (!chosen) throw proposalNotOfCall();
    if (chosen.rank !== 1 || detail.proposals.some((p) => p.total === null)) throw proposalNotBest();
    const problem = partnershipProblem(body.partners, chosen.organizationId);
    if (problem) throw partnershipInvalid(problem);
    const kinds = await repo.organizationKinds(
      tx,
      body.partners.map((p) => p.organizationId),
    );
    const unknown = body.partners.findIndex((p) => !kinds.has(p.organizationId));
    if (unknown >= 0) throw organizationUnknown(`partners.${unknown}.organizationId`);
    for (const [index, partner] of body.partners.entries()) {
      if (!partner.fundLineId) continue;
      const line = await findLine(tx, partner.fundLineId);
      if (!line || !call.fundProjectId || line.projectId !== call.fundProjectId)
        throw fundLineNotOfProject(index);
    }
    const id = await repo.insertAgreement(tx, call.id, body);
    if (!id) throw callAwarded();
    await writeAudit(tx, ctx, {
      action: 'codesign.agreement',
      entityType: 'codesign_agreement',
      entityId: id,
      comune: call.comuneCode,
      details: { partners: body.partners.length },
    });
    return callDetail(ctx, tx, call);
  });
}
