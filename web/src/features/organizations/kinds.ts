import type { OrganizationKind } from '../../../../shared/src/organizations/organizations.schemas';
import { ORGANIZATION_KINDS } from '../../i18n/enumerations';
import type { Messages } from '../../i18n/it';
import type { Option } from '../../ui/fields';

export function kindOptions(t: Messages): Option[] {
  return ORGANIZATION_KINDS.map((k) => ({ value: k, label: t.organizationKinds[k] }));
}

export function isOrganizationKind(value: string): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}
