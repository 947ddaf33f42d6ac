import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useApi } from '../../api/useApi';
import { AMBITI_PATH, comuniPath } from './api';

export interface Territory {
  ambiti: Ambito[];
  comuni: Comune[];
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** All Ambiti and comuni of the province (public data, small: ~120 rows). */
export function useTerritory(): Territory {
  const ambiti = useApi<Ambito[]>(AMBITI_PATH);
  const comuni = useApi<Comune[]>(comuniPath());
  return {
    ambiti: ambiti.data ?? [],
    comuni: comuni.data ?? [],
    loading: ambiti.loading || comuni.loading,
    error: ambiti.error ?? comuni.error,
    reload: () => {
      ambiti.reload();
      comuni.reload();
    },
  };
}
