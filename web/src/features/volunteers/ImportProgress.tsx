import type { VolunteerImportReport } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useT } from '../../i18n/I18nProvider';
import { DataTable } from '../../ui/DataTable';
import { SuccessAlert } from '../../ui/SuccessAlert';
import './volunteers.css';

/** The progress bar of an import while it runs, then its outcome and the rows it rejected with the reason. */
export function ImportProgress({ report }: { report: VolunteerImportReport }) {
  const t = useT();
  const percent = report.total > 0 ? Math.round((report.processed / report.total) * 100) : 0;
  return (
    <section aria-labelledby="import-progress-title" className="mt-4">
      <h2 id="import-progress-title" className="h4">
        {report.status === 'running' ? t.volunteers.importRunning : t.volunteers.progressLabel}
      </h2>
      <div className="progress import-progress mb-2">
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={t.volunteers.progressLabel}
          aria-valuemin={0}
          aria-valuemax={report.total}
          aria-valuenow={report.processed}
          aria-valuetext={t.volunteers.progress(report.processed, report.total)}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p aria-live="polite">{t.volunteers.progress(report.processed, report.total)}</p>
      {report.status === 'done' && (
        <SuccessAlert>{t.volunteers.importDone(report.created, report.rejected)}</SuccessAlert>
      )}
      {report.status === 'failed' && (
        <div className="alert alert-danger" role="alert">
          {t.volunteers.importFailed(report.failure ?? '')}
        </div>
      )}
      {report.status !== 'running' && (
        <>
          <h3 className="h5">{t.volunteers.rejectedTitle}</h3>
          <DataTable
            caption={t.volunteers.rejectedCaption}
            rows={report.rows.filter((r) => r.status === 'rejected')}
            rowKey={(r) => String(r.row)}
            empty={t.volunteers.noRejected}
            columns={[
              { key: 'row', header: t.volunteers.row, numeric: true, render: (r) => r.row },
              { key: 'reason', header: t.volunteers.rowReason, render: (r) => r.reason ?? t.common.none },
            ]}
          />
        </>
      )}
    </section>
  );
}
