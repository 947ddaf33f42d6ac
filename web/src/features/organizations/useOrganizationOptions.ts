import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { useApi } from '../../api/useApi';
import type { Option } from '../../ui/fields';
import { organizationsPath } from './api';
import { useMe } from '../session/SessionProvider';

/**
 * The organisations a user works for, to choose among: a coordinator's own (from the
 * session), every organisation for the others. The server checks every choice again.
 */
export function useOrganizationOptions(): Option[] {
  const me = useMe();
  const own = me.memberships.filter((m) => m.role === 'coordinatore' && m.organizationId);
  const all = useApi<Organization[]>(own.length === 0 ? organizationsPath() : null);
  if (own.length > 0) return own.map((m) => ({ value: m.organizationId!, label: m.organizationName ?? '' }));
  return (all.data ?? []).map((o) => ({ value: o.id, label: o.name }));
}
