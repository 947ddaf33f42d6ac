import type { Me } from '../../../../shared/src/accounts/accounts.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';

/**
 * The comuni the user's memberships name, to offer them first in a form. Presentation only:
 * the server decides what the user may do there and answers 422 outside the territory.
 */
export function comuniOfMemberships(me: Me, comuni: Comune[]): Comune[] {
  if (me.memberships.some((m) => m.scopeType === 'all')) return comuni;
  const ambiti = new Set(me.memberships.filter((m) => m.scopeType === 'ambito').map((m) => m.scopeId));
  const codes = new Set(me.memberships.filter((m) => m.scopeType === 'comune').map((m) => m.scopeId));
  return comuni.filter((c) => ambiti.has(c.ambitoId) || codes.has(c.istatCode));
}

/** A sensible first comune for a new record: the user's own comune, or the lead comune of their Ambito. */
export function defaultComuneCode(me: Me, comuni: Comune[], ambiti: Ambito[]): string {
  const first = me.memberships[0];
  if (first?.scopeType === 'comune' && first.scopeId) return first.scopeId;
  if (first?.scopeType === 'ambito') {
    const lead = ambiti.find((a) => a.id === first.scopeId)?.leadComuneName;
    const match = comuni.find((c) => c.ambitoId === first.scopeId && c.name === lead);
    if (match) return match.istatCode;
  }
  return '';
}
