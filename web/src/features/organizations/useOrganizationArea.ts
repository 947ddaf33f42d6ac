import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';

/** Where an organisation works, in words: its comune, its Ambito, or the whole province. */
export function useOrganizationArea(
  ambiti: Ambito[],
  comuni: Comune[],
): (org: Pick<Organization, 'ambitoId' | 'comuneCode'>) => string {
  const t = useT();
  return (org) => {
    if (org.comuneCode) return comuni.find((c) => c.istatCode === org.comuneCode)?.name ?? org.comuneCode;
    if (org.ambitoId) return ambiti.find((a) => a.id === org.ambitoId)?.name ?? org.ambitoId;
    return t.organizations.wholeProvince;
  };
}
