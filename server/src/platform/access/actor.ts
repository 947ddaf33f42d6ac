import { roleHas, type Capability, type Role } from './roles.js';

export type TerritoryScope =
  { type: 'all' } | { type: 'ambito'; id: string } | { type: 'comune'; id: string };

/** One role in one organisation over one territory, with the territory resolved to comuni. */
export interface Grant {
  role: Role;
  organizationId: string | null;
  scope: TerritoryScope;
  /** ISTAT codes covered by the scope; `'all'` for the whole installation. */
  comuni: ReadonlySet<string> | 'all';
}

/** Who is acting: built only from the session, never from the request body or query. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  personId: string | null;
  locale: 'it' | 'en';
  grants: readonly Grant[];
}

/** The comuni where an actor may use a capability: everywhere, some, or none. */
export type Scope = { all: true } | { all: false; comuni: ReadonlySet<string> };

export function rolesOf(actor: Actor): Role[] {
  return [...new Set(actor.grants.map((g) => g.role))];
}

/** Unites the territories of every grant whose role holds the capability. */
export function scopeOf(actor: Actor, capability: Capability): Scope {
  const comuni = new Set<string>();
  for (const grant of actor.grants) {
    if (!roleHas(grant.role, capability)) continue;
    if (grant.comuni === 'all') return { all: true };
    for (const code of grant.comuni) comuni.add(code);
  }
  return { all: false, comuni };
}

export function scopeIsEmpty(scope: Scope): boolean {
  return !scope.all && scope.comuni.size === 0;
}

export function scopeCovers(scope: Scope, comune: string): boolean {
  return scope.all || scope.comuni.has(comune);
}

export function can(actor: Actor | null, capability: Capability, comune?: string): boolean {
  if (!actor) return false;
  const scope = scopeOf(actor, capability);
  return comune === undefined ? !scopeIsEmpty(scope) : scopeCovers(scope, comune);
}

/*
 * "A coordinator's own organisation", written once for every module (and for the presenters'
 * abilities). A grant of an organisation-bound role (coordinatore, volontario, fornitore) reaches,
 * with a capability, only the records of its organisation; a grant of any other role reaches every
 * organisation's records of its territory. Row-level security applies the territory either way.
 */
const ORGANIZATION_BOUND: ReadonlySet<Role> = new Set(['coordinatore', 'volontario', 'fornitore']);

export function isOrganizationBound(role: Role): boolean {
  return ORGANIZATION_BOUND.has(role);
}

/** What an actor reaches with a capability, grant by grant. */
export interface OrganizationReach {
  /** Comuni where the actor reaches the records of every organisation. */
  everyOrganization: Scope;
  /** Organisations whose records the actor reaches wherever the capability applies. */
  organizations: ReadonlySet<string>;
}

export function organizationReach(actor: Actor, capability: Capability): OrganizationReach {
  const comuni = new Set<string>();
  const organizations = new Set<string>();
  let all = false;
  for (const grant of actor.grants) {
    if (!roleHas(grant.role, capability)) continue;
    if (isOrganizationBound(grant.role)) {
      if (grant.organizationId) organizations.add(grant.organizationId);
    } else if (grant.comuni === 'all') {
      all = true;
    } else {
      for (const code of grant.comuni) comuni.add(code);
    }
  }
  return { everyOrganization: all ? { all: true } : { all: false, comuni }, organizations };
}

/**
 * The organisations an actor's access is limited to for a capability, or null when some role
 * holding it sees the whole territory (an operator, a social worker, an administrator). With
 * `requested`, the filter a list asked for, kept only if the actor reaches it (else nothing).
 */
export function organizationsLimiting(
  actor: Actor,
  capability: Capability,
  requested?: string | null,
): string[] | null {
  const reach = organizationReach(actor, capability);
  const limiting = scopeIsEmpty(reach.everyOrganization) ? [...reach.organizations] : null;
  if (!requested) return limiting;
  return limiting === null || limiting.includes(requested) ? [requested] : [];
}

/**
 * "A citizen's own records": the actor is a person the record names (its beneficiary, its
 * requester, the person exported). Written once here; each resource's policy applies it, within
 * the territory its own capability (request.own, order.own, …) gives.
 */
export function isOwnRecord(actor: Actor | null, ...personIds: (string | null | undefined)[]): boolean {
  return Boolean(actor?.personId) && personIds.includes(actor!.personId);
}

/** Whether the actor reaches, with the capability, a record of this organisation (null: of none). */
export function reachesOrganization(
  actor: Actor,
  capability: Capability,
  organizationId: string | null,
): boolean {
  const limiting = organizationsLimiting(actor, capability);
  return limiting === null || (organizationId !== null && limiting.includes(organizationId));
}
