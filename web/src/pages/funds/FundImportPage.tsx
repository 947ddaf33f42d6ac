import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { FundImportReport, ProgressReport } from '../../../../shared/src/funds/funds.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fundImportPath, reportUrl, startFundImport } from '../../features/funds/api';
import { ImportProgress } from '../../features/imports/ImportProgress';
import { importContentType, useImportReport } from '../../features/imports/useImportReport';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** Upload of a project's budget lines and expenses (CSV or Excel), its progress and the per-row report. */
export function FundImportPage() {
  const { t } = useI18n();
  const f = t.funds.imports;
  const { id = '' } = useParams();
  const project = useApi<ProgressReport>(reportUrl(id));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [importId, setImportId] = useState<string | null>(null);
  const { report, error: reportError } = useImportReport<FundImportReport>(
    importId ? fundImportPath(importId) : null,
  );
  const upload = useAction((chosen: File, contentType: string) => startFundImport(id, chosen, contentType));
  const title = project.data?.project.title ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const contentType = file ? importContentType(file.name) : null;
    setFileError(!file ? f.fileRequired : !contentType ? f.fileType : undefined);
    if (!file || !contentType) {
      document.getElementById('fund-import-file')?.focus();
      return;
    }
    const result = await upload.run(file, contentType);
    if (result.ok) setImportId(result.value.importId);
  };

  return (
    <Page
      title={f.title(title)}
      lead={f.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
        { label: t.funds.report.title(title), to: `/fondi/progetti/${id}` },
      ]}
    >
      <ApiErrorAlert error={project.error} />
      <section aria-labelledby="fund-import-format" className="mb-4">
        <h2 id="fund-import-format" className="h5">
          {f.formatTitle}
        </h2>
        <ul>
          {f.format.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      {importId === null ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ApiErrorAlert error={upload.error} />
          <div className="form-group">
            <label htmlFor="fund-import-file" className="active">
              {f.file}
            </label>
            <input
              id="fund-import-file"
              type="file"
              className="form-control"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? fieldErrorId('fund-import-file') : undefined}
            />
            <FieldError id={fieldErrorId('fund-import-file')} message={fileError} />
          </div>
          <button type="submit" className="btn btn-primary btn-lg" disabled={upload.pending}>
            {upload.pending ? f.uploading : f.upload}
          </button>
        </form>
      ) : (
        <>
          <ApiErrorAlert error={reportError} />
          {report ? (
            <ImportProgress
              report={report}
              labels={{
                importRunning: f.running,
                importDone: f.done(report.created, report.rejected),
                importFailed: f.failed,
              }}
            />
          ) : (
            <Loading />
          )}
          {report && report.status !== 'running' && (
            <div className="d-flex flex-wrap gap-2 mt-3">
              <button
                type="button"
                className="btn btn-outline-primary"
                onClick={() => {
                  setImportId(null);
                  setFile(null);
                }}
              >
                {f.another}
              </button>
              <Link className="btn btn-primary" to={`/fondi/progetti/${id}`}>
                {f.backToReport}
              </Link>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
