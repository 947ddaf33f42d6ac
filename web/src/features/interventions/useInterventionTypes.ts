import { useCallback } from 'react';
import type { InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { INTERVENTION_TYPES_PATH } from './api';

/**
 * The intervention types of the protocol (public list), and their names in the interface
 * language: the server names them in Italian in requests and tasks, each type has both names.
 */
export function useInterventionTypes() {
  const { locale } = useI18n();
  const { data, error, loading, reload } = useApi<InterventionType[]>(INTERVENTION_TYPES_PATH);
  const types = data ?? [];
  const nameOf = useCallback(
    (id: string, fallback = id) => {
      const type = data?.find((x) => x.id === id);
      if (!type) return fallback;
      return locale === 'en' ? type.nameEn : type.nameIt;
    },
    [data, locale],
  );
  return { types, active: types.filter((x) => x.active), nameOf, error, loading, reload };
}
