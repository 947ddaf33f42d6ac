import { scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';

/*
 * Who may do what with co-design procedures, as rules a person can read.
 * - Everybody, without logging in, reads the calls, their criteria and the agreements (published).
 * - codesign.read: the proposals with the bodies' contact persons and the scores, in the territory
 *   of the comune that runs the call.
 * - codesign.manage: publish a call, record the proposals received, score them and sign the agreement.
 */

export function mayManageCodesign(actor: Actor | null, comune: string): boolean {
  return actor !== null && scopeCovers(scopeOf(actor, 'codesign.manage'), comune);
}
