import type { Membership } from '../../../../shared/src/accounts/accounts.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import type { Messages } from '../../i18n/it';

/** "Operatore · Comune di Cremona – Settore Politiche Sociali · Ambito Cremonese". */
export function membershipText(m: Membership, t: Messages, ambiti: Ambito[], comuni: Comune[]): string {
  const territory =
    m.scopeType === 'all'
      ? t.users.scopeAll
      : m.scopeType === 'ambito'
        ? (ambiti.find((a) => a.id === m.scopeId)?.name ?? m.scopeId ?? '')
        : (comuni.find((c) => c.istatCode === m.scopeId)?.name ?? m.scopeId ?? '');
  return [t.roles[m.role], m.organizationName, territory].filter(Boolean).join(' · ');
}
