import type { SiteInfo } from '../../../../shared/src/site/site.schemas';
import { useApi } from '../../api/useApi';

/** The installation's public basics: help line, contact address, whether demo logins exist. */
export function useSite() {
  return useApi<SiteInfo>('/api/site');
}
