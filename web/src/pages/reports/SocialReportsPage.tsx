import { useState } from 'react';
import { Link } from 'react-router';
import type {
  SocialReportList,
  SocialReportSummary,
} from '../../../../shared/src/reports/social-report.schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { generatePath, PROVINCE_SLUG, reportsPath, territorySlug } from '../../features/reports/api';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/fields';
import { usePolling } from '../../features/reports/usePolling';

/** The report's versions of a territory and year, and the button that generates a new one. */
export function SocialReportsPage() {
  const { t, locale } = useI18n();
  const territory = useTerritory();
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState(String(lastYear));
  const [slug, setSlug] = useState('ambito-cremonese');
  const { data, error, loading, reload } = useApi<SocialReportList>(reportsPath(Number(year), slug));
  const [actionError, setActionError] = useState<unknown>(null);
  const generating = data?.items.some((r) => r.status === 'generating') ?? false;
  usePolling(generating, reload);
  const generate = async () => {
    setActionError(null);
    try {
      await api.post<SocialReportSummary>(generatePath(Number(year), slug));
      reload();
    } catch (caught) {
      setActionError(caught);
    }
  };
  const territories = [
    ...territory.ambiti.map((a) => ({ value: territorySlug(a.name), label: a.name })),
    { value: PROVINCE_SLUG, label: t.reports.province },
  ];
  const years = Array.from({ length: 5 }, (_, i) => String(lastYear + 1 - i));
  const statusOf = (r: SocialReportSummary) =>
    r.status === 'generating'
      ? r.progress
        ? t.reports.generating(r.progress.done, r.progress.of)
        : t.reports.queued
      : t.reports.statuses[r.status];
  return (
    <Page title={t.reports.title} lead={t.reports.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <div className="row align-items-end mb-3">
        <SelectField
          id="report-year"
          className="col-12 col-md-4"
          label={t.reports.year}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <SelectField
          id="report-territory"
          className="col-12 col-md-5"
          label={t.reports.territory}
          value={slug}
          onChange={setSlug}
          options={territories}
        />
        <div className="col-12 col-md-3 mb-4">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void generate()}
            disabled={generating}
          >
            {t.reports.generate}
          </button>
        </div>
      </div>
      <ApiErrorAlert error={actionError ?? error ?? territory.error} />
      <h2 className="h4">{t.reports.versions}</h2>
      {loading && !data && <Loading />}
      {data && (
        <div aria-live="polite">
          <DataTable
            caption={t.reports.versions}
            rows={data.items}
            rowKey={(r) => r.id}
            empty={t.reports.none}
            columns={[
              { key: 'version', header: t.reports.version, render: (r) => r.version },
              { key: 'status', header: t.reports.status, render: statusOf },
              {
                key: 'requested',
                header: t.reports.requestedAt,
                render: (r) => formatDateTime(r.requestedAt, locale),
              },
              {
                key: 'open',
                header: t.reports.open,
                render: (r) =>
                  r.status === 'draft' || r.status === 'published' ? (
                    <Link to={`/rapporto-sociale/${r.id}`}>
                      {t.reports.open} {t.reports.version.toLowerCase()} {r.version}
                    </Link>
                  ) : (
                    (r.error ?? '')
                  ),
              },
            ]}
          />
        </div>
      )}
    </Page>
  );
}
