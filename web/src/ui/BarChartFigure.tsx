import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/I18nProvider';
import { formatNumber } from '../i18n/format';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** At least 3:1 against white (WCAG 1.4.11); the default is the primary blue. */
  color?: string;
}

interface BarChartFigureProps {
  data: BarDatum[];
  /** What the values count ("Popolazione", "Richieste"), for the tooltip. */
  valueName: string;
  caption: string;
  height?: number;
  /** Bars across the page, for long labels (intervention types). */
  horizontal?: boolean;
}

const INK = '#1a1a1a';

/**
 * A bar chart in a figure. The same figures are always in a table next to it, so the drawing
 * itself is hidden from screen readers and the caption says where the values are.
 */
export function BarChartFigure({
  data,
  valueName,
  caption,
  height = 260,
  horizontal = false,
}: BarChartFigureProps) {
  const { locale } = useI18n();
  const format = (v: number) => formatNumber(v, locale);
  return (
    <figure className="mb-0">
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <ResponsiveContainer>
          <BarChart
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
            {horizontal ? (
              <>
                <XAxis
                  type="number"
                  allowDecimals={false}
                  tickFormatter={format}
                  tick={{ fill: INK, fontSize: 13 }}
                />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={260}
                  tick={{ fill: INK, fontSize: 13 }}
                  interval={0}
                />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fill: INK, fontSize: 14 }} interval={0} />
                <YAxis
                  allowDecimals={false}
                  tickFormatter={format}
                  width={72}
                  tick={{ fill: INK, fontSize: 13 }}
                />
              </>
            )}
            <Tooltip formatter={(v) => [format(Number(v)), valueName]} />
            <Bar dataKey="value" name={valueName} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.key} fill={d.color ?? '#0066cc'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="form-text">{caption}</figcaption>
    </figure>
  );
}
