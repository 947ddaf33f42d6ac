import { scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';

/*
 * Who may read and change a case file: the most sensitive data Legami holds (health, disability,
 * poverty, minors). Invariant: a file's content leaves the server only for
 *   - the responsible social worker,
 *   - a social worker of the case's team,
 *   - a supervisor of that team,
 *   - another social worker of the same territory who broke the glass with a written reason
 *     (for a limited time; the responsible worker and the supervisor are told, the audit shows it),
 * and always within the territory of the actor's `case.read` grant. Everybody else learns at most
 * that the person is "followed by social services" (the people registry's marker, shown to who
 * triages), and another territory's case is not even confirmed to exist (404).
 */

/** What the policy needs to know of a case. */
export interface CaseFacts {
  comuneCode: string;
  responsibleUserId: string;
  teamId: string;
}

/** What the policy needs to know of the actor beyond the session: teams and emergency grants. */
export interface ActorCaseFacts {
  memberOfTeams: ReadonlySet<string>;
  supervisorOfTeams: ReadonlySet<string>;
  /** Cases the actor broke the glass on, still in force. */
  breakGlassCases: ReadonlySet<string>;
}

export type CaseAccess =
  /** The whole file, because of the actor's place in the case's team. */
  | { level: 'full'; because: 'responsible' | 'team' | 'supervisor' }
  /** The whole file, because the actor broke the glass. */
  | { level: 'full'; because: 'break_glass' }
  /** A social worker of the territory outside the team: may break the glass with a reason. */
  | { level: 'break_glass_available' }
  /** Nothing: the role holds no right on case files (403). */
  | { level: 'none' }
  /** Outside the actor's territory: not confirmed to exist (404). */
  | { level: 'hidden' };

/** Decides the access of an actor to one case; rules in the order a person reads them. */
export function caseAccess(actor: Actor, caseId: string, c: CaseFacts, facts: ActorCaseFacts): CaseAccess {
  const scope = scopeOf(actor, 'case.read');
  if (scope.all === false && scope.comuni.size === 0) return { level: 'none' };
  if (!scopeCovers(scope, c.comuneCode)) return { level: 'hidden' };
  if (c.responsibleUserId === actor.userId) return { level: 'full', because: 'responsible' };
  if (facts.supervisorOfTeams.has(c.teamId)) return { level: 'full', because: 'supervisor' };
  if (facts.memberOfTeams.has(c.teamId)) return { level: 'full', because: 'team' };
  if (facts.breakGlassCases.has(caseId)) return { level: 'full', because: 'break_glass' };
  if (scopeCovers(scopeOf(actor, 'case.breakGlass'), c.comuneCode)) return { level: 'break_glass_available' };
  return { level: 'none' };
}

/** Who may change a file: the same people who read it through the team (not through break-glass). */
export function mayChangeCase(access: CaseAccess, actor: Actor, c: CaseFacts): boolean {
  return (
    access.level === 'full' &&
    access.because !== 'break_glass' &&
    scopeCovers(scopeOf(actor, 'case.write'), c.comuneCode)
  );
}

/** Only the responsible worker and the supervisor reassign or close a case. */
export function mayManageCase(access: CaseAccess): boolean {
  return access.level === 'full' && (access.because === 'responsible' || access.because === 'supervisor');
}

/** The minimum length of a break-glass reason: a word is not a reason. */
export const BREAK_GLASS_MIN_REASON = 15;
/** Hours a break-glass grant lasts. */
export const BREAK_GLASS_HOURS = 24;

/** The abilities a case response carries, from the same rules. */
export function caseAbilities(access: CaseAccess, actor: Actor, c: CaseFacts) {
  const change = mayChangeCase(access, actor, c);
  return {
    change,
    manage: change && mayManageCase(access),
    breakGlass: access.level === 'break_glass_available',
  };
}
