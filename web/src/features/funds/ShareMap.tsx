import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { TerritoryMap } from '../territory/TerritoryMap';

// Five blues from light to dark, each at least 3:1 against white at the darker end (legend in the table).
const SCALE = ['#d6e6f7', '#a8c8ec', '#6fa3dc', '#3a7cc6', '#0b4f9c'];

/** A choropleth over the ISTAT boundaries: each comune coloured by a value in [0, 1]. */
export function ShareMap({
  comuni,
  value,
  caption,
}: {
  comuni: Comune[];
  value: (c: Comune) => number | null;
  caption: string;
}) {
  const color = (c: Comune) => {
    const v = value(c);
    if (v === null) return '#eeeeee';
    return SCALE[Math.min(SCALE.length - 1, Math.max(0, Math.floor(v * SCALE.length)))]!;
  };
  return <TerritoryMap comuni={comuni} areaColor={color} markers={[]} caption={caption} />;
}
