import { useParams } from 'react-router';
import type { SocialReport } from '../../../../shared/src/reports/social-report.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { publicReportPath, publicReportPdfPath } from '../../features/reports/api';
import { ReportView } from '../../features/reports/ReportView';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** A published report, for anyone: the accessible HTML version, with its PDF. */
export function PublicReportPage() {
  const { t } = useI18n();
  const { year = '', territory = '' } = useParams();
  const { data, error, loading } = useApi<SocialReport>(publicReportPath(Number(year), territory));
  return (
    <Page
      title={data ? t.reports.publicTitle(data.year, data.territoryName) : t.reports.title}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        data ? (
          <a
            className="btn btn-outline-primary"
            href={publicReportPdfPath(data.year, data.territory)}
            download
          >
            {t.reports.downloadPdf}
          </a>
        ) : undefined
      }
    >
      <ApiErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data?.figures && <ReportView report={data} />}
    </Page>
  );
}
