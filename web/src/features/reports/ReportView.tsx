import {
  NARRATIVE_SECTIONS,
  type ReportFigures,
  type ReportTable,
  type SocialReport,
} from '../../../../shared/src/reports/social-report.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { BarChartFigure } from '../../ui/BarChartFigure';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { useTerritory } from '../territory/useTerritory';
import { ratesOf, ReportChoropleth } from './ReportChoropleth';

/**
 * A report as an accessible page: the narrative, the key figures, each table with its chart and
 * its figures by area, the choropleth, trends, catalogue, funds and support. Every chart has its
 * table; a withheld figure reads "c".
 */
export function ReportView({ report }: { report: SocialReport }) {
  const { t, locale } = useI18n();
  const territory = useTerritory();
  const figures = report.figures!;
  const n = (v: number | null) => (v === null ? t.reports.suppressed : formatNumber(v, locale));
  const euro = (v: number | null) => (v === null ? t.reports.suppressed : formatCents(v, locale));
  const total = (id: string) => figures.tables.find((x) => x.id === id)?.total ?? null;
  return (
    <div className="social-report">
      <p className="lead">{t.reports.suppressedNote}</p>
      {NARRATIVE_SECTIONS.filter((key) => report.narrative[key]).map((key) => (
        <section key={key} aria-labelledby={`narrative-${key}`} className="mb-4">
          <h2 id={`narrative-${key}`} className="h4">
            {t.reports.sections[key]}
          </h2>
          {report.narrative[key]!.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
      <section aria-labelledby="key-figures" className="mb-5">
        <h2 id="key-figures" className="h4">
          {t.reports.keyFigures}
        </h2>
        <DetailList
          items={[
            { term: t.reports.requests, value: n(total('requests-by-type')) },
            { term: t.reports.peopleReached, value: n(total('people-reached-by-sex')) },
            { term: t.reports.completed, value: n(figures.responseTimes.completed) },
            { term: t.reports.medianHours, value: n(figures.responseTimes.medianHours) },
            { term: t.reports.p90Hours, value: n(figures.responseTimes.p90Hours) },
            { term: t.reports.volunteersActive, value: n(figures.volunteers.active) },
            { term: t.reports.volunteerHours, value: n(figures.volunteers.hours) },
            { term: t.reports.tasksDone, value: n(figures.volunteers.tasksDone) },
            { term: t.reports.volunteersRegistered, value: n(figures.volunteers.registered) },
            { term: t.reports.casesOpened, value: n(total('cases-opened-by-area')) },
            { term: t.reports.discharges, value: n(figures.discharges.total) },
            { term: t.reports.parcels, value: n(figures.goods.parcels) },
            { term: t.reports.vouchersIssued, value: n(figures.vouchers.issued) },
            { term: t.reports.vouchersValue, value: euro(figures.vouchers.issuedCents) },
          ]}
        />
      </section>
      <section aria-labelledby="map-title" className="mb-5">
        <h2 id="map-title" className="h4">
          {t.reports.mapTitle}
        </h2>
        <ReportChoropleth figures={figures} comuni={territory.comuni} />
        <RatesTable figures={figures} />
      </section>
      {figures.tables.map((table) => (
        <TableSection key={table.id} table={table} figures={figures} />
      ))}
      <section aria-labelledby="trends-title" className="mb-5">
        <h2 id="trends-title" className="h4">
          {t.reports.trendsTitle}
        </h2>
        <BarChartFigure
          data={figures.trends.map((p) => ({
            key: String(p.year),
            label: String(p.year),
            value: p.requests ?? 0,
          }))}
          valueName={t.reports.requests}
          caption={t.reports.trendsCaption}
        />
        <DataTable
          caption={t.reports.trendsTitle}
          rows={figures.trends}
          rowKey={(p) => String(p.year)}
          empty={t.reports.none}
          columns={[
            { key: 'year', header: t.reports.year, render: (p) => p.year },
            { key: 'requests', header: t.reports.requests, numeric: true, render: (p) => n(p.requests) },
            {
              key: 'people',
              header: t.reports.peopleReached,
              numeric: true,
              render: (p) => n(p.peopleReached),
            },
            {
              key: 'volunteers',
              header: t.reports.volunteersActive,
              numeric: true,
              render: (p) => n(p.volunteersActive),
            },
            {
              key: 'hours',
              header: t.reports.volunteerHours,
              numeric: true,
              render: (p) => n(p.volunteerHours),
            },
            { key: 'cases', header: t.reports.casesOpened, numeric: true, render: (p) => n(p.casesOpened) },
          ]}
        />
      </section>
      <section aria-labelledby="catalog-title" className="mb-5">
        <h2 id="catalog-title" className="h4">
          {t.reports.catalogTitle}
        </h2>
        <DataTable
          caption={t.reports.catalogTitle}
          rows={figures.catalog.bands}
          rowKey={(b) => b.key}
          empty={t.reports.none}
          columns={[
            { key: 'band', header: t.reports.band, render: (b) => b.label },
            { key: 'orders', header: t.reports.orders, numeric: true, render: (b) => n(b.orders) },
            { key: 'spending', header: t.reports.spending, numeric: true, render: (b) => euro(b.totalCents) },
            { key: 'subsidy', header: t.reports.subsidy, numeric: true, render: (b) => euro(b.subsidyCents) },
          ]}
        />
      </section>
      <section aria-labelledby="funds-title" className="mb-5">
        <h2 id="funds-title" className="h4">
          {t.reports.fundsTitle}
        </h2>
        <DataTable
          caption={t.reports.fundsTitle}
          rows={figures.funds}
          rowKey={(f) => f.key}
          empty={t.reports.none}
          columns={[
            { key: 'source', header: t.reports.source, render: (f) => f.label },
            {
              key: 'allocated',
              header: t.reports.allocated,
              numeric: true,
              render: (f) => euro(f.allocatedCents),
            },
            { key: 'spent', header: t.reports.spent, numeric: true, render: (f) => euro(f.spentCents) },
          ]}
        />
      </section>
      <section aria-labelledby="outcomes-title" className="mb-5">
        <h2 id="outcomes-title" className="h4">
          {t.reports.planOutcomesTitle}
        </h2>
        <DataTable
          caption={t.reports.planOutcomesTitle}
          rows={figures.planOutcomes}
          rowKey={(o) => o.key}
          empty={t.reports.none}
          columns={[
            { key: 'outcome', header: t.reports.outcome, render: (o) => o.label },
            { key: 'goals', header: t.reports.goals, numeric: true, render: (o) => n(o.goals) },
          ]}
        />
      </section>
      <section aria-labelledby="support-title" className="mb-5">
        <h2 id="support-title" className="h4">
          {t.reports.supportTitle}
        </h2>
        <DataTable
          caption={t.reports.supportTitle}
          rows={figures.support}
          rowKey={(s) => s.key}
          empty={t.reports.none}
          columns={[
            { key: 'kind', header: t.reports.source, render: (s) => s.label },
            {
              key: 'households',
              header: t.reports.households,
              numeric: true,
              render: (s) => n(s.households),
            },
            { key: 'paid', header: t.reports.paid, numeric: true, render: (s) => euro(s.paidCents) },
          ]}
        />
      </section>
    </div>
  );
}

function RatesTable({ figures }: { figures: ReportFigures }) {
  const { t, locale } = useI18n();
  const rates = ratesOf(figures);
  return (
    <DataTable
      caption={t.reports.mapTitle}
      rows={figures.areas}
      rowKey={(a) => a.code}
      empty={t.reports.none}
      columns={[
        { key: 'area', header: t.reports.area, render: (a) => a.name },
        {
          key: 'rate',
          header: t.reports.perThousand,
          numeric: true,
          render: (a) => {
            const rate = rates.get(a.code) ?? null;
            return rate === null
              ? t.reports.suppressed
              : rate.toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 1 });
          },
        },
      ]}
    />
  );
}

function TableSection({ table, figures }: { table: ReportTable; figures: ReportFigures }) {
  const { t, locale } = useI18n();
  const n = (v: number | null | undefined) =>
    v === null || v === undefined ? t.reports.suppressed : formatNumber(v, locale);
  const id = `table-${table.id}`;
  const rows = figures.areas.map((area, r) => ({ area, r }));
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h4">
        {table.title}
      </h2>
      <BarChartFigure
        data={table.columns.map((c, i) => ({
          key: c.key,
          label: c.label,
          value: table.columnTotals[i] ?? 0,
        }))}
        valueName={table.unit}
        caption={t.reports.chartCaption}
        height={Math.max(200, table.columns.length * 44)}
        horizontal
      />
      <DataTable
        caption={`${table.title} ${t.reports.byArea}`}
        rows={[
          ...rows,
          { area: { code: 'TOTALE', name: t.reports.total, population: 0, comuni: [] }, r: -1 },
        ]}
        rowKey={(row) => row.area.code}
        empty={t.reports.none}
        columns={[
          { key: 'area', header: t.reports.area, render: (row) => row.area.name },
          ...table.columns.map((c, k) => ({
            key: c.key,
            header: c.label,
            numeric: true,
            render: (row: { r: number }) => n(row.r < 0 ? table.columnTotals[k] : table.cells[row.r]![k]),
          })),
          {
            key: 'total',
            header: t.reports.total,
            numeric: true,
            render: (row: { r: number }) => n(row.r < 0 ? table.total : table.rowTotals[row.r]),
          },
        ]}
      />
    </section>
  );
}
