import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';

const INK = '#1a1a1a';

/** Requests received and tasks done over 30 days: two lines told apart by colour and by dash. */
export function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const { t, locale } = useI18n();
  const data = trend.map((d) => ({ ...d, label: formatDate(d.date, locale).slice(0, 5) }));
  return (
    <figure className="mb-0">
      <div aria-hidden="true" style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="label"
              tick={{ fill: INK, fontSize: 12 }}
              interval="preserveStartEnd"
              minTickGap={16}
            />
            <YAxis allowDecimals={false} width={40} tick={{ fill: INK, fontSize: 13 }} />
            <Tooltip />
            <Legend wrapperStyle={{ color: INK }} />
            <Line
              type="monotone"
              dataKey="requests"
              name={t.dashboard.requests}
              stroke="#0066cc"
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="done"
              name={t.dashboard.done}
              stroke="#008055"
              strokeWidth={2.5}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="form-text">{t.dashboard.trendCaption}</figcaption>
      <details className="mt-2">
        <summary className="fw-semibold">{t.dashboard.trendTable}</summary>
        <DataTable
          caption={t.dashboard.trendTableCaption}
          rows={trend}
          rowKey={(d) => d.date}
          empty={t.dashboard.noData}
          columns={[
            { key: 'date', header: t.dashboard.day, render: (d) => formatDate(d.date, locale) },
            { key: 'requests', header: t.dashboard.requests, numeric: true, render: (d) => d.requests },
            { key: 'done', header: t.dashboard.done, numeric: true, render: (d) => d.done },
          ]}
        />
      </details>
    </figure>
  );
}
