import { Link } from 'react-router';
import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import { useApi } from '../../api/useApi';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { todayIso } from '../../i18n/dates';
import {
  DASHBOARD_FILTER_KEYS,
  dashboardExportPath,
  dashboardPath,
  filterSearch,
} from '../../features/dashboard/api';
import { BucketTable } from '../../features/dashboard/BucketTable';
import { CounterCards } from '../../features/dashboard/CounterCards';
import { DashboardFilters } from '../../features/dashboard/DashboardFilters';
import { OpenRequestsMap } from '../../features/dashboard/OpenRequestsMap';
import { TrendChart } from '../../features/dashboard/TrendChart';
import { useBuckets } from '../../features/dashboard/useBuckets';
import { useOrganizationOptions } from '../../features/organizations/useOrganizationOptions';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { BarChartFigure } from '../../ui/BarChartFigure';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { useUrlFilter } from '../../ui/useUrlFilter';

/** The steering room: the day's counters, the month's trend, requests by type, urgency and comune, open requests on the map. */
export function DashboardPage() {
  const t = useT();
  const { locale } = useI18n();
  const territory = useTerritory();
  const organizations = useOrganizationOptions();
  const { filter, apply, key } = useUrlFilter(DASHBOARD_FILTER_KEYS, { giorno: todayIso() });
  const { data, error, loading } = useApi<Dashboard>(dashboardPath(filter));
  const buckets = useBuckets(data);
  const mapComuni = territory.comuni.filter(
    (c) =>
      (!filter.ambito || c.ambitoId === filter.ambito) && (!filter.comune || c.istatCode === filter.comune),
  );
  const shownComuni = mapComuni.length > 0 ? mapComuni : territory.comuni;

  return (
    <Page
      title={t.dashboard.title}
      lead={t.dashboard.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        <>
          <a className="btn btn-outline-primary" href={dashboardExportPath(filter, 'csv', locale)} download>
            {t.dashboard.exportCsv}
          </a>
          <a className="btn btn-outline-primary" href={dashboardExportPath(filter, 'xlsx', locale)} download>
            {t.dashboard.exportXlsx}
          </a>
          <Link className="btn btn-primary" to={`/cabina-di-regia/briefing${filterSearch(filter)}`}>
            {t.dashboard.printBriefing}
          </Link>
        </>
      }
    >
      <DashboardFilters
        key={key}
        value={filter}
        onApply={apply}
        ambiti={territory.ambiti}
        comuni={territory.comuni}
        organizations={organizations}
      />
      <ApiErrorAlert error={error ?? territory.error} />
      {loading && !data && <Loading />}
      {data && (
        <div aria-busy={loading}>
          <section aria-labelledby="counters-title" className="mb-5">
            <h2 id="counters-title" className="h4">
              {data.period === 'week' ? t.dashboard.countersTitleWeek : t.dashboard.countersTitle}
            </h2>
            {data.period === 'week' && (
              <p>{t.dashboard.weekRange(formatDate(data.from, locale), formatDate(data.date, locale))}</p>
            )}
            <CounterCards dashboard={data} />
          </section>
          <section aria-labelledby="trend-title" className="mb-5">
            <h2 id="trend-title" className="h4">
              {t.dashboard.trendTitle}
            </h2>
            <TrendChart trend={data.trend} />
          </section>
          <div className="row g-4 g-lg-5 mb-5">
            <section aria-labelledby="by-type-title" className="col-12 col-xl-7">
              <h2 id="by-type-title" className="h4">
                {t.dashboard.byTypeTitle}
              </h2>
              <BarChartFigure
                data={buckets.byType}
                valueName={t.dashboard.requests}
                caption={t.dashboard.byTypeCaption}
                height={Math.max(200, buckets.byType.length * 56)}
                horizontal
              />
              <BucketTable
                rows={buckets.byType}
                caption={t.dashboard.byTypeTitle}
                header={t.dashboard.type}
                countHeader={t.dashboard.count}
              />
            </section>
            <section aria-labelledby="by-urgency-title" className="col-12 col-xl-5">
              <h2 id="by-urgency-title" className="h4">
                {t.dashboard.byUrgencyTitle}
              </h2>
              <BarChartFigure
                data={buckets.byUrgency}
                valueName={t.dashboard.requests}
                caption={t.dashboard.byUrgencyCaption}
                height={220}
              />
              <BucketTable
                rows={buckets.byUrgency}
                caption={t.dashboard.byUrgencyTitle}
                header={t.dashboard.urgency}
                countHeader={t.dashboard.count}
              />
            </section>
          </div>
          <div className="row g-4 g-lg-5">
            <section aria-labelledby="open-map-title" className="col-12 col-xl-7">
              <h2 id="open-map-title" className="h4">
                {t.dashboard.openMapTitle}
              </h2>
              <OpenRequestsMap open={data.openByComune} comuni={shownComuni} />
              <DataTable
                caption={t.dashboard.openTableCaption}
                rows={data.openByComune}
                rowKey={(o) => o.comuneCode}
                empty={t.dashboard.noData}
                columns={[
                  { key: 'name', header: t.dashboard.comuneColumn, render: (o) => o.name },
                  { key: 'open', header: t.dashboard.open, numeric: true, render: (o) => o.open },
                ]}
              />
            </section>
            <section aria-labelledby="by-comune-title" className="col-12 col-xl-5">
              <h2 id="by-comune-title" className="h4">
                {t.dashboard.byComuneTitle}
              </h2>
              <BucketTable
                rows={buckets.byComune}
                caption={t.dashboard.byComuneTitle}
                header={t.dashboard.comuneColumn}
                countHeader={t.dashboard.count}
              />
            </section>
          </div>
        </div>
      )}
    </Page>
  );
}
