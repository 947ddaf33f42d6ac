import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import type { ReportFigures } from '../../../../shared/src/reports/social-report.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { TerritoryMap } from '../territory/TerritoryMap';

// Five steps of the primary blue, light to dark; grey where the figure is withheld.
const STEPS = ['#d6e6f7', '#9ec3ec', '#5c9ddf', '#1f6fc5', '#0b4a8b'];
const WITHHELD = '#c5c7c9';

/** Requests per 1,000 residents of each area, from the published totals (null where withheld). */
export function ratesOf(figures: ReportFigures): Map<string, number | null> {
  const byType = figures.tables.find((t) => t.id === 'requests-by-type');
  return new Map(
    figures.areas.map((area, i) => {
      const requests = byType?.rowTotals[i] ?? null;
      return [
        area.code,
        requests === null || area.population === 0 ? null : (requests * 1000) / area.population,
      ];
    }),
  );
}

/** A choropleth of the comuni: each tinted by its area's requests per 1,000 residents. */
export function ReportChoropleth({ figures, comuni }: { figures: ReportFigures; comuni: Comune[] }) {
  const { t, locale } = useI18n();
  const rates = ratesOf(figures);
  const areaOfComune = new Map(figures.areas.flatMap((a) => a.comuni.map((c) => [c, a.code] as const)));
  const known = [...rates.values()].filter((v): v is number => v !== null);
  const max = Math.max(1, ...known);
  const colour = (rate: number | null) =>
    rate === null ? WITHHELD : STEPS[Math.min(STEPS.length - 1, Math.floor((rate / max) * STEPS.length))]!;
  const shown = comuni.filter((c) => areaOfComune.has(c.istatCode));
  const step = (i: number) => formatNumber(Math.round((max * i) / STEPS.length), locale);
  return (
    <TerritoryMap
      comuni={shown}
      areaColor={(c) => colour(rates.get(areaOfComune.get(c.istatCode) ?? '') ?? null)}
      markers={[]}
      areaOpacity={0.85}
      caption={t.reports.mapCaption}
      legend={
        <ul className="list-inline mt-2 mb-0">
          {STEPS.map((colourOfStep, i) => (
            <li key={colourOfStep} className="list-inline-item me-3">
              <span className="legend-swatch" style={{ backgroundColor: colourOfStep }} aria-hidden="true" />{' '}
              {step(i)}–{step(i + 1)}
            </li>
          ))}
          <li className="list-inline-item">
            <span className="legend-swatch" style={{ backgroundColor: WITHHELD }} aria-hidden="true" />{' '}
            {t.reports.suppressed}
          </li>
        </ul>
      }
    />
  );
}
