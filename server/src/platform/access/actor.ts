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

// Roles that act for their own organisation only (they see what is routed to it).
const ORGANIZATION_BOUND: ReadonlySet<Role> = new Set(['coordinatore', 'volontario', 'fornitore']);

/**
 * The organisations an actor's access is limited to for a capability, or null when some role
 * holding it sees the whole territory (an operator, a social worker, an administrator).
 */
export function organizationsLimiting(actor: Actor, capability: Capability): string[] | null {
  const grants = actor.grants.filter((g) => roleHas(g.role, capability));
  if (grants.some((g) => !ORGANIZATION_BOUND.has(g.role))) return null;
  return [...new Set(grants.map((g) => g.organizationId).filter((id): id is string => id !== null))];
}
