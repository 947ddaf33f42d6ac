import type { Ambito } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { BarChartFigure } from '../../ui/BarChartFigure';
import { ambitoColor } from './ambitoColors';

/** Resident population per Ambito as bars; the same figures are in the table next to it. */
export function PopulationChart({ ambiti }: { ambiti: Ambito[] }) {
  const t = useT();
  const ids = ambiti.map((a) => a.id);
  return (
    <BarChartFigure
      data={ambiti.map((a) => ({
        key: a.id,
        label: a.name.replace(/^Ambito /, ''),
        value: a.population,
        color: ambitoColor(ids, a.id),
      }))}
      valueName={t.territory.population}
      caption={t.territory.chartCaption}
    />
  );
}
