import { withScope } from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type {
  CreateOrganizationBody,
  Organization,
  OrganizationKind,
} from '../../../../shared/src/organizations/organizations.schemas.js';
import type { Tx } from '../../platform/db/database.js';
import { resolveComuni } from '../territory/index.js';
import * as repo from './organizations.repository.js';

const organizationNotFound = () => notFound('Organizzazione');
const organizationExists = () =>
  new AppError(409, 'ORGANIZATION_EXISTS', 'Esiste già un’organizzazione con questo nome.');
const territoryRequired = () =>
  new AppError(422, 'ORGANIZATION_TERRITORY', 'Indica l’Ambito o il comune in cui opera l’organizzazione.');

/** Comuni where an organisation works: its comune, its Ambito, or everywhere when it has neither. */
async function comuniOf(
  tx: Tx,
  org: { ambitoId: string | null; comuneCode: string | null },
): Promise<string[] | 'all'> {
  if (!org.ambitoId && !org.comuneCode) return 'all';
  return resolveComuni(tx, org.ambitoId ? [org.ambitoId] : [], org.comuneCode ? [org.comuneCode] : []);
}

/**
 * The comuni an organisation works in (`'all'` for a province-wide one), or null when it does not exist.
 * Used by accounts to keep a membership inside the organisation's and the administrator's territory.
 */
export async function territoryOfOrganization(tx: Tx, id: string): Promise<string[] | 'all' | null> {
  const org = await repo.findOrganization(tx, id);
  return org ? comuniOf(tx, org) : null;
}

function overlaps(scope: Scope, comuni: string[] | 'all'): boolean {
  return scope.all || comuni === 'all' || comuni.some((c) => scopeCovers(scope, c));
}

/** Organisations working in the actor's territory (province-wide ones included). */
export async function listOrganizations(
  ctx: Context,
  filter: { kind?: OrganizationKind; ambito?: string; q?: string },
): Promise<Organization[]> {
  return withScope(ctx, 'organization.read', async (tx, scope) => {
    const all = await repo.listOrganizations(tx, { kind: filter.kind, ambitoId: filter.ambito, q: filter.q });
    if (scope.all) return all;
    const ambitoComuni = new Map<string, string[] | 'all'>();
    const visible: Organization[] = [];
    for (const org of all) {
      const key = `${org.ambitoId ?? ''}|${org.comuneCode ?? ''}`;
      if (!ambitoComuni.has(key)) ambitoComuni.set(key, await comuniOf(tx, org));
      if (overlaps(scope, ambitoComuni.get(key)!)) visible.push(org);
    }
    return visible;
  });
}

/** @throws 404 for an organisation outside the actor's territory. */
export async function getOrganization(ctx: Context, id: string): Promise<Organization> {
  return withScope(ctx, 'organization.read', async (tx, scope) => {
    const org = await repo.findOrganization(tx, id);
    if (!org || !overlaps(scope, await comuniOf(tx, org))) throw organizationNotFound();
    return org;
  });
}

/**
 * Registers an organisation inside the administrator's territory.
 * @throws 403 without organization.manage or outside the territory, 409 duplicate name.
 */
export async function createOrganization(ctx: Context, body: CreateOrganizationBody): Promise<Organization> {
  return withScope(ctx, 'organization.manage', async (tx, scope) => {
    const comuni = await comuniOf(tx, body);
    if (comuni !== 'all' && comuni.length === 0) throw territoryRequired();
    if (comuni === 'all' ? !scope.all : !comuni.every((c) => scopeCovers(scope, c))) {
      throw new AppError(403, 'FORBIDDEN', 'Non puoi registrare un’organizzazione fuori dal tuo territorio.');
    }
    if (await repo.findOrganizationByName(tx, body.name.trim())) throw organizationExists();
    const id = await repo.insertOrganization(tx, body);
    await writeAudit(tx, ctx, { action: 'organization.create', entityType: 'organization', entityId: id });
    return (await repo.findOrganization(tx, id))!;
  });
}
