import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { ambitoColor } from './ambitoColors';
import { TerritoryMap } from './TerritoryMap';

interface ComuniMapProps {
  comuni: Comune[];
  ambiti: Ambito[];
}

const radiusFor = (population: number) => Math.max(4, Math.sqrt(population) / 12);

/** The comuni tinted by Ambito, with a point sized by population. */
export function ComuniMap({ comuni, ambiti }: ComuniMapProps) {
  const { t, locale } = useI18n();
  const ids = ambiti.map((a) => a.id);
  return (
    <TerritoryMap
      comuni={comuni}
      areaColor={(c) => ambitoColor(ids, c.ambitoId)}
      markers={comuni.map((c) => ({
        key: c.istatCode,
        latitude: c.latitude,
        longitude: c.longitude,
        radius: radiusFor(c.population),
        color: ambitoColor(ids, c.ambitoId),
        label: `${c.name}: ${formatNumber(c.population, locale)}`,
      }))}
      caption={`${t.territory.mapCaption} ${t.territory.mapCredits}`}
      legend={
        <ul className="list-inline mt-2 mb-0">
          {ambiti.map((a) => (
            <li key={a.id} className="list-inline-item me-3">
              <span
                className="legend-swatch"
                style={{ backgroundColor: ambitoColor(ids, a.id) }}
                aria-hidden="true"
              />{' '}
              {a.name}
            </li>
          ))}
        </ul>
      }
    />
  );
}
