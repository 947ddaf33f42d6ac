import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { TerritoryMap } from '../territory/TerritoryMap';

// Five blues from light to dark, each at least 3:1 against white at the darker end (legend in the table).
const SCALE = ['#d6e6f7', '#a8c8ec', '#6fa3dc', '#3a7cc6', '#0b4f9c'];
const NO_VALUE = '#eeeeee';

/** The colour of a value in [0, 1] (null: no figure). */
export function shareColor(value: number | null): string {
  if (value === null) return NO_VALUE;
  return SCALE[Math.min(SCALE.length - 1, Math.max(0, Math.floor(value * SCALE.length)))]!;
}

export interface LegendItem {
  key: string;
  label: string;
  /** In [0, 1], as on the map. */
  value: number | null;
}

/**
 * A choropleth over the ISTAT boundaries: each comune coloured by a value in [0, 1], with an
 * optional legend naming what each colour stands for (the areas of a sub-ambito share one colour).
 */
export function ShareMap({
  comuni,
  value,
  caption,
  legend,
}: {
  comuni: Comune[];
  value: (c: Comune) => number | null;
  caption: string;
  legend?: { title: string; items: LegendItem[] };
}) {
  return (
    <TerritoryMap
      comuni={comuni}
      areaColor={(c) => shareColor(value(c))}
      areaOpacity={0.9}
      markers={[]}
      caption={caption}
      legend={
        legend && (
          <>
            <p className="small fw-semibold mb-1 mt-2">{legend.title}</p>
            <ul className="list-unstyled small mb-0">
              {legend.items.map((item) => (
                <li key={item.key} className="d-flex align-items-center gap-2">
                  <span
                    className="share-swatch"
                    data-color={shareColor(item.value)}
                    style={{ background: shareColor(item.value) }}
                    aria-hidden="true"
                  />
                  {item.label}
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
