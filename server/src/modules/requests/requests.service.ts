import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import {
  isOwnRecord,
  organizationsLimiting,
  reachesOrganization,
  type Actor,
} from '../../platform/access/actor.js';
import { auditStatement, writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { lastStatementOf, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type {
  CitizenRequestBody,
  CreatedRequest,
  CreateRequestBody,
  HelpRequest,
  FollowUpBody,
  HelpRequestDetail,
  RequestsPage,
  RequestsQuery,
  TriageBody,
} from '../../../../shared/src/requests/requests.schemas.js';
import {
  findInterventionType,
  isOfferedOn,
  interventionTypeInactive,
  interventionTypeUnknown,
  resolveCompetence,
} from '../interventions/index.js';
import { findOrganization } from '../organizations/index.js';
import { findPerson, personNotFound, registerRelativeForCitizen } from '../people/index.js';
import { findComune } from '../territory/index.js';
import {
  cancelOpenTasksOfRequest,
  insertTasks,
  requestsWithVolunteer,
  markFailuresFollowedUp,
  taskIdsOfRequest,
} from '../tasks/index.js';
import { enqueueNotification } from '../notifications/index.js';
import * as repo from './requests.repository.js';
import { presentRequest } from './requests.presenter.js';
import { taskDates, validateSchedule } from './requests.rules.js';
import {
  noCompetentOrganization,
  organizationUnknown,
  overrideReasonRequired,
  rejectionReasonRequired,
  citizenWithoutRecord,
  followUpReasonRequired,
  requestAlreadyDecided,
  requestNotAwaitingDecision,
  requestNotCancellable,
  requestNotFound,
  requestNotWithdrawable,
  sameOrganization,
  similarRequestOpen,
} from './requests.errors.js';

async function detail(tx: Tx, actor: Actor, row: repo.RequestRow): Promise<HelpRequestDetail> {
  const events = await repo.listEvents(tx, row.id);
  return {
    ...presentRequest(actor, row, dateInRome()),
    events: events.map((e) => ({ at: e.at, kind: e.kind, actorName: e.actor_name, details: e.details })),
    competentOrganizations: await resolveCompetence(tx, row.intervention_type_id, row.comune_code),
    taskIds: await taskIdsOfRequest(tx, row.id),
  };
}

/**
 * Takes a request for help for a person of the actor's territory (phone, access point, social worker).
 * @throws 404 beneficiary outside the territory, 422 unknown type or bad schedule, 409 open similar request.
 */
export async function createRequest(ctx: Context, body: CreateRequestBody): Promise<CreatedRequest> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.create', async (tx, scope) => {
    const facts = await repo.intakeFacts(tx, body);
    if (facts.type_active === null) throw interventionTypeUnknown(body.interventionTypeId);
    if (!facts.type_active) throw interventionTypeInactive();
    const comune = facts.beneficiary_comune;
    if (!comune) throw personNotFound();
    assertInScope(scope, comune, 'Persona');
    if (!facts.requester_found) throw personNotFound();
    validateSchedule(body, facts.type_recurring_allowed, dateInRome());
    if (facts.similar_id) throw similarRequestOpen(facts.similar_id);
    const created = await repo.insertRequest(
      lastStatementOf(tx),
      body,
      { comuneCode: comune, actorId: actor.userId, eventDetails: { channel: body.channel } },
      (requestId) =>
        auditStatement(ctx, { action: 'request.create', entityType: 'request', entityId: requestId, comune }),
    );
    return { id: created.id, status: 'new', comuneCode: comune, createdAt: created.created_at };
  });
}

/**
 * Accepts or rejects a new request. Accepting routes it by the competence rules (or to the
 * organisation chosen, with a reason when it differs) and creates its tasks.
 * @throws 404 outside the territory, 409 already decided, 422 missing reason or no competent organisation.
 */
export async function triageRequest(ctx: Context, id: string, body: TriageBody): Promise<HelpRequestDetail> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.triage', async (tx, scope) => {
    const row = await repo.findRequest(tx, id, true);
    if (!row) throw requestNotFound();
    assertInScope(scope, row.comune_code, 'Richiesta');
    if (row.status !== 'new') throw requestAlreadyDecided();
    const urgency = body.urgency ?? row.urgency;
    const notes = body.notes === undefined ? row.notes : body.notes;
    const requester = {
      recipientEmail: row.beneficiary_email,
      recipientPhone: row.requester_phone ?? row.beneficiary_phone,
    };
    if (body.decision === 'reject') {
      if (!body.reason?.trim()) throw rejectionReasonRequired();
      await repo.decideRequest(
        tx,
        id,
        { status: 'rejected', reason: body.reason.trim(), urgency, notes },
        actor.userId,
      );
      await repo.insertEvent(tx, {
        requestId: id,
        comuneCode: row.comune_code,
        actorId: actor.userId,
        kind: 'rejected',
        details: { reason: body.reason.trim() },
      });
      await enqueueNotification(tx, {
        kind: 'request.rejected',
        ...requester,
        subject: 'La tua richiesta di aiuto',
        body: `La richiesta "${row.intervention_type_name}" non può essere accolta: ${body.reason.trim()}`,
      });
    } else {
      const competent = await resolveCompetence(tx, row.intervention_type_id, row.comune_code);
      const chosen = body.organizationId ?? competent[0]?.organizationId;
      if (!chosen) throw noCompetentOrganization();
      const organization = await findOrganization(tx, chosen);
      if (!organization) throw organizationUnknown();
      const overridden = chosen !== competent[0]?.organizationId;
      if (overridden && !body.overrideReason?.trim()) throw overrideReasonRequired();
      const overrideReason = overridden ? body.overrideReason!.trim() : null;
      await repo.decideRequest(
        tx,
        id,
        { status: 'accepted', organizationId: chosen, overrideReason, urgency, notes },
        actor.userId,
      );
      await createTasks(
        tx,
        row,
        chosen,
        taskDates(
          {
            preferredDate: row.preferred_date,
            recurrence: row.recurrence,
            recurrenceUntil: row.recurrence_until,
          },
          dateInRome(),
        ),
      );
      await repo.insertEvent(tx, {
        requestId: id,
        comuneCode: row.comune_code,
        actorId: actor.userId,
        kind: 'accepted',
        details: {
          organizationId: chosen,
          organizationName: organization.name,
          ...(overrideReason ? { overrideReason } : {}),
        },
      });
      await enqueueNotification(tx, {
        kind: 'request.accepted',
        ...requester,
        subject: 'La tua richiesta di aiuto è stata accolta',
        body: `La richiesta "${row.intervention_type_name}" è stata accolta e affidata a ${organization.name}.`,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'request.triage',
      entityType: 'request',
      entityId: id,
      comune: row.comune_code,
      details: { decision: body.decision },
    });
    return detail(tx, actor, (await repo.findRequest(tx, id))!);
  });
}

/**
 * A delivery another module has already decided (a food parcel assembled at a point): the request
 * is recorded as accepted by that organisation and becomes its task on `dueDate`, so it enters the
 * day's rounds like any other. Runs in the caller's scoped transaction.
 * @returns the request and its task ids.
 */
export async function recordAcceptedDelivery(
  tx: Tx,
  actor: Actor,
  options: {
    beneficiaryId: string;
    interventionTypeId: string;
    organizationId: string;
    dueDate: string;
    description: string;
  },
): Promise<{ requestId: string; taskIds: string[] }> {
  const beneficiary = await findPerson(tx, options.beneficiaryId);
  if (!beneficiary) throw personNotFound();
  const comune = beneficiary.comune_code;
  const { id } = await repo.insertRequest(
    tx,
    {
      channel: 'access_point',
      beneficiaryId: beneficiary.id,
      interventionTypeId: options.interventionTypeId,
      description: options.description,
      preferredDate: options.dueDate,
    },
    // The caller (the goods module) audits the parcel the request delivers.
    { comuneCode: comune, actorId: actor.userId, eventDetails: { channel: 'access_point' } },
  );
  await repo.decideRequest(
    tx,
    id,
    {
      status: 'accepted',
      organizationId: options.organizationId,
      overrideReason: null,
      urgency: 'normal',
      notes: null,
    },
    actor.userId,
  );
  await repo.insertEvent(tx, {
    requestId: id,
    comuneCode: beneficiary.comune_code,
    actorId: actor.userId,
    kind: 'accepted',
    details: { organizationId: options.organizationId },
  });
  await createTasks(tx, (await repo.findRequest(tx, id))!, options.organizationId, [options.dueDate]);
  return { requestId: id, taskIds: await taskIdsOfRequest(tx, id) };
}

/** One task per date; where the address has no coordinates, the comune's point, flagged for a pin. */
async function createTasks(
  tx: Tx,
  row: repo.RequestRow,
  organizationId: string,
  dates: string[],
): Promise<void> {
  const type = (await findInterventionType(tx, row.intervention_type_id))!;
  const person = (await findPerson(tx, row.beneficiary_id))!;
  const comune = (await findComune(tx, row.comune_code))!;
  const located = person.latitude !== null && person.longitude !== null;
  await insertTasks(
    tx,
    dates.map((dueDate) => ({
      requestId: row.id,
      organizationId,
      comuneCode: row.comune_code,
      interventionTypeId: type.id,
      dueDate,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      address: person.address,
      latitude: located ? person.latitude! : comune.latitude,
      longitude: located ? person.longitude! : comune.longitude,
      approximateLocation: !located,
      serviceMinutes: type.defaultServiceMinutes,
      load: type.defaultLoad,
      requiresCar: type.requiresCar,
      // Covid-positive people are served only by volunteers trained for the health risk.
      requiresHealthTraining: type.healthRisk || person.covid_positive,
    })),
  );
}

/**
 * Decides what follows a failed delivery: a new attempt by the same organisation, a new attempt
 * by another one (with the reason), or closing the request with the reason. The failed tasks stop
 * waiting for a decision; the request stays open while a new attempt is to be made.
 * @throws 404 outside the territory, 409 nothing awaits a decision, 422 missing reason, same or
 * unknown organisation, or a day already past.
 */
export async function followUpFailedDelivery(
  ctx: Context,
  id: string,
  body: FollowUpBody,
): Promise<HelpRequestDetail> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.triage', async (tx, scope) => {
    const row = await repo.findRequest(tx, id, true);
    if (!row) throw requestNotFound();
    assertInScope(scope, row.comune_code, 'Richiesta');
    if (!row.awaiting_decision) throw requestNotAwaitingDecision();
    const reason = body.reason?.trim() || null;
    if (body.decision !== 'retry' && !reason) throw followUpReasonRequired();
    const today = dateInRome();
    const dueDate = body.dueDate ?? today;
    if (body.decision !== 'close') validateSchedule({ preferredDate: dueDate }, false, today);
    let details: Record<string, unknown> = reason ? { reason } : {};
    if (body.decision === 'close') {
      await markFailuresFollowedUp(tx, id, 'closed');
      await repo.setRequestStatus(tx, id, 'closed');
      await enqueueNotification(tx, {
        kind: 'request.closed',
        recipientEmail: row.beneficiary_email,
        recipientPhone: row.requester_phone ?? row.beneficiary_phone,
        subject: 'La tua richiesta di aiuto',
        body: `La richiesta "${row.intervention_type_name}" è stata chiusa: ${reason}`,
      });
    } else {
      let organizationId = row.organization_id!;
      if (body.decision === 'reroute') {
        if (!body.organizationId || body.organizationId === row.organization_id) throw sameOrganization();
        const organization = await findOrganization(tx, body.organizationId);
        if (!organization) throw organizationUnknown();
        organizationId = organization.id;
        await repo.rerouteRequest(tx, id, { organizationId, reason: reason! });
        details = { ...details, organizationId, organizationName: organization.name };
      }
      await markFailuresFollowedUp(tx, id, body.decision === 'retry' ? 'retried' : 'rerouted');
      await createTasks(tx, row, organizationId, [dueDate]);
      details = { ...details, dueDate };
    }
    await repo.insertEvent(tx, {
      requestId: id,
      comuneCode: row.comune_code,
      actorId: actor.userId,
      kind: { retry: 'retried', reroute: 'rerouted', close: 'closed' }[body.decision],
      details,
    });
    await writeAudit(tx, ctx, {
      action: 'request.follow_up',
      entityType: 'request',
      entityId: id,
      comune: row.comune_code,
      details: { decision: body.decision },
    });
    return detail(tx, actor, (await repo.findRequest(tx, id))!);
  });
}

/** @throws 404 outside the territory (or, for a coordinator, not routed to his organisation). */
export async function getRequest(ctx: Context, id: string): Promise<HelpRequestDetail> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.read', async (tx, scope) => {
    const row = await repo.findRequest(tx, id);
    if (!row) throw requestNotFound();
    assertInScope(scope, row.comune_code, 'Richiesta');
    if (!reachesOrganization(actor, 'request.read', row.organization_id)) throw requestNotFound();
    await writeAudit(tx, ctx, {
      action: 'request.read',
      entityType: 'request',
      entityId: id,
      comune: row.comune_code,
    });
    return detail(tx, actor, row);
  });
}

/** Requests of the territory, new and urgent first; a coordinator sees those routed to his organisations. */
export async function listRequests(ctx: Context, query: RequestsQuery): Promise<RequestsPage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.read', async (tx) => {
    const { rows, total } = await repo.searchRequests(
      tx,
      query,
      organizationsLimiting(actor, 'request.read'),
    );
    await writeAudit(tx, ctx, {
      action: 'request.search',
      entityType: 'request',
      details: { ids: rows.map((r) => r.id), total },
    });
    const today = dateInRome();
    return { items: rows.map((r) => presentRequest(actor, r, today)), total };
  });
}

/** @throws 404 outside the territory, 409 when already closed. */
export async function cancelRequest(ctx: Context, id: string, reason: string): Promise<HelpRequestDetail> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.triage', async (tx, scope) => {
    const row = await repo.findRequest(tx, id, true);
    if (!row) throw requestNotFound();
    assertInScope(scope, row.comune_code, 'Richiesta');
    if (!['new', 'accepted'].includes(row.status)) throw requestNotCancellable();
    await repo.setRequestStatus(tx, id, 'cancelled');
    await cancelOpenTasksOfRequest(tx, id, actor.userId);
    await repo.insertEvent(tx, {
      requestId: id,
      comuneCode: row.comune_code,
      actorId: actor.userId,
      kind: 'cancelled',
      details: { reason },
    });
    await writeAudit(tx, ctx, {
      action: 'request.cancel',
      entityType: 'request',
      entityId: id,
      comune: row.comune_code,
    });
    return detail(tx, actor, (await repo.findRequest(tx, id))!);
  });
}

/**
 * A citizen asks for help online (channel "web"), for self or for a relative. Everything runs in
 * the citizen's own territory (`request.own`): a relative must live there, and is registered by
 * the people module (its checks, its audit entry). The registry is never read back to the citizen:
 * a relative already known is registered again from what the citizen typed and flagged for the
 * operator to verify, so the response holds nothing the citizen did not write.
 * @throws 403 for roles other than cittadino, 422 without a registry record, with bad data or a
 * relative outside the citizen's territory.
 */
export async function createCitizenRequest(
  ctx: Context,
  body: CitizenRequestBody,
): Promise<HelpRequestDetail> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.own', async (tx, scope) => {
    if (!actor.personId) throw citizenWithoutRecord();
    const offered = await isOfferedOn(tx, body.interventionTypeId, 'web');
    if (offered === null) throw interventionTypeUnknown(body.interventionTypeId);
    if (!offered) throw interventionTypeInactive();
    validateSchedule(body, false, dateInRome());
    let beneficiaryId = actor.personId;
    let alreadyKnown = false;
    if (body.relative) {
      ({ personId: beneficiaryId, alreadyKnown } = await registerRelativeForCitizen(
        tx,
        ctx,
        scope,
        body.relative,
      ));
    }
    const beneficiary = (await findPerson(tx, beneficiaryId))!;
    const comune = beneficiary.comune_code;
    const { id } = await repo.insertRequest(
      tx,
      {
        channel: 'web',
        beneficiaryId,
        requesterId: actor.personId,
        requesterPhone: body.phone ?? null,
        interventionTypeId: body.interventionTypeId,
        description: body.description,
        preferredDate: body.preferredDate ?? null,
        windowStart: body.windowStart ?? null,
        windowEnd: body.windowEnd ?? null,
      },
      {
        comuneCode: comune,
        actorId: actor.userId,
        eventDetails: {
          channel: 'web',
          ...(body.relative ? { beneficiaryRegisteredByCitizen: true } : {}),
          // All a citizen learns of the registry: the operator will verify the person.
          ...(alreadyKnown ? { beneficiaryAlreadyKnown: true } : {}),
        },
      },
      (requestId) =>
        auditStatement(ctx, { action: 'request.create', entityType: 'request', entityId: requestId, comune }),
    );
    return detail(tx, actor, (await repo.findRequest(tx, id))!);
  });
}

/**
 * The last task of a request has closed (the tasks module calls this in its own transaction): an
 * accepted request becomes completed, with its event, and the requester is told. A request in any
 * other state (cancelled meanwhile, already completed) is left as it is, and so is one whose
 * delivery failed: it stays open until someone decides what follows (`followUpFailedDelivery`).
 */
export async function completeHelpRequestAfterTasks(
  tx: Tx,
  options: { requestId: string; actorId: string },
): Promise<void> {
  const request = await repo.findRequest(tx, options.requestId, true);
  if (!request || request.status !== 'accepted') return;
  if (request.awaiting_decision) {
    await repo.insertEvent(tx, {
      requestId: request.id,
      comuneCode: request.comune_code,
      actorId: options.actorId,
      kind: 'awaiting_decision',
    });
    return;
  }
  await repo.setRequestStatus(tx, request.id, 'completed');
  await repo.insertEvent(tx, {
    requestId: request.id,
    comuneCode: request.comune_code,
    actorId: options.actorId,
    kind: 'completed',
  });
  await enqueueNotification(tx, {
    kind: 'request.completed',
    recipientEmail: request.beneficiary_email,
    recipientPhone: request.requester_phone ?? request.beneficiary_phone,
    subject: 'Richiesta completata',
    body: `L’intervento "${request.intervention_type_name}" è stato completato.`,
  });
}

/** A citizen may withdraw their request while it is open and no volunteer has been assigned to it. */
function withdrawable(row: repo.RequestRow, withVolunteer: Set<string>): boolean {
  return ['new', 'accepted'].includes(row.status) && !withVolunteer.has(row.id);
}

/**
 * The citizen's view of one of their requests: `cancel` says whether they may still withdraw it.
 * `notes` are the staff's (taken on the phone, at triage): never the citizen's to read.
 */
function presentOwn(actor: Actor, row: repo.RequestRow, today: string, canWithdraw: boolean): HelpRequest {
  const presented = presentRequest(actor, row, today);
  return { ...presented, notes: null, abilities: { ...presented.abilities, cancel: canWithdraw } };
}

/** The requests a citizen made or is the beneficiary of, newest first. */
export async function listOwnRequests(ctx: Context): Promise<RequestsPage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.own', async (tx) => {
    if (!actor.personId) return { items: [], total: 0 };
    const rows = await repo.requestsOfPerson(tx, actor.personId!);
    const withVolunteer = await requestsWithVolunteer(
      tx,
      rows.map((r) => r.id),
    );
    const today = dateInRome();
    return {
      items: rows.map((r) => presentOwn(actor, r, today, withdrawable(r, withVolunteer))),
      total: rows.length,
    };
  });
}

/**
 * A citizen withdraws one of their requests (made by them or for them) while nobody has been
 * assigned to it: the request is cancelled with its open tasks, the event says it was the citizen.
 * @throws 404 for a request that is not theirs (its existence is not confirmed), 409 once a
 * volunteer is on it or it is closed.
 */
export async function withdrawOwnRequest(ctx: Context, id: string): Promise<HelpRequest> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'request.own', async (tx) => {
    const row = await repo.findRequest(tx, id, true);
    if (!row || !isOwnRecord(actor, row.requester_id, row.beneficiary_id)) throw requestNotFound();
    if (!withdrawable(row, await requestsWithVolunteer(tx, [id], { lock: true })))
      throw requestNotWithdrawable();
    await repo.setRequestStatus(tx, id, 'cancelled');
    await cancelOpenTasksOfRequest(tx, id, actor.userId);
    await repo.insertEvent(tx, {
      requestId: id,
      comuneCode: row.comune_code,
      actorId: actor.userId,
      kind: 'cancelled',
      details: { byCitizen: true },
    });
    await writeAudit(tx, ctx, {
      action: 'request.cancel',
      entityType: 'request',
      entityId: id,
      comune: row.comune_code,
    });
    return presentOwn(actor, (await repo.findRequest(tx, id))!, dateInRome(), false);
  });
}
