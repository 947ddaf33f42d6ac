import { scopeCovers, type Actor, type Scope } from '../../platform/access/actor.js';
import { roleHas, type Capability, type Role } from '../../platform/access/roles.js';

/*
 * Who sees which volunteer, on top of the territory (row-level security by comune_code):
 * - an administrator sees every volunteer of the territory;
 * - a coordinator sees the volunteers of his own organisations plus the individual citizens
 *   (organization_id null) who offered help in his territory, and nobody else's members.
 * A volunteer of another organisation answers 404, like a record of another territory: a
 * coordinator must not learn who volunteers for someone else.
 */

// Roles whose grant is bound to the grant's organisation rather than to the whole territory.
const ORGANIZATION_BOUND: readonly Role[] = ['coordinatore'];

export interface VolunteerReach {
  /** Comuni where the actor sees volunteers of any organisation. */
  everyOrganization: Scope;
  /** Organisations whose volunteers the actor sees wherever the capability applies. */
  organizations: ReadonlySet<string>;
}

/** What an actor reaches with a volunteer capability, grant by grant. */
export function volunteerReach(actor: Actor, capability: Capability): VolunteerReach {
  const comuni = new Set<string>();
  const organizations = new Set<string>();
  let all = false;
  for (const grant of actor.grants) {
    if (!roleHas(grant.role, capability)) continue;
    if (ORGANIZATION_BOUND.includes(grant.role)) {
      if (grant.organizationId) organizations.add(grant.organizationId);
    } else if (grant.comuni === 'all') {
      all = true;
    } else {
      for (const code of grant.comuni) comuni.add(code);
    }
  }
  return { everyOrganization: all ? { all: true } : { all: false, comuni }, organizations };
}

/** Whether a volunteer (already inside the actor's territory) is visible to the actor. */
export function reaches(
  reach: VolunteerReach,
  v: { comuneCode: string; organizationId: string | null },
): boolean {
  return (
    v.organizationId === null ||
    reach.organizations.has(v.organizationId) ||
    scopeCovers(reach.everyOrganization, v.comuneCode)
  );
}

/**
 * Whether the actor may affiliate a volunteer to an organisation: a coordinator only to his own,
 * an administrator to any organisation (its existence is checked by the caller). Null, "individual", is always allowed.
 */
export function mayAffiliate(reach: VolunteerReach, organizationId: string | null): boolean {
  if (organizationId === null) return true;
  return reach.organizations.has(organizationId) || !isEmpty(reach.everyOrganization);
}

function isEmpty(scope: Scope): boolean {
  return !scope.all && scope.comuni.size === 0;
}

/**
 * The organisation a new volunteer joins (direct registration, import). When the request does
 * not say: a coordinator of exactly one organisation means that one, a coordinator of several
 * must choose ('ambiguous'), anyone else registers individual volunteers.
 */
export function chooseAffiliation(
  reach: VolunteerReach,
  requested: string | null | undefined,
): { organizationId: string | null } | 'ambiguous' | 'forbidden' {
  if (requested !== undefined)
    return mayAffiliate(reach, requested) ? { organizationId: requested } : 'forbidden';
  if (!isEmpty(reach.everyOrganization) || reach.organizations.size === 0) return { organizationId: null };
  if (reach.organizations.size === 1) return { organizationId: [...reach.organizations][0]! };
  return 'ambiguous';
}
