import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import type { BarDatum } from '../../ui/BarChartFigure';

/** The figures of a chart as a table: what, how many. */
export function BucketTable({
  rows,
  caption,
  header,
  countHeader,
}: {
  rows: BarDatum[];
  caption: string;
  header: string;
  countHeader: string;
}) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.key}
      empty={t.dashboard.noData}
      columns={[
        { key: 'label', header, render: (r) => r.label },
        { key: 'count', header: countHeader, numeric: true, render: (r) => formatNumber(r.value, locale) },
      ]}
    />
  );
}
