import { assertInScope, requireActor, withPublicScope, withScope } from '../../platform/access/access.js';
import { scopeIsEmpty, scopeOf } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { databaseErrorOf, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type {
  Activity,
  Commons,
  CommonsQuery,
  CreateActivityBody,
  CreateCommonsBody,
  CreatePactBody,
  CreateProposalBody,
  DecideProposalBody,
  Pact,
  Proposal,
  PublicPact,
  PublicPactsQuery,
  RenewPactBody,
} from '../../../../shared/src/pacts/pacts.schemas.js';
import { comuneRings, findComune } from '../territory/index.js';
import * as repo from './pacts.repository.js';
import { mayManagePacts } from './pacts.policy.js';
import { presentCommons, presentPact, presentProposal, presentPublicPact } from './pacts.presenter.js';
import { activityDateRefusal, dayAfter, partyProblem, placeInComune, renewalRefusal } from './pacts.rules.js';
import {
  activityDateRefused,
  commonsMissing,
  commonsNameTaken,
  commonsUnknown,
  comuneNotFound,
  groupNameRequired,
  organizationUnknown,
  pactNotFound,
  partyInvalid,
  periodInvalid,
  placeOutsideComune,
  proposalDecided,
  proposalNotFound,
  proposalTaken,
  proposalUnusable,
  proposerRequired,
  renewalRefused,
} from './pacts.errors.js';

type Scope = Parameters<typeof assertInScope>[0];

/** The register of the commons, published: readable without logging in. */
export async function listCommons(ctx: Context, query: CommonsQuery): Promise<Commons[]> {
  const rows = await withPublicScope(ctx, (tx) => repo.listCommons(tx, query.comune ?? null));
  return rows.map(presentCommons);
}

/**
 * Registers a commons of a comune the office runs, at a place inside the comune's boundary.
 * @throws 404 for a comune outside the territory, 422 for a place outside the comune, 409 for a name taken.
 */
export async function createCommons(ctx: Context, body: CreateCommonsBody): Promise<Commons> {
  return withScope(ctx, 'pact.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    if (!(await findComune(tx, body.comuneCode))) throw comuneNotFound();
    if (!placeInComune(body.latitude, body.longitude, comuneRings(body.comuneCode)))
      throw placeOutsideComune();
    const id = await repo.insertCommons(tx, body);
    if (!id) throw commonsNameTaken();
    await writeAudit(tx, ctx, {
      action: 'commons.create',
      entityType: 'commons',
      entityId: id,
      comune: body.comuneCode,
    });
    return presentCommons((await repo.findCommons(tx, id))!);
  });
}

/** A commons of the register in the given comune. @throws 422 when it is unknown or elsewhere. */
async function commonsOfComune(tx: Tx, id: string, comune: string): Promise<repo.CommonsRow> {
  const commons = await repo.findCommons(tx, id);
  if (!commons || commons.comuneCode !== comune) throw commonsUnknown();
  return commons;
}

/**
 * A proposal of a pact. A citizen proposes online in their own comune, named by the session; the
 * office registers one received on paper with the proposer's name and a contact.
 * @throws 403 without either right, 404 for a comune outside the territory, 422 for missing details.
 */
export async function createProposal(ctx: Context, body: CreateProposalBody): Promise<Proposal> {
  const actor = requireActor(ctx);
  const byOffice = mayManagePacts(actor, body.comuneCode);
  return withScope(ctx, byOffice ? 'pact.manage' : 'pact.propose', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    if (body.commonsId) await commonsOfComune(tx, body.commonsId, body.comuneCode);
    else if (!body.commonsName) throw commonsMissing();
    if (body.proposerKind === 'group' && !body.groupName) throw groupNameRequired();
    const proposer = byOffice
      ? {
          proposerFullName: body.proposerFullName,
          proposerEmail: body.proposerEmail,
          proposerPhone: body.proposerPhone,
          submittedBy: null,
        }
      : {
          proposerFullName: actor.fullName,
          proposerEmail: body.proposerEmail ?? actor.email,
          proposerPhone: body.proposerPhone,
          submittedBy: actor.userId,
        };
    if (!proposer.proposerFullName || !(proposer.proposerEmail || proposer.proposerPhone))
      throw proposerRequired();
    const id = await repo.insertProposal(tx, {
      ...body,
      ...proposer,
      proposerFullName: proposer.proposerFullName,
    });
    await writeAudit(tx, ctx, {
      action: 'pact_proposal.create',
      entityType: 'pact_proposal',
      entityId: id,
      comune: body.comuneCode,
      details: { online: !byOffice },
    });
    return presentProposal((await repo.findProposal(tx, id))!);
  });
}

/** The proposals of the office's territory, or a citizen's own. Audited: they name the proposers. */
export async function listProposals(ctx: Context): Promise<Proposal[]> {
  const actor = requireActor(ctx);
  const office = !scopeIsEmpty(scopeOf(actor, 'pact.read'));
  return withScope(ctx, office ? 'pact.read' : 'pact.propose', async (tx) => {
    const rows = await repo.listProposals(tx, office ? null : actor.userId);
    await writeAudit(tx, ctx, {
      action: 'pact_proposal.search',
      entityType: 'pact_proposal',
      details: { count: rows.length, own: !office },
    });
    return rows.map(presentProposal);
  });
}

async function proposalInScope(tx: Tx, scope: Scope, id: string): Promise<repo.ProposalRow> {
  const row = await repo.findProposal(tx, id);
  if (!row) throw proposalNotFound();
  assertInScope(scope, row.comuneCode, 'Proposta di patto');
  return row;
}

/** Accepts or rejects a received proposal. @throws 404 outside the territory, 409 when already decided. */
export async function decideProposal(ctx: Context, id: string, body: DecideProposalBody): Promise<Proposal> {
  return withScope(ctx, 'pact.manage', async (tx, scope) => {
    const proposal = await proposalInScope(tx, scope, id);
    if (!(await repo.decideProposal(tx, id, body.status, body.note))) throw proposalDecided();
    await writeAudit(tx, ctx, {
      action: 'pact_proposal.decide',
      entityType: 'pact_proposal',
      entityId: id,
      comune: proposal.comuneCode,
      details: { status: body.status },
    });
    return presentProposal((await repo.findProposal(tx, id))!);
  });
}

async function pactInScope(tx: Tx, scope: Scope, id: string): Promise<repo.PactRow> {
  const row = await repo.findPact(tx, id);
  if (!row) throw pactNotFound();
  assertInScope(scope, row.comuneCode, 'Patto di collaborazione');
  return row;
}

async function pactView(ctx: Context, tx: Tx, pact: repo.PactRow): Promise<Pact> {
  const [commons, parties, activities] = await Promise.all([
    repo.findCommons(tx, pact.commonsId),
    repo.listParties(tx, [pact.id]),
    repo.listActivities(tx, pact.id),
  ]);
  const manage = mayManagePacts(ctx.actor, pact.comuneCode);
  return presentPact(pact, commons!, parties, activities, dateInRome(), {
    manage,
    renew: manage && renewalRefusal(pact, pact.renewedById !== null, '9999-12-31') === null,
  });
}

/**
 * Signs a pact on a commons of the register: the Comune and at least one civic party, each with its
 * duties; from an accepted proposal of the same comune when there is one.
 * @throws 404 outside the territory, 422 for a wrong period, parties or proposal, 409 for a proposal used.
 */
export async function createPact(ctx: Context, body: CreatePactBody): Promise<Pact> {
  return withScope(ctx, 'pact.manage', async (tx, scope) => {
    const commons = await repo.findCommons(tx, body.commonsId);
    if (!commons) throw commonsUnknown();
    assertInScope(scope, commons.comuneCode, 'Bene comune');
    if (body.endsOn <= body.startsOn) throw periodInvalid();
    const problem = partyProblem(body.parties);
    if (problem) throw partyInvalid(problem);
    const organizationIds = body.parties.flatMap((p) => (p.organizationId ? [p.organizationId] : []));
    const known = await repo.organizationsExist(tx, organizationIds);
    const unknown = body.parties.findIndex((p) => p.organizationId && !known.has(p.organizationId));
    if (unknown >= 0) throw organizationUnknown(unknown);
    if (body.proposalId) {
      const proposal = await repo.findProposal(tx, body.proposalId);
      if (!proposal || proposal.comuneCode !== commons.comuneCode || proposal.status !== 'accepted')
        throw proposalUnusable();
      if (await repo.proposalHasPact(tx, proposal.id)) throw proposalTaken();
    }
    const id = await repo.insertPact(tx, {
      comuneCode: commons.comuneCode,
      commonsId: commons.id,
      proposalId: body.proposalId ?? null,
      title: body.title,
      purpose: body.purpose,
      comuneSupport: body.comuneSupport,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      renewal: body.renewal,
      renewedFromId: null,
      createdBy: ctx.actor?.userId ?? null,
    });
    await repo.insertParties(tx, id, commons.comuneCode, body.parties);
    await writeAudit(tx, ctx, {
      action: 'pact.create',
      entityType: 'pact',
      entityId: id,
      comune: commons.comuneCode,
      details: { parties: body.parties.length },
    });
    return pactView(ctx, tx, (await repo.findPact(tx, id))!);
  });
}

/** A pact with its parties' contacts and the care done. Audited: the contacts are personal data. */
export async function getPact(ctx: Context, id: string): Promise<Pact> {
  return withScope(ctx, 'pact.read', async (tx, scope) => {
    const pact = await pactInScope(tx, scope, id);
    await writeAudit(tx, ctx, {
      action: 'pact.read',
      entityType: 'pact',
      entityId: id,
      comune: pact.comuneCode,
    });
    return pactView(ctx, tx, pact);
  });
}

/**
 * Renews a pact whose terms allow it: the same commons, parties and duties from the day after it ends.
 * @throws 404 outside the territory, 422 when not renewable or the new end is too early, 409 when renewed.
 */
export async function renewPact(ctx: Context, id: string, body: RenewPactBody): Promise<Pact> {
  return withScope(ctx, 'pact.manage', async (tx, scope) => {
    const pact = await pactInScope(tx, scope, id);
    const refusal = renewalRefusal(pact, pact.renewedById !== null, body.endsOn);
    if (refusal) throw renewalRefused(refusal);
    const parties = await repo.listParties(tx, [pact.id]);
    let renewedId: string;
    try {
      renewedId = await repo.insertPact(tx, {
        ...pact,
        startsOn: dayAfter(pact.endsOn),
        endsOn: body.endsOn,
        renewedFromId: pact.id,
        createdBy: ctx.actor?.userId ?? null,
      });
    } catch (error) {
      if (databaseErrorOf(error)?.code === '23505') throw renewalRefused('ALREADY_RENEWED');
      throw error;
    }
    await repo.insertParties(
      tx,
      renewedId,
      pact.comuneCode,
      parties.map((p) => ({
        kind: p.kind,
        publicName: p.name ?? undefined,
        organizationId: p.organizationId ?? undefined,
        duties: p.duties,
        contact:
          p.contactFullName === null
            ? undefined
            : {
                fullName: p.contactFullName,
                email: p.contactEmail ?? undefined,
                phone: p.contactPhone ?? undefined,
              },
      })),
    );
    await writeAudit(tx, ctx, {
      action: 'pact.renew',
      entityType: 'pact',
      entityId: renewedId,
      comune: pact.comuneCode,
      details: { renewedFrom: pact.id },
    });
    return pactView(ctx, tx, (await repo.findPact(tx, renewedId))!);
  });
}

/** Records care done under a pact, on a day within it. @throws 404 outside the territory, 422 for the date. */
export async function addActivity(ctx: Context, id: string, body: CreateActivityBody): Promise<Activity> {
  return withScope(ctx, 'pact.manage', async (tx, scope) => {
    const pact = await pactInScope(tx, scope, id);
    const refusal = activityDateRefusal(body.occurredOn, pact, dateInRome());
    if (refusal) throw activityDateRefused(refusal);
    const activityId = await repo.insertActivity(tx, pact.id, body, ctx.actor?.userId ?? null);
    await writeAudit(tx, ctx, {
      action: 'pact.activity',
      entityType: 'pact',
      entityId: pact.id,
      comune: pact.comuneCode,
      details: { activityId, hours: body.hours },
    });
    return (await repo.listActivities(tx, pact.id)).find((a) => a.id === activityId)!;
  });
}

/** Pacts as published, with their commons and their parties' public side. */
async function asPublished(
  tx: Tx,
  pacts: repo.PactRow[],
  comune: string | null,
  today: string,
): Promise<PublicPact[]> {
  const [commons, parties] = await Promise.all([
    repo.listCommons(tx, comune),
    repo.listPublicParties(
      tx,
      pacts.map((p) => p.id),
    ),
  ]);
  const commonsById = new Map(commons.map((c) => [c.id, c]));
  return pacts.map((p) =>
    presentPublicPact(
      p,
      commonsById.get(p.commonsId)!,
      parties.filter((y) => y.pactId === p.id),
      today,
    ),
  );
}

/** The pacts in force today, by comune, as published: no contact and no citizen's name. */
export async function listPublicPacts(ctx: Context, query: PublicPactsQuery): Promise<PublicPact[]> {
  const today = dateInRome();
  return withPublicScope(ctx, async (tx) =>
    asPublished(
      tx,
      await repo.listPactsInForce(tx, today, query.comune ?? null),
      query.comune ?? null,
      today,
    ),
  );
}

/**
 * The office's pacts in every state (upcoming, in force, ended) in its comuni, or in one of them.
 * Their public side only, so not audited: the contacts are read pact by pact.
 * @throws 404 for a comune outside the territory.
 */
export async function listPacts(ctx: Context, query: PublicPactsQuery): Promise<PublicPact[]> {
  const today = dateInRome();
  return withScope(ctx, 'pact.read', async (tx, scope) => {
    if (query.comune) assertInScope(scope, query.comune, 'Comune');
    const comuni = query.comune ? [query.comune] : scope.all ? null : [...scope.comuni];
    return asPublished(tx, await repo.listPacts(tx, comuni), query.comune ?? null, today);
  });
}
