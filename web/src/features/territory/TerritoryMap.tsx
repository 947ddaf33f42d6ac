import type { ReactNode } from 'react';
import { CircleMarker, MapContainer, Polygon, Tooltip } from 'react-leaflet';
import 'leaflet/dist/leaflet.css';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { comuneOutline } from './comuniBoundaries';

export interface MapMarker {
  key: string;
  latitude: number;
  longitude: number;
  radius: number;
  color: string;
  label: string;
}

interface TerritoryMapProps {
  /** The comuni drawn from their boundaries; the map fits them. */
  comuni: Comune[];
  areaColor: (comune: Comune) => string;
  markers: MapMarker[];
  caption: ReactNode;
  legend?: ReactNode;
  /** How strongly the areas are tinted (a choropleth wants them solid). */
  areaOpacity?: number;
}

/**
 * Comuni drawn from their ISTAT boundaries with circles on top. No tile layer: the map works
 * without any external server. The page always gives the same data in a table.
 */
export function TerritoryMap({
  comuni,
  areaColor,
  markers,
  caption,
  legend,
  areaOpacity = 0.25,
}: TerritoryMapProps) {
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
          key={JSON.stringify(bounds)}
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
                fillColor: areaColor(c),
                fillOpacity: areaOpacity,
              }}
              interactive={false}
            />
          ))}
          {markers.map((m) => (
            <CircleMarker
              key={m.key}
              center={[m.latitude, m.longitude]}
              radius={m.radius}
              pathOptions={{ color: '#ffffff', weight: 1, fillColor: m.color, fillOpacity: 0.85 }}
            >
              <Tooltip>{m.label}</Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </div>
      <figcaption className="form-text">{caption}</figcaption>
      {legend}
    </figure>
  );
}
