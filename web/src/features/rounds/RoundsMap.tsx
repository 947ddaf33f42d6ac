import { useEffect, useMemo } from 'react';
import L from 'leaflet';
import { MapContainer, Marker, Pane, Polygon, Polyline, Tooltip, useMap } from 'react-leaflet';
import 'leaflet/dist/leaflet.css';
import type { Round } from '../../../../shared/src/rounds/rounds.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { comuneOutline } from '../territory/comuniBoundaries';
import { roundStyle, stopLabel } from './roundStyle';
import './rounds.css';

type Bounds = [[number, number], [number, number]];

interface RoundsMapProps {
  rounds: Round[];
  /** The comuni of the province: those of the Ambiti the rounds cross are outlined. */
  comuni: Comune[];
  /** One round shown in full, the others faded; null for all. */
  highlighted: string | null;
}

function boundsOf(points: { latitude: number; longitude: number }[]): Bounds | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  return [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
}

/** Zooms to the highlighted round (or back to all rounds) when the choice changes. */
function FitBounds({ bounds }: { bounds: Bounds | null }) {
  const map = useMap();
  const key = JSON.stringify(bounds);
  useEffect(() => {
    // Compared by value (key): a re-timed plan with the same corners leaves the view alone.
    const corners = JSON.parse(key) as Bounds | null;
    if (corners) map.fitBounds(corners, { padding: [24, 24], maxZoom: 14 });
  }, [map, key]);
  return null;
}

// Marker icons are HTML: a pill with the stop's label ("3.2") in the round's colour.
function markerIcon(label: string, color: string, approximate: boolean, faded: boolean): L.DivIcon {
  const classes = [
    'round-marker',
    approximate ? 'round-marker-approx' : '',
    faded ? 'round-marker-faded' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return L.divIcon({
    className: 'round-marker-icon',
    html: `<span class="${classes}" style="background-color:${color}">${label}</span>`,
    iconSize: [36, 22],
    iconAnchor: [18, 11],
  });
}

/**
 * The rounds of a plan on the comuni boundaries: one colour, line style and number per round,
 * lines between the stops in order, a numbered marker per stop (dashed when its position is to be
 * confirmed). No tile layer, so it works without any map server; the list next to it carries the
 * same information for screen readers and keyboards.
 */
export function RoundsMap({ rounds, comuni, highlighted }: RoundsMapProps) {
  const t = useT();
  const stops = rounds.flatMap((r) => r.stops);
  const allBounds = boundsOf(stops);
  const focusBounds = highlighted
    ? boundsOf(rounds.find((r) => r.volunteerId === highlighted)?.stops ?? [])
    : null;

  // The comuni of the Ambiti the rounds pass through, for orientation.
  const background = useMemo(() => {
    const visited = new Set(stops.map((s) => s.comuneName));
    const ambiti = new Set(comuni.filter((c) => visited.has(c.name)).map((c) => c.ambitoId));
    return comuni.filter((c) => ambiti.has(c.ambitoId));
  }, [comuni, stops]);

  if (!allBounds) return null;
  return (
    <div aria-hidden="true" data-testid="rounds-map">
      <MapContainer
        bounds={allBounds}
        boundsOptions={{ padding: [24, 24] }}
        className="rounds-map"
        scrollWheelZoom={false}
        keyboard={false}
        zoomControl={false}
        attributionControl={false}
      >
        <FitBounds bounds={focusBounds ?? allBounds} />
        {/* Below the rounds even when the comuni arrive after the plan. */}
        <Pane name="comuni" style={{ zIndex: 350 }}>
          {background.map((c) => (
            <Polygon
              key={`area-${c.istatCode}`}
              positions={comuneOutline(c.istatCode)}
              pathOptions={{ color: '#8e9aa6', weight: 0.8, fillColor: '#ffffff', fillOpacity: 0.6 }}
              interactive={false}
            />
          ))}
        </Pane>
        {rounds.map((round, index) => {
          const style = roundStyle(index);
          const faded = highlighted !== null && highlighted !== round.volunteerId;
          return (
            <Polyline
              key={`line-${round.volunteerId}`}
              className="round-line"
              positions={round.stops.map((s) => [s.latitude, s.longitude] as [number, number])}
              pathOptions={{
                color: style.color,
                weight: faded ? 2 : 4,
                opacity: faded ? 0.25 : 0.9,
                dashArray: style.dashArray,
              }}
              interactive={false}
            />
          );
        })}
        {rounds.map((round, index) => {
          const style = roundStyle(index);
          const faded = highlighted !== null && highlighted !== round.volunteerId;
          return round.stops.map((stop, stopIndex) => (
            <Marker
              key={stop.taskId}
              position={[stop.latitude, stop.longitude]}
              icon={markerIcon(stopLabel(index, stopIndex), style.color, stop.approximateLocation, faded)}
              keyboard={false}
              zIndexOffset={faded ? -1000 : 0}
            >
              <Tooltip>
                {t.rounds.markerTooltip(
                  index + 1,
                  round.volunteerName,
                  stopIndex + 1,
                  stop.arrival,
                  stop.beneficiaryName,
                )}
                {stop.approximateLocation ? ` · ${t.rounds.approximate}` : ''}
              </Tooltip>
            </Marker>
          ));
        })}
      </MapContainer>
    </div>
  );
}
