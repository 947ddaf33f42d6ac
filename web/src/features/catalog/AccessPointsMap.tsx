import type { AccessPoint } from '../../../../shared/src/catalog/catalog.schemas';
import { useT } from '../../i18n/I18nProvider';
import { TerritoryMap } from '../territory/TerritoryMap';
import { useTerritory } from '../territory/useTerritory';

/** The access points as dots over the comuni they are in (the map the rounds and funds use). */
export function AccessPointsMap({ points }: { points: AccessPoint[] }) {
  const t = useT().catalog;
  const territory = useTerritory();
  const codes = new Set(points.map((p) => p.comuneCode));
  const comuni = territory.comuni.filter((c) => codes.has(c.istatCode));
  return (
    <TerritoryMap
      comuni={comuni}
      areaColor={() => '#5c6f82'}
      markers={points.map((p) => ({
        key: p.id,
        latitude: p.latitude,
        longitude: p.longitude,
        radius: 8,
        color: p.kind === 'public' ? '#0066cc' : '#995c00',
        label: `${p.name} – ${p.address}`,
      }))}
      caption={t.points.caption}
    />
  );
}
