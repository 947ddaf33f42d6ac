import { useState } from 'react';
import { useParams } from 'react-router';
import type { SocialReport } from '../../../../shared/src/reports/social-report.schemas';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { publicReportPage, reportPath, reportPdfPath } from '../../features/reports/api';
import { NarrativeEditor } from '../../features/reports/NarrativeEditor';
import { ReportView } from '../../features/reports/ReportView';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** One version of a report: its figures, the narrative editor while a draft, publication and PDF. */
export function SocialReportPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error, loading } = useApi<SocialReport>(reportPath(id));
  const [report, setReport] = useState<SocialReport>();
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const shown = report ?? data;
  const publish = async () => {
    setActionError(null);
    try {
      setReport(await api.post<SocialReport>(`${reportPath(id)}/publish`));
    } catch (caught) {
      setActionError(caught);
    } finally {
      setConfirming(false);
    }
  };
  const title = shown
    ? `${t.reports.publicTitle(shown.year, shown.territoryName)} · ${t.reports.version} ${shown.version}`
    : t.reports.title;
  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.reports.title, to: '/rapporto-sociale' },
      ]}
      actions={
        shown?.figures ? (
          <>
            <a className="btn btn-outline-primary" href={reportPdfPath(id)} download>
              {t.reports.downloadPdf}
            </a>
            {shown.status === 'draft' && (
              <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
                {t.reports.publish}
              </button>
            )}
          </>
        ) : undefined
      }
    >
      <ApiErrorAlert error={actionError ?? error} />
      {loading && !shown && <Loading />}
      {shown?.status === 'published' && shown.publishedAt && (
        <div className="alert alert-info" role="status">
          {t.reports.published(formatDateTime(shown.publishedAt, locale))}{' '}
          <a href={publicReportPage(shown.year, shown.territory)}>{t.reports.publicLink}</a>
        </div>
      )}
      {shown?.status === 'draft' && <NarrativeEditor report={shown} onSaved={setReport} />}
      {shown?.figures && <ReportView report={shown} />}
      <Dialog
        open={confirming}
        title={t.reports.publish}
        closeLabel={t.common.cancel}
        onClose={() => setConfirming(false)}
      >
        <p>{t.reports.publishConfirm}</p>
        <div className="d-flex gap-2">
          <button type="button" className="btn btn-primary" onClick={() => void publish()}>
            {t.reports.publish}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
            {t.common.cancel}
          </button>
        </div>
      </Dialog>
    </Page>
  );
}
