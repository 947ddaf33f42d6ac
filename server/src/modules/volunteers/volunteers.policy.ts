import { scopeCovers, scopeIsEmpty, type OrganizationReach } from '../../platform/access/actor.js';

/*
 * Who sees which volunteer, on top of the territory (row-level security by comune_code):
 * - an administrator sees every volunteer of the territory;
 * - a coordinator sees the volunteers of his own organisations plus the individual citizens
 *   (organization_id null) who offered help in his territory, and nobody else's members.
 * A volunteer of another organisation answers 404, like a record of another territory: a
 * coordinator must not learn who volunteers for someone else. Who reaches which organisation is
 * the one organisation rule (`organizationReach` in platform/access/actor.ts).
 */

/** Whether a volunteer (already inside the actor's territory) is visible to the actor. */
export function reaches(
  reach: OrganizationReach,
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
export function mayAffiliate(reach: OrganizationReach, organizationId: string | null): boolean {
  if (organizationId === null) return true;
  return reach.organizations.has(organizationId) || !scopeIsEmpty(reach.everyOrganization);
}

/**
 * The organisation a new volunteer joins (direct registration, import). When the request does
 * not say: a coordinator of exactly one organisation means that one, a coordinator of several
 * must choose ('ambiguous'), anyone else registers individual volunteers.
 */
export function chooseAffiliation(
  reach: OrganizationReach,
  requested: string | null | undefined,
): { organizationId: string | null } | 'ambiguous' | 'forbidden' {
  if (requested !== undefined)
    return mayAffiliate(reach, requested) ? { organizationId: requested } : 'forbidden';
  if (!scopeIsEmpty(reach.everyOrganization) || reach.organizations.size === 0)
    return { organizationId: null };
  if (reach.organizations.size === 1) return { organizationId: [...reach.organizations][0]! };
  return 'ambiguous';
}
