import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { BarChartFigure, type BarDatum } from '../../ui/BarChartFigure';
import { BucketTable } from './BucketTable';

/**
 * The requests by type or by urgency, as a chart and its table: the steering room and the printed
 * briefing show the same two. `wrapTable` lets a phone fold the table away under the chart.
 */
export function BucketSection({
  kind,
  rows,
  className,
  wrapTable = (table) => table,
}: {
  kind: 'type' | 'urgency';
  rows: BarDatum[];
  className?: string;
  wrapTable?: (table: ReactNode) => ReactNode;
}) {
  const { t } = useI18n();
  const byType = kind === 'type';
  const title = byType ? t.dashboard.byTypeTitle : t.dashboard.byUrgencyTitle;
  const titleId = `requests-by-${kind}-title`;
  return (
    <section aria-labelledby={titleId} className={className}>
      <h2 id={titleId} className="h4">
        {title}
      </h2>
      <BarChartFigure
        data={rows}
        valueName={t.dashboard.requests}
        caption={byType ? t.dashboard.byTypeCaption : t.dashboard.byUrgencyCaption}
        height={byType ? Math.max(200, rows.length * 52) : 210}
        horizontal={byType}
      />
      {wrapTable(
        <BucketTable
          rows={rows}
          caption={title}
          header={byType ? t.dashboard.type : t.dashboard.urgency}
          countHeader={t.dashboard.count}
        />,
      )}
    </section>
  );
}
