import { useEffect, useMemo, useState } from 'react';
import L from 'leaflet';
import {
  MapContainer,
  Marker,
  Pane,
  Polygon,
  Polyline,
  TileLayer,
  Tooltip,
  useMap,
  useMapEvents,
} from 'react-leaflet';
import 'leaflet/dist/leaflet.css';
import type { Round, RoundStop } from '../../../../shared/src/rounds/rounds.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { comuneOutline } from '../territory/comuniBoundaries';
import { useMapSettings } from '../territory/useMapSettings';
import { layoutMarkers } from './mapLayout';
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

const FIT = { padding: [24, 24] as [number, number], maxZoom: 14 };

/** Zooms to the highlighted round (or back to all rounds) when the choice changes. */
function FitBounds({ bounds }: { bounds: Bounds | null }) {
  const map = useMap();
  const key = JSON.stringify(bounds);
  useEffect(() => {
    // Compared by value (key): a re-timed plan with the same corners leaves the view alone.
    const corners = JSON.parse(key) as Bounds | null;
    if (corners) map.fitBounds(corners, FIT);
  }, [map, key]);
  return null;
}

// Marker icons are HTML: a pill with the stop's label ("3.2") in the round's colour, moved by
// `shift` pixels from its place when fanned out.
function markerIcon(
  label: string,
  color: string,
  approximate: boolean,
  faded: boolean,
  shift: { x: number; y: number },
): L.DivIcon {
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
    iconAnchor: [18 - shift.x, 11 - shift.y],
  });
}

function countIcon(count: number, className: string, size: number): L.DivIcon {
  return L.divIcon({
    className: 'round-marker-icon',
    html: `<span class="${className}">${count}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function comuneLabel(name: string): L.DivIcon {
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return L.divIcon({
    className: 'comune-label-icon',
    html: `<span class="comune-label">${escaped}</span>`,
    iconSize: [0, 0],
  });
}

interface PlacedStop {
  stop: RoundStop;
  round: Round;
  roundIndex: number;
  stopIndex: number;
}

/**
 * The stop markers laid out at the current zoom: stops that would overlap are fanned out in a
 * ring around their place (a small dot there says how many), or, when many, drawn as one marker
 * with their count. Re-laid out after every zoom.
 */
function StopMarkers({ rounds, highlighted }: { rounds: Round[]; highlighted: string | null }) {
  const t = useT();
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const placed: PlacedStop[] = rounds.flatMap((round, roundIndex) =>
    round.stops.map((stop, stopIndex) => ({ stop, round, roundIndex, stopIndex })),
  );
  const projected = placed.map(({ stop }) => map.project([stop.latitude, stop.longitude], zoom));
  const groups = layoutMarkers(projected.map((p) => ({ x: p.x, y: p.y })));
  const tooltipOf = ({ stop, round, roundIndex, stopIndex }: PlacedStop) =>
    t.rounds.markerTooltip(
      roundIndex + 1,
      round.volunteerName,
      stopIndex + 1,
      stop.arrival,
      stop.beneficiaryName,
    ) + (stop.approximateLocation ? ` · ${t.rounds.approximate}` : '');

  return groups.map((group) => {
    const centre = map.unproject(L.point(group.centre.x, group.centre.y), zoom);
    const key = group.members.map((i) => placed[i]!.stop.taskId).join('+');
    if (!group.offsets) {
      const labels = group.members.map((i) => stopLabel(placed[i]!.roundIndex, placed[i]!.stopIndex));
      return (
        <Marker
          key={key}
          position={centre}
          icon={countIcon(group.members.length, 'round-cluster', 34)}
          keyboard={false}
        >
          <Tooltip>{t.rounds.clusterTooltip(group.members.length, labels.join(', '))}</Tooltip>
        </Marker>
      );
    }
    return [
      group.members.length > 1 && (
        <Marker
          key={`centre-${key}`}
          position={centre}
          icon={countIcon(group.members.length, 'round-fan-count', 18)}
          keyboard={false}
          interactive={false}
        />
      ),
      ...group.members.map((i, k) => {
        const item = placed[i]!;
        const own = projected[i]!;
        const offset = group.offsets![k]!;
        const shift = {
          x: Math.round(group.centre.x + offset.x - own.x),
          y: Math.round(group.centre.y + offset.y - own.y),
        };
        const faded = highlighted !== null && highlighted !== item.round.volunteerId;
        return (
          <Marker
            key={item.stop.taskId}
            position={[item.stop.latitude, item.stop.longitude]}
            icon={markerIcon(
              stopLabel(item.roundIndex, item.stopIndex),
              roundStyle(item.roundIndex).color,
              item.stop.approximateLocation,
              faded,
              shift,
            )}
            keyboard={false}
            zIndexOffset={faded ? -1000 : 0}
          >
            <Tooltip>{tooltipOf(item)}</Tooltip>
          </Marker>
        );
      }),
    ];
  });
}

/**
 * The rounds of a plan: one colour, line style and number per round, lines between the stops in
 * order, a numbered marker per stop (dashed when its position is to be confirmed), the names of the
 * comuni visited. On the street map of MAP_TILES_URL when the server has one (with its
 * attribution), else on the comuni boundaries alone, so it works without any map server. Zoom
 * buttons sit above the map; the list next to it carries the same information for screen readers
 * and keyboards, so the map itself is hidden from them.
 */
export function RoundsMap({ rounds, comuni, highlighted }: RoundsMapProps) {
  const t = useT();
  const settings = useMapSettings();
  const [map, setMap] = useState<L.Map | null>(null);
  const stops = rounds.flatMap((r) => r.stops);
  const allBounds = boundsOf(stops);
  const focusBounds = highlighted
    ? boundsOf(rounds.find((r) => r.volunteerId === highlighted)?.stops ?? [])
    : null;
  const tiles = settings?.tilesUrl ?? null;

  // The comuni of the Ambiti the rounds pass through, for orientation; the visited ones named.
  const { background, visited } = useMemo(() => {
    const names = new Set(stops.map((s) => s.comuneName));
    const ambiti = new Set(comuni.filter((c) => names.has(c.name)).map((c) => c.ambitoId));
    return {
      background: comuni.filter((c) => ambiti.has(c.ambitoId)),
      visited: comuni.filter((c) => names.has(c.name)),
    };
  }, [comuni, stops]);

  if (!allBounds) return null;
  const fitAll = () => map?.fitBounds(focusBounds ?? allBounds, FIT);
  return (
    <>
      <div className="d-flex flex-wrap gap-2 mb-2" role="group" aria-label={t.rounds.zoomControls}>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => map?.zoomIn()}>
          <span aria-hidden="true">+ </span>
          {t.rounds.zoomIn}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => map?.zoomOut()}>
          <span aria-hidden="true">− </span>
          {t.rounds.zoomOut}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={fitAll}>
          {t.rounds.zoomFit}
        </button>
      </div>
      <div aria-hidden="true" data-testid="rounds-map">
        <MapContainer
          ref={setMap}
          bounds={allBounds}
          boundsOptions={{ padding: [24, 24] }}
          className={`rounds-map${tiles ? ' rounds-map-streets' : ''}`}
          scrollWheelZoom={false}
          keyboard={false}
          zoomControl={false}
          attributionControl={false}
        >
          {tiles && <TileLayer url={tiles} className="street-tiles" />}
          <FitBounds bounds={focusBounds ?? allBounds} />
          {/* Below the rounds even when the comuni arrive after the plan. */}
          <Pane name="comuni" style={{ zIndex: 350 }}>
            {background.map((c) => (
              <Polygon
                key={`area-${c.istatCode}`}
                positions={comuneOutline(c.istatCode)}
                pathOptions={
                  tiles
                    ? { color: '#5c6f82', weight: 1.5, fillOpacity: 0 }
                    : { color: '#8e9aa6', weight: 0.8, fillColor: '#ffffff', fillOpacity: 0.6 }
                }
                interactive={false}
              />
            ))}
          </Pane>
          <Pane name="comuni-labels" style={{ zIndex: 420 }}>
            {visited.map((c) => (
              <Marker
                key={`label-${c.istatCode}`}
                pane="comuni-labels"
                position={[c.latitude, c.longitude]}
                icon={comuneLabel(c.name)}
                interactive={false}
                keyboard={false}
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
          <StopMarkers rounds={rounds} highlighted={highlighted} />
        </MapContainer>
      </div>
      {tiles && settings?.attribution && (
        <p className="form-text mb-0 map-attribution">{t.rounds.streetMapBy(settings.attribution)}</p>
      )}
    </>
  );
}
