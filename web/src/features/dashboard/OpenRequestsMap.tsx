import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { TerritoryMap } from '../territory/TerritoryMap';

const radiusFor = (open: number) => 5 + Math.sqrt(open) * 4;

/** Open requests by comune as circles sized by their number, over the comuni of the chosen territory. */
export function OpenRequestsMap({ open, comuni }: { open: Dashboard['openByComune']; comuni: Comune[] }) {
  const t = useT();
  return (
    <TerritoryMap
      comuni={comuni}
      areaColor={() => '#5c6f82'}
      markers={open.map((o) => ({
        key: o.comuneCode,
        latitude: o.latitude,
        longitude: o.longitude,
        radius: radiusFor(o.open),
        color: '#cc334d',
        label: t.dashboard.openTooltip(o.name, o.open),
      }))}
      caption={t.dashboard.openMapCaption}
    />
  );
}
