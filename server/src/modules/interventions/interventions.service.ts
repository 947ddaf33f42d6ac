import { authorize, withPublicScope, withScope } from '../../platform/access/access.js';
import { scopeCovers } from '../../platform/access/actor.js';
import type { Context } from '../../platform/context.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type {
  Channel,
  CompetenceRule,
  CompetentOrganization,
  CreateInterventionTypeBody,
  InterventionType,
  SetCompetenceBody,
  UpdateInterventionTypeBody,
} from '../../../../shared/src/interventions/interventions.schemas.js';
import { findOrganization } from '../organizations/index.js';
import { resolveComuni } from '../territory/index.js';
import * as repo from './interventions.repository.js';
import {
  competenceOrganizationUnknown,
  competenceScopeInvalid,
  interventionPeriodReversed,
  interventionTypeExists,
  interventionTypeNotFound,
  interventionTypeUnknown,
} from './interventions.errors.js';

/**
 * The intervention types are one catalogue for the whole province: only an administrator whose
 * grant covers the whole province changes them, never a district's.
 * @throws 403 otherwise.
 */
function authorizeProvinceWide(ctx: Context): void {
  if (!authorize(ctx, 'interventionType.manage').all)
    throw new AppError(
      403,
      'PROVINCE_WIDE_SETTING',
      'I tipi di intervento valgono per tutta la provincia: può modificarli solo un amministratore provinciale.',
    );
}

/** The catalogue of interventions is public: the citizens' request form lists those offered online. */
export function listInterventionTypes(ctx: Context, offeredOn?: Channel): Promise<InterventionType[]> {
  return withPublicScope(ctx, (tx) => repo.listInterventionTypes(tx, offeredOn));
}

/** @throws 422 when the period ends before it starts (as stored after the change). */
function checkPeriod(from: string | null | undefined, until: string | null | undefined): void {
  if (from && until && until < from) throw interventionPeriodReversed();
}

/** @throws 403 without interventionType.manage, 409 duplicate code, 422 reversed period. */
export async function createInterventionType(
  ctx: Context,
  body: CreateInterventionTypeBody,
): Promise<InterventionType> {
  authorizeProvinceWide(ctx);
  return withScope(ctx, 'interventionType.manage', async (tx) => {
    if (await repo.findInterventionType(tx, body.id)) throw interventionTypeExists();
    checkPeriod(body.activeFrom, body.activeUntil);
    await repo.insertInterventionType(tx, body, ctx.actor!.userId);
    return (await repo.findInterventionType(tx, body.id))!;
  });
}

/** @throws 403 without interventionType.manage, 404 unknown type, 422 reversed period. */
export async function updateInterventionType(
  ctx: Context,
  id: string,
  body: UpdateInterventionTypeBody,
): Promise<InterventionType> {
  authorizeProvinceWide(ctx);
  return withScope(ctx, 'interventionType.manage', async (tx) => {
    const current = await repo.findInterventionType(tx, id);
    if (!current) throw interventionTypeNotFound();
    checkPeriod(
      body.activeFrom === undefined ? current.activeFrom : body.activeFrom,
      body.activeUntil === undefined ? current.activeUntil : body.activeUntil,
    );
    await repo.updateInterventionType(tx, id, body, ctx.actor!.userId);
    return (await repo.findInterventionType(tx, id))!;
  });
}

/** The protocol: current rules (or every version with `history`), for the matrix page. */
export async function listCompetenceRules(
  ctx: Context,
  query: { interventionType?: string; history?: boolean },
): Promise<CompetenceRule[]> {
  return withScope(ctx, 'competence.read', (tx) =>
    repo.listCompetenceRules(tx, {
      interventionTypeId: query.interventionType,
      history: query.history ?? false,
    }),
  );
}

/**
 * Sets which organisations are competent, in order, for a type over a territory the
 * administrator manages. Earlier versions stay readable with who and when.
 * @throws 403 outside the territory, 422 unknown type, territory or organisation.
 */
export async function setCompetence(ctx: Context, body: SetCompetenceBody): Promise<CompetenceRule[]> {
  return withScope(ctx, 'competence.manage', async (tx, scope) => {
    if ((body.scopeType === 'all') !== (body.scopeId === null)) throw competenceScopeInvalid();
    const comuni =
      body.scopeType === 'all'
        ? 'all'
        : await resolveComuni(
            tx,
            body.scopeType === 'ambito' ? [body.scopeId!] : [],
            body.scopeType === 'comune' ? [body.scopeId!] : [],
          );
    if (comuni !== 'all' && comuni.length === 0) throw competenceScopeInvalid();
    if (comuni === 'all' ? !scope.all : !comuni.every((c) => scopeCovers(scope, c))) throw forbidden();
    if (!(await repo.findInterventionType(tx, body.interventionTypeId)))
      throw interventionTypeUnknown(body.interventionTypeId);
    for (const id of body.organizationIds)
      if (!(await findOrganization(tx, id))) throw competenceOrganizationUnknown();
    await repo.replaceCompetence(tx, body, body.organizationIds, ctx.actor!.userId);
    const rules = await repo.listCompetenceRules(tx, {
      interventionTypeId: body.interventionTypeId,
      history: false,
    });
    return rules.filter((r) => r.scopeType === body.scopeType && r.scopeId === body.scopeId);
  });
}

/** Who would receive a request of this type from this comune. */
export async function resolveCompetence(
  ctx: Context,
  interventionTypeId: string,
  comuneCode: string,
): Promise<CompetentOrganization[]> {
  return withScope(ctx, 'competence.read', (tx) =>
    repo.resolveCompetence(tx, interventionTypeId, comuneCode),
  );
}
