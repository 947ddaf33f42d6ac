import { scopeCovers, scopeOf, type Actor } from '../../platform/access/actor.js';

/*
 * Who may do what with collaboration pacts, as rules a person can read.
 * - Everybody, without logging in, reads the register of the commons and the pacts (published).
 * - pact.read: the office reads the proposals (with the proposers' contacts) and the parties' contacts.
 * - pact.manage: the office registers commons, decides proposals, signs and renews pacts and
 *   records the care done, in its own comuni.
 * - pact.propose: a citizen proposes a pact online, in their own comune, named by the session.
 */

export function mayManagePacts(actor: Actor | null, comune: string): boolean {
  return actor !== null && scopeCovers(scopeOf(actor, 'pact.manage'), comune);
}

/** Whether a proposal is the citizen's own, made online by this account. */
export function isOwnProposal(actor: Actor, proposal: { submittedBy: string | null }): boolean {
  return proposal.submittedBy === actor.userId;
}
