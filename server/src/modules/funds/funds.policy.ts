import {
  isOrganizationBound,
  organizationReach,
  scopeCovers,
  type Actor,
  type Scope,
} from '../../platform/access/actor.js';
import { roleHas, type Role } from '../../platform/access/roles.js';

/*
 * Who may commit and spend on which budget line (capability funds.spend), on top of row-level
 * security (a comune's lines are invisible outside its territory, answering 404):
 * - an administrator spends on the lines of the comuni of his territory, and on project-wide lines
 *   (no comune) only when his territory is the whole installation;
 * - a comune's social services (assistente sociale) spend on the lines of their comuni only;
 * - a partner (coordinatore or fornitore of an organisation) spends on the lines of the project
 *   partner linked to that organisation, wherever they are.
 * A line the actor sees but may not spend on answers 403.
 */

// Social services spend on their comuni's lines only, never on project-wide ones.
const TERRITORY_ONLY: readonly Role[] = ['assistente_sociale'];

export interface SpendReach {
  comuni: Scope;
  /** Whether project-wide lines (without a comune) are reachable through the territory. */
  projectWide: boolean;
  organizations: ReadonlySet<string>;
}

/** The one organisation rule (platform/access) for funds.spend, plus who reaches project-wide lines. */
export function spendReach(actor: Actor): SpendReach {
  const { everyOrganization, organizations } = organizationReach(actor, 'funds.spend');
  const projectWide = actor.grants.some(
    (g) =>
      roleHas(g.role, 'funds.spend') &&
      !isOrganizationBound(g.role) &&
      !TERRITORY_ONLY.includes(g.role) &&
      g.comuni === 'all',
  );
  return { comuni: everyOrganization, projectWide, organizations };
}

/** Whether the actor may record a commitment or an expense on the line. */
export function maySpend(
  reach: SpendReach,
  line: { comuneCode: string | null; partnerOrganizationId: string | null },
): boolean {
  if (line.partnerOrganizationId && reach.organizations.has(line.partnerOrganizationId)) return true;
  return line.comuneCode ? scopeCovers(reach.comuni, line.comuneCode) : reach.projectWide;
}
