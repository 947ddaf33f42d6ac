import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { useApi } from '../../api/useApi';
import type { Option } from '../../ui/fields';
import { organizationsPath } from '../organizations/api';
import { useMe } from '../session/SessionProvider';

/**
 * The organisations the user may affiliate volunteers to: a coordinator's own (from the
 * session), every organisation for an administrator. The server checks it again.
 */
export function useAffiliations(): Option[] {
  const me = useMe();
  const own = me.memberships.filter((m) => m.role === 'coordinatore' && m.organizationId);
  const all = useApi<Organization[]>(own.length === 0 ? organizationsPath() : null);
  if (own.length > 0) return own.map((m) => ({ value: m.organizationId!, label: m.organizationName ?? '' }));
  return (all.data ?? []).map((o) => ({ value: o.id, label: o.name }));
}
