import { Link } from 'react-router';
import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { formatDate, formatDateTime } from '../../i18n/format';
import { DASHBOARD_FILTER_KEYS, dashboardPath, filterSearch } from '../../features/dashboard/api';
import { BucketSection } from '../../features/dashboard/BucketSection';
import { BucketTable } from '../../features/dashboard/BucketTable';
import { countersOf } from '../../features/dashboard/counters';
import { comuniOnMap, OpenRequestsMap, OpenRequestsTable } from '../../features/dashboard/OpenRequestsMap';
import { TrendChart } from '../../features/dashboard/TrendChart';
import { useBriefingTasks } from '../../features/dashboard/useBriefingTasks';
import { useBuckets } from '../../features/dashboard/useBuckets';
import { useOrganizationOptions } from '../../features/organizations/useOrganizationOptions';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { personName } from '../../features/people/PeopleTable';
import { useCan } from '../../features/session/SessionProvider';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { useUrlFilter } from '../../ui/useUrlFilter';
import '../../features/dashboard/dashboard.css';

/**
 * The daily briefing, made to be printed on A4: counters, the month's trend, charts and tables by
 * type, urgency and comune, open requests on the map, unassigned and overdue tasks (with the
 * beneficiaries' names only for the roles that read the task lists).
 */
export function BriefingPage() {
  const { t, locale } = useI18n();
  const canReadTasks = useCan('task.read');
  const territory = useTerritory();
  const organizations = useOrganizationOptions();
  const interventions = useInterventionTypes();
  const { filter } = useUrlFilter(DASHBOARD_FILTER_KEYS, { giorno: todayIso() });
  const { data, error, loading } = useApi<Dashboard>(dashboardPath(filter));
  const buckets = useBuckets(data);
  const tasks = useBriefingTasks(filter, territory.comuni, canReadTasks);
  const date = formatDate(filter.giorno, locale);
  const filters = [
    territory.ambiti.find((a) => a.id === filter.ambito)?.name,
    territory.comuni.find((c) => c.istatCode === filter.comune)?.name,
    organizations.find((o) => o.value === filter.organizzazione)?.label,
  ].filter(Boolean);

  const taskColumns = (withDate: boolean) => [
    ...(withDate
      ? [{ key: 'date', header: t.tasks.date, render: (task: Task) => formatDate(task.dueDate, locale) }]
      : []),
    {
      key: 'what',
      header: t.tasks.what,
      render: (task: Task) => interventions.nameOf(task.interventionTypeId, task.interventionTypeName),
    },
    {
      key: 'where',
      header: t.tasks.where,
      render: (task: Task) => [task.address, task.comuneName].filter(Boolean).join(', '),
    },
    { key: 'who', header: t.tasks.who, render: (task: Task) => personName(task.beneficiary) },
    {
      key: 'organization',
      header: t.tasks.organization,
      render: (task: Task) => task.organizationName ?? t.common.none,
    },
    { key: 'status', header: t.tasks.status, render: (task: Task) => t.tasks.statuses[task.status] },
  ];

  return (
    <Page
      title={t.dashboard.briefingTitle(date)}
      lead={t.dashboard.briefingLead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.dashboard.title, to: `/cabina-di-regia${filterSearch(filter)}` },
      ]}
      actions={
        <div className="d-flex flex-wrap gap-2 no-print">
          <button type="button" className="btn btn-primary" onClick={() => window.print()}>
            {t.dashboard.print}
          </button>
          <Link className="btn btn-outline-primary" to={`/cabina-di-regia${filterSearch(filter)}`}>
            {t.dashboard.backToDashboard}
          </Link>
        </div>
      }
    >
      <div className="briefing">
        <p>
          {t.dashboard.filtersLine(filters.length > 0 ? filters.join(', ') : t.dashboard.noFilters)} ·{' '}
          {t.dashboard.printedAt(formatDateTime(new Date().toISOString(), locale))}
        </p>
        <ApiErrorAlert error={error ?? tasks.error} />
        {loading && !data && <Loading />}
        {data && (
          <>
            <section aria-labelledby="briefing-counters">
              <h2 id="briefing-counters" className="h4">
                {t.dashboard.countersTitle}
              </h2>
              <DataTable
                caption={t.dashboard.countersCaption}
                rows={countersOf(data, t, locale)}
                rowKey={(c) => c.key}
                empty={t.dashboard.noData}
                columns={[
                  { key: 'label', header: t.dashboard.measure, render: (c) => c.label },
                  {
                    key: 'value',
                    header: t.dashboard.value,
                    numeric: true,
                    render: (c) => <strong>{c.value}</strong>,
                  },
                ]}
              />
            </section>
            <section aria-labelledby="briefing-trend">
              <h2 id="briefing-trend" className="h4">
                {t.dashboard.trendTitle}
              </h2>
              <TrendChart trend={data.trend} />
            </section>
            <BucketSection kind="type" rows={buckets.byType} />
            <BucketSection kind="urgency" rows={buckets.byUrgency} />
            <section aria-labelledby="briefing-comuni">
              <h2 id="briefing-comuni" className="h4">
                {t.dashboard.byComuneTitle}
              </h2>
              <BucketTable
                rows={buckets.byComune}
                caption={t.dashboard.byComuneTitle}
                header={t.dashboard.comuneColumn}
                countHeader={t.dashboard.count}
              />
            </section>
            <section aria-labelledby="briefing-open">
              <h2 id="briefing-open" className="h4">
                {t.dashboard.openMapTitle}
              </h2>
              <OpenRequestsMap open={data.openByComune} comuni={comuniOnMap(territory.comuni, filter)} />
              <OpenRequestsTable open={data.openByComune} />
            </section>
            <section aria-labelledby="briefing-unassigned">
              <h2 id="briefing-unassigned" className="h4">
                {t.dashboard.unassignedTitle} ({data.unassignedToday})
              </h2>
              {canReadTasks ? (
                <DataTable
                  caption={t.dashboard.unassignedCaption}
                  rows={tasks.unassigned}
                  rowKey={(task) => task.id}
                  empty={t.dashboard.noTasks}
                  columns={taskColumns(false)}
                />
              ) : (
                <p>{t.dashboard.tasksHidden}</p>
              )}
            </section>
            <section aria-labelledby="briefing-overdue">
              <h2 id="briefing-overdue" className="h4">
                {t.dashboard.overdueTitle} ({data.overdue})
              </h2>
              {canReadTasks ? (
                <DataTable
                  caption={t.dashboard.overdueCaption}
                  rows={tasks.overdue}
                  rowKey={(task) => task.id}
                  empty={t.dashboard.noTasks}
                  columns={taskColumns(true)}
                />
              ) : (
                <p>{t.dashboard.tasksHidden}</p>
              )}
            </section>
          </>
        )}
      </div>
    </Page>
  );
}
