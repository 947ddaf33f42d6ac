import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Ambito } from '../../../../shared/src/territory/territory.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { ambitoColor } from './ambitoColors';

/**
 * Resident population per Ambito as bars. The same figures are in the table next to it,
 * so the drawing itself is hidden from screen readers.
 */
export function PopulationChart({ ambiti }: { ambiti: Ambito[] }) {
  const { t, locale } = useI18n();
  const ids = ambiti.map((a) => a.id);
  const data = ambiti.map((a) => ({
    id: a.id,
    name: a.name.replace(/^Ambito /, ''),
    population: a.population,
  }));
  return (
    <figure className="mb-0">
      <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fill: '#1a1a1a', fontSize: 14 }} />
            <YAxis
              tickFormatter={(v: number) => formatNumber(v, locale)}
              width={72}
              tick={{ fill: '#1a1a1a', fontSize: 13 }}
            />
            <Tooltip formatter={(v) => [formatNumber(Number(v), locale), t.territory.population]} />
            <Bar dataKey="population" name={t.territory.population} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.id} fill={ambitoColor(ids, d.id)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="form-text">{t.territory.chartCaption}</figcaption>
    </figure>
  );
}
