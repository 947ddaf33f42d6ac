import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { DataTable } from '../../ui/DataTable';
import { TerritoryMap } from '../territory/TerritoryMap';
import type { DashboardFilterValues } from './api';

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

/** The comuni the map draws: those of the chosen Ambito or comune, or all of them. */
export function comuniOnMap(comuni: Comune[], filter: DashboardFilterValues): Comune[] {
  const shown = comuni.filter(
    (c) =>
      (!filter.ambito || c.ambitoId === filter.ambito) && (!filter.comune || c.istatCode === filter.comune),
  );
  return shown.length > 0 ? shown : comuni;
}

/** The map's figures as a table: comune, open requests. */
export function OpenRequestsTable({ open }: { open: Dashboard['openByComune'] }) {
  const t = useT();
  return (
    <DataTable
      caption={t.dashboard.openTableCaption}
      rows={open}
      rowKey={(o) => o.comuneCode}
      empty={t.dashboard.noData}
      columns={[
        { key: 'name', header: t.dashboard.comuneColumn, render: (o) => o.name },
        { key: 'open', header: t.dashboard.open, numeric: true, render: (o) => o.open },
      ]}
    />
  );
}
