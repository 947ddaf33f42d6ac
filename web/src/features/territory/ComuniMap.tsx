import { CircleMarker, MapContainer, Polygon, Tooltip } from 'react-leaflet';
import 'leaflet/dist/leaflet.css';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { ambitoColor } from './ambitoColors';
import { comuneOutline } from './comuniBoundaries';

interface ComuniMapProps {
  comuni: Comune[];
  ambiti: Ambito[];
}

const radiusFor = (population: number) => Math.max(4, Math.sqrt(population) / 12);

/**
 * The comuni drawn from their boundaries, tinted by Ambito, with a point sized by population.
 * No tile layer: the map works without any external server. The tables carry the same data.
 */
export function ComuniMap({ comuni, ambiti }: ComuniMapProps) {
  const { t, locale } = useI18n();
  const ids = ambiti.map((a) => a.id);
  if (comuni.length === 0) return null;
  const lats = comuni.map((c) => c.latitude);
  const lons = comuni.map((c) => c.longitude);
  const bounds: [[number, number], [number, number]] = [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
  return (
    <figure className="mb-0">
      <div aria-hidden="true">
        <MapContainer
          bounds={bounds}
          boundsOptions={{ padding: [16, 16] }}
          className="comuni-map"
          scrollWheelZoom={false}
          keyboard={false}
          zoomControl={false}
          attributionControl={false}
        >
          {comuni.map((c) => (
            <Polygon
              key={`area-${c.istatCode}`}
              positions={comuneOutline(c.istatCode)}
              pathOptions={{
                color: '#ffffff',
                weight: 0.8,
                fillColor: ambitoColor(ids, c.ambitoId),
                fillOpacity: 0.25,
              }}
              interactive={false}
            />
          ))}
          {comuni.map((c) => (
            <CircleMarker
              key={c.istatCode}
              center={[c.latitude, c.longitude]}
              radius={radiusFor(c.population)}
              pathOptions={{
                color: '#ffffff',
                weight: 1,
                fillColor: ambitoColor(ids, c.ambitoId),
                fillOpacity: 0.85,
              }}
            >
              <Tooltip>
                {c.name}: {formatNumber(c.population, locale)}
              </Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </div>
      <figcaption className="form-text">
        {t.territory.mapCaption} {t.territory.mapCredits}
      </figcaption>
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
    </figure>
  );
}
