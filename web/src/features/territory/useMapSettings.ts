import type { MapSettings } from '../../../../shared/src/territory/territory.schemas';
import { useApi } from '../../api/useApi';

/** The street base map configured on the server (MAP_TILES_URL); undefined while loading. */
export function useMapSettings(): MapSettings | undefined {
  return useApi<MapSettings>('/api/map-settings').data;
}
