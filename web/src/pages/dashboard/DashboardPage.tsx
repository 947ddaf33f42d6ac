import type { ReactNode } from 'react';
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
import { BucketSection } from '../../features/dashboard/BucketSection';
import { BucketTable } from '../../features/dashboard/BucketTable';
import { CounterCards } from '../../features/dashboard/CounterCards';
import { DashboardFilters } from '../../features/dashboard/DashboardFilters';
import { comuniOnMap, OpenRequestsMap, OpenRequestsTable } from '../../features/dashboard/OpenRequestsMap';
import { PhoneCollapsed } from '../../features/dashboard/PhoneCollapsed';
import { TrendChart } from '../../features/dashboard/TrendChart';
import { useBuckets } from '../../features/dashboard/useBuckets';
import { useOrganizationOptions } from '../../features/organizations/useOrganizationOptions';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { usePhone } from '../../ui/useMediaQuery';
import { useUrlFilter } from '../../ui/useUrlFilter';

/**
 * The steering room: the day's counters, the month's trend, requests by type, urgency and comune,
 * open requests on the map. On a phone the figures come first, the filters after them (collapsed),
 * and the tables beside the charts are opened on demand.
 */
export function DashboardPage() {
  const t = useT();
  const { locale } = useI18n();
  const territory = useTerritory();
  const organizations = useOrganizationOptions();
  const { filter, apply, key } = useUrlFilter(DASHBOARD_FILTER_KEYS, { giorno: todayIso() });
  const { data, error, loading } = useApi<Dashboard>(dashboardPath(filter));
  const buckets = useBuckets(data);
  const phone = usePhone();
  const filters = (
    <DashboardFilters
      key={key}
      value={filter}
      onApply={apply}
      ambiti={territory.ambiti}
      comuni={territory.comuni}
      organizations={organizations}
    />
  );
  const table = (content: ReactNode) => (
    <PhoneCollapsed phone={phone} summary={t.dashboard.trendTable}>
      {content}
    </PhoneCollapsed>
  );

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
      {!phone && filters}
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
            <BucketSection kind="type" rows={buckets.byType} className="col-12 col-xl-7" wrapTable={table} />
            <BucketSection
              kind="urgency"
              rows={buckets.byUrgency}
              className="col-12 col-xl-5"
              wrapTable={table}
            />
          </div>
          <div className="row g-4 g-lg-5">
            <section aria-labelledby="open-map-title" className="col-12 col-xl-7">
              <h2 id="open-map-title" className="h4">
                {t.dashboard.openMapTitle}
              </h2>
              <OpenRequestsMap open={data.openByComune} comuni={comuniOnMap(territory.comuni, filter)} />
              {table(<OpenRequestsTable open={data.openByComune} />)}
            </section>
            <section aria-labelledby="by-comune-title" className="col-12 col-xl-5">
              <h2 id="by-comune-title" className="h4">
                {t.dashboard.byComuneTitle}
              </h2>
              {table(
                <BucketTable
                  rows={buckets.byComune}
                  caption={t.dashboard.byComuneTitle}
                  header={t.dashboard.comuneColumn}
                  countHeader={t.dashboard.count}
                />,
              )}
            </section>
          </div>
        </div>
      )}
      {phone && (
        <PhoneCollapsed phone summary={t.dashboard.filters}>
          {filters}
        </PhoneCollapsed>
      )}
    </Page>
  );
}
