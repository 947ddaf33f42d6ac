import { DataTable } from '../../ui/DataTable';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { useT } from '../../i18n/I18nProvider';
import './imports.css';

/** What every import reports (volunteers, budget lines and expenses). */
export interface ImportReportView {
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  failure: string | null;
  rows: { row: number; status: 'created' | 'rejected'; reason: string | null }[];
}

/** The words of one kind of import: what it says once done. */
export interface ImportLabels {
  importRunning: string;
  importDone: string;
  importFailed: (reason: string) => string;
}

/** The progress bar of an import while it runs, then its outcome and the rows it rejected with the reason. */
export function ImportProgress({ report, labels }: { report: ImportReportView; labels: ImportLabels }) {
  const t = useT();
  const i = t.imports;
  const percent = report.total > 0 ? Math.round((report.processed / report.total) * 100) : 0;
  return (
    <section aria-labelledby="import-progress-title" className="mt-4">
      <h2 id="import-progress-title" className="h4">
        {report.status === 'running' ? labels.importRunning : i.progressLabel}
      </h2>
      <div className="progress import-progress mb-2">
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={i.progressLabel}
          aria-valuemin={0}
          aria-valuemax={report.total}
          aria-valuenow={report.processed}
          aria-valuetext={i.progress(report.processed, report.total)}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p aria-live="polite">{i.progress(report.processed, report.total)}</p>
      {report.status === 'done' && <SuccessAlert>{labels.importDone}</SuccessAlert>}
      {report.status === 'failed' && (
        <div className="alert alert-danger" role="alert">
          {labels.importFailed(report.failure ?? '')}
        </div>
      )}
      {report.status !== 'running' && (
        <>
          <h3 className="h5">{i.rejectedTitle}</h3>
          <DataTable
            caption={i.rejectedCaption}
            rows={report.rows.filter((r) => r.status === 'rejected')}
            rowKey={(r) => String(r.row)}
            empty={i.noRejected}
            columns={[
              { key: 'row', header: i.row, numeric: true, render: (r) => r.row },
              { key: 'reason', header: i.rowReason, render: (r) => r.reason ?? t.common.none },
            ]}
          />
        </>
      )}
    </section>
  );
}
