import { reachesOrganization, scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';

/*
 * Who may do what with goods, as rules a person can read.
 * - goods.read: see points, stock and the ledger of the territory.
 * - goods.manage: record donations, transfers and write-offs at a point of the territory; a
 *   coordinator only at the points his own organisation runs.
 */

export function mayManagePoint(
  actor: Actor,
  point: { comune_code: string; organization_id: string },
): boolean {
  return (
    scopeCovers(scopeOf(actor, 'goods.manage'), point.comune_code) &&
    reachesOrganization(actor, 'goods.manage', point.organization_id)
  );
}
