import { authorize, requireActor, withExplicitScope, withScope } from '../../platform/access/access.js';
import {
  organizationReach,
  scopeCovers,
  type OrganizationReach,
  type Scope,
} from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import type {
  CreateVolunteerBody,
  ReviewVolunteerBody,
  UpdateVolunteerBody,
  Volunteer,
  VolunteerImportAccepted,
  VolunteerImportReport,
  VolunteerOfferBody,
  VolunteerOfferReceipt,
  VolunteersPage,
  VolunteersQuery,
} from '../../../../shared/src/volunteers/volunteers.schemas.js';
import { classifyQuery, validateCodiceFiscale } from '../people/index.js';
import {
  alreadyReviewed,
  comuneOutsideTerritory,
  consentAttestationRequired,
  consentRequired,
  duplicateVolunteer,
  identityForCodiceFiscale,
  importNotFound,
  notUpdatable,
  organizationNotAllowed,
  organizationRequired,
  unknownComune,
  volunteerNotFound,
} from './volunteers.errors.js';
import type { ImportFileKind } from '../../platform/imports/sheet.js';
import { readSheet } from './volunteers.import.js';
import { enqueueImport } from './volunteers.jobs.js';
import { chooseAffiliation, mayAffiliate, reaches } from './volunteers.policy.js';
import { presentVolunteer } from './volunteers.presenter.js';
import * as repo from './volunteers.repository.js';
import {
  canReview,
  canUpdate,
  DEFAULT_MAX_TASKS_PER_DAY,
  normalizeAvailability,
  normalizeTags,
  reviewReason,
  validateVolunteerAge,
  type VolunteerProfile,
} from './volunteers.rules.js';
import { todayInRome } from '../../platform/time.js';

const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** The policy's organisation filter in the form the repository applies. */
function organizationFilter(reach: OrganizationReach): repo.OrganizationFilter {
  return {
    everyOrganizationIn: reach.everyOrganization.all ? 'all' : [...reach.everyOrganization.comuni],
    organizations: [...reach.organizations],
  };
}

/** @throws 422 when a comune (of residence or among the zones) does not exist. */
async function assertComuniExist(tx: Tx, comuneCode: string | null, zones: readonly string[]): Promise<void> {
  const wanted = [...new Set([...(comuneCode ? [comuneCode] : []), ...zones])];
  const found = await repo.existingComuni(tx, wanted);
  if (comuneCode && !found.has(comuneCode)) throw unknownComune('comuneCode');
  if (zones.some((z) => !found.has(z))) throw unknownComune('zones');
}

/**
 * Checks identity and profile of an offer or a registration and derives the stored values.
 * @throws 422 with the field at fault (codice fiscale, age, availability).
 */
function toProfile(
  input: VolunteerOfferBody | CreateVolunteerBody,
  extra: { insuranceValidUntil: string | null; healthTraining: boolean },
): VolunteerProfile {
  const birthDate = input.birthDate ?? null;
  if (birthDate) validateVolunteerAge(birthDate, todayInRome());
  let codiceFiscale: string | null = null;
  if (blankToNull(input.codiceFiscale)) {
    if (!birthDate || !input.sex) throw identityForCodiceFiscale();
    codiceFiscale = validateCodiceFiscale(input.codiceFiscale!, { birthDate, sex: input.sex });
  }
  return {
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    codiceFiscale,
    birthDate,
    phone: input.phone.trim(),
    email: blankToNull(input.email),
    comuneCode: input.comuneCode,
    hasCar: input.hasCar ?? false,
    hasLicence: input.hasLicence ?? false,
    languages: normalizeTags(input.languages),
    skills: normalizeTags(input.skills),
    zones: [...new Set(input.zones ?? [])],
    neighbourhoods: normalizeTags(input.neighbourhoods),
    availability: normalizeAvailability(input.availability ?? []),
    maxTasksPerDay: input.maxTasksPerDay ?? DEFAULT_MAX_TASKS_PER_DAY,
    insuranceValidUntil: extra.insuranceValidUntil,
    healthTraining: extra.healthTraining,
    notes: blankToNull(input.notes),
  };
}

/**
 * A citizen offers to volunteer through the public form (no session).
 *
 * Security: there is no actor, so no capability applies. The insert runs as the application role
 * (row-level security on) over an explicit scope of exactly one comune, the one the citizen
 * declared: the row can only land there, and nothing else is readable. Duplicates are found by
 * the unique index on the codice fiscale, which compares with every territory without reading
 * any row, and the 409 says nothing about the existing record.
 * @throws 422 without privacy consent or with invalid data (nothing is saved), 409 duplicate codice fiscale.
 */
export async function offerToVolunteer(
  ctx: Context,
  input: VolunteerOfferBody,
): Promise<VolunteerOfferReceipt> {
  if (!input.consentPrivacy) throw consentRequired();
  const profile = toProfile(input, { insuranceValidUntil: null, healthTraining: false });
  const scope: Scope = { all: false, comuni: new Set([profile.comuneCode]) };
  return withExplicitScope(ctx, scope, async (tx) => {
    await assertComuniExist(tx, profile.comuneCode, profile.zones);
    const id = await repo.insertVolunteer(
      tx,
      { ...profile, userId: null, organizationId: null, status: 'offered', consentPrivacy: true },
      null,
    );
    if (!id) throw duplicateVolunteer();
    await writeAudit(tx, ctx, {
      action: 'volunteer.offer',
      entityType: 'volunteer',
      entityId: id,
      comune: profile.comuneCode,
    });
    return {
      id,
      status: 'offered',
      message:
        'Grazie! La tua disponibilità è stata registrata: un coordinatore di CremonAiuta ti contatterà.',
    };
  });
}

/** Loads a volunteer the actor reaches. @throws 404 outside the territory or in another organisation. */
async function reachableVolunteer(tx: Tx, reach: OrganizationReach, id: string): Promise<repo.VolunteerRow> {
  const row = await repo.findVolunteerRow(tx, id);
  if (!row || !reaches(reach, { comuneCode: row.comune_code, organizationId: row.organization_id }))
    throw volunteerNotFound();
  return row;
}

/** @throws 422 when the organisation is not one the actor may affiliate to, or does not exist. */
async function assertAffiliation(
  tx: Tx,
  reach: OrganizationReach,
  organizationId: string | null,
): Promise<void> {
  if (!mayAffiliate(reach, organizationId)) throw organizationNotAllowed();
  if (organizationId && !(await repo.organizationExists(tx, organizationId))) throw organizationNotAllowed();
}

/**
 * Lists the volunteers the actor reaches, filtered; one audit event lists the ids returned.
 * @throws 401 without a session, 403 without volunteer.read.
 */
export async function searchVolunteers(ctx: Context, query: VolunteersQuery): Promise<VolunteersPage> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'volunteer.read', async (tx) => {
    const reach = organizationReach(actor, 'volunteer.read');
    const classified = query.q?.trim() ? classifyQuery(query.q) : null;
    const q: repo.VolunteerSearch['q'] = !classified
      ? null
      : classified.kind === 'phone'
        ? { kind: 'phone', digits: classified.value }
        : classified.kind === 'codiceFiscale'
          ? { kind: 'codiceFiscale', prefix: classified.value }
          : { kind: 'name', words: classified.value.split(' ').filter(Boolean) };
    const { rows, total } = await repo.searchVolunteers(
      tx,
      {
        status: query.status ?? null,
        organization: query.organizationId ?? null,
        comune: query.comune ?? null,
        q,
      },
      organizationFilter(reach),
      { limit: query.limit ?? 50, offset: query.offset ?? 0 },
    );
    await writeAudit(tx, ctx, {
      action: 'volunteer.search',
      entityType: 'volunteer',
      details: { ids: rows.map((r) => r.id), total, ...(q ? { kind: q.kind } : {}) },
    });
    return { items: rows.map((r) => presentVolunteer(actor, r)), total };
  });
}

/**
 * One volunteer; the read is audited.
 * @throws 401, 403 without volunteer.read, 404 outside the territory or in another organisation.
 */
export async function getVolunteer(ctx: Context, id: string): Promise<Volunteer> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'volunteer.read', async (tx) => {
    const row = await reachableVolunteer(tx, organizationReach(actor, 'volunteer.read'), id);
    await writeAudit(tx, ctx, {
      action: 'volunteer.read',
      entityType: 'volunteer',
      entityId: id,
      comune: row.comune_code,
    });
    return presentVolunteer(actor, row);
  });
}

/**
 * Approves or rejects an offer; on approval the volunteer may join one of the coordinator's
 * organisations (or stay individual).
 * @throws 404 not reachable, 409 already reviewed, 422 rejection without reason or organisation not allowed.
 */
export async function reviewVolunteer(
  ctx: Context,
  id: string,
  body: ReviewVolunteerBody,
): Promise<Volunteer> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'volunteer.manage', async (tx) => {
    const reach = organizationReach(actor, 'volunteer.manage');
    const row = await reachableVolunteer(tx, reach, id);
    if (!canReview(row.status)) throw alreadyReviewed();
    const reason = reviewReason(body.decision, body.reason);
    const organizationId = body.decision === 'approve' ? (body.organizationId ?? null) : null;
    await assertAffiliation(tx, reach, organizationId);
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    if (!(await repo.reviewVolunteer(tx, id, { status, reason, organizationId, reviewedBy: actor.userId })))
      throw alreadyReviewed();
    await writeAudit(tx, ctx, {
      action: 'volunteer.review',
      entityType: 'volunteer',
      entityId: id,
      comune: row.comune_code,
      details: { decision: body.decision, organizationId },
    });
    return presentVolunteer(actor, (await repo.findVolunteerRow(tx, id))!);
  });
}

/**
 * A coordinator registers a volunteer of his organisation directly: approved at once.
 * @throws 403 without volunteer.manage, 422 invalid data, comune outside the territory or organisation not allowed, 409 duplicate.
 */
export async function createVolunteer(ctx: Context, body: CreateVolunteerBody): Promise<Volunteer> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'volunteer.manage', async (tx, scope) => {
    if (!body.consentPrivacy) throw consentAttestationRequired();
    if (!scopeCovers(scope, body.comuneCode)) throw comuneOutsideTerritory();
    const reach = organizationReach(actor, 'volunteer.manage');
    const affiliation = chooseAffiliation(reach, body.organizationId);
    if (affiliation === 'ambiguous') throw organizationRequired();
    if (affiliation === 'forbidden') throw organizationNotAllowed();
    await assertAffiliation(tx, reach, affiliation.organizationId);
    const profile = toProfile(body, {
      insuranceValidUntil: body.insuranceValidUntil ?? null,
      healthTraining: body.healthTraining ?? false,
    });
    await assertComuniExist(tx, profile.comuneCode, profile.zones);
    const id = await repo.insertVolunteer(
      tx,
      {
        ...profile,
        userId: null,
        organizationId: affiliation.organizationId,
        status: 'approved',
        consentPrivacy: true,
      },
      actor.userId,
    );
    if (!id) throw duplicateVolunteer();
    await writeAudit(tx, ctx, {
      action: 'volunteer.create',
      entityType: 'volunteer',
      entityId: id,
      comune: profile.comuneCode,
      details: { organizationId: affiliation.organizationId },
    });
    return presentVolunteer(actor, (await repo.findVolunteerRow(tx, id))!);
  });
}

/**
 * Changes skills, availability, zones, insurance, training, limits, contacts, or suspends and
 * reinstates an approved volunteer. Only the fields sent change; the audit lists them.
 * @throws 404 not reachable, 409 offer not yet reviewed or rejected, 422 invalid availability or zones.
 */
export async function updateVolunteer(
  ctx: Context,
  id: string,
  body: UpdateVolunteerBody,
): Promise<Volunteer> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'volunteer.manage', async (tx) => {
    const row = await reachableVolunteer(tx, organizationReach(actor, 'volunteer.manage'), id);
    if (!canUpdate(row.status)) throw notUpdatable();
    const changes: repo.VolunteerChanges = {
      phone: body.phone?.trim(),
      email: body.email === undefined ? undefined : blankToNull(body.email),
      hasCar: body.hasCar,
      hasLicence: body.hasLicence,
      languages: body.languages && normalizeTags(body.languages),
      skills: body.skills && normalizeTags(body.skills),
      zones: body.zones && [...new Set(body.zones)],
      neighbourhoods: body.neighbourhoods && normalizeTags(body.neighbourhoods),
      availability: body.availability && normalizeAvailability(body.availability),
      maxTasksPerDay: body.maxTasksPerDay,
      insuranceValidUntil: body.insuranceValidUntil,
      healthTraining: body.healthTraining,
      notes: body.notes === undefined ? undefined : blankToNull(body.notes),
      status: body.status,
    };
    if (changes.zones) await assertComuniExist(tx, null, changes.zones);
    if (!(await repo.updateVolunteer(tx, id, changes))) throw notUpdatable();
    await writeAudit(tx, ctx, {
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: id,
      comune: row.comune_code,
      details: {
        fields: Object.keys(body),
        ...(body.status && body.status !== row.status ? { status: body.status } : {}),
      },
    });
    return presentVolunteer(actor, (await repo.findVolunteerRow(tx, id))!);
  });
}

/**
 * Accepts a volunteer list (CSV or XLSX) for the background import. The file is read and its
 * header checked now, so a wrong file is refused at once; the rows are stored and processed in
 * batches by a job of the queue, under the coordinator's territory as it is now.
 * @throws 401/403 before reading the file, 422 unreadable file, bad header or organisation not allowed.
 */
export async function startImport(
  ctx: Context,
  upload: { kind: ImportFileKind; bytes: Uint8Array; organizationId: string | undefined },
): Promise<VolunteerImportAccepted> {
  const actor = requireActor(ctx);
  authorize(ctx, 'volunteer.manage');
  const rows = await readSheet(upload.kind, upload.bytes);
  const importId = await withScope(ctx, 'volunteer.manage', async (tx, scope) => {
    const reach = organizationReach(actor, 'volunteer.manage');
    const affiliation = chooseAffiliation(reach, upload.organizationId);
    if (affiliation === 'ambiguous') throw organizationRequired();
    if (affiliation === 'forbidden') throw organizationNotAllowed();
    await assertAffiliation(tx, reach, affiliation.organizationId);
    await repo.enterImportOwner(tx, actor.userId);
    const id = await repo.insertImport(tx, {
      createdBy: actor.userId,
      organizationId: affiliation.organizationId,
      fileKind: upload.kind,
      scope: scope.all ? { all: true, comuni: [] } : { all: false, comuni: [...scope.comuni] },
      rows,
    });
    await writeAudit(tx, ctx, {
      action: 'volunteer.import',
      entityType: 'volunteer_import',
      entityId: id,
      details: { rows: rows.length, fileKind: upload.kind, organizationId: affiliation.organizationId },
    });
    await enqueueImport(tx, id, actor.userId);
    return id;
  });
  return { importId };
}

/**
 * Progress and per-row report of an import, for its uploader only. Not audited: the report holds row numbers and reasons,
 * no personal data, and a progress bar polls it every second.
 * @throws 404 unknown or uploaded by someone else.
 */
export async function getImport(
  ctx: Context,
  id: string,
  which: 'all' | 'rejected' | 'none' = 'all',
): Promise<VolunteerImportReport> {
  const actor = requireActor(ctx);
  const report = await withScope(ctx, 'volunteer.manage', async (tx) => {
    await repo.enterImportOwner(tx, actor.userId);
    const job = await repo.findImport(tx, id);
    if (!job || job.created_by !== actor.userId) throw importNotFound();
    const rows = which === 'none' ? [] : await repo.importRowsReport(tx, id, which);
    return { job, rows };
  });
  const { job } = report;
  return {
    id: job.id,
    status: job.status,
    organizationId: job.organization_id,
    total: job.total,
    processed: job.processed,
    created: job.created,
    rejected: job.rejected,
    failure: job.failure,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
    rows: report.rows.map((r) => ({
      row: r.row_number,
      status: r.status,
      reason: r.reason,
      volunteerId: r.volunteer_id,
    })),
  };
}
