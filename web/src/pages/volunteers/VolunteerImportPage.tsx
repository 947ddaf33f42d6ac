import { useState, type FormEvent } from 'react';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import type { VolunteerImportReport } from '../../../../shared/src/volunteers/volunteers.schemas';
import { importReportPath, startImport } from '../../features/volunteers/api';
import { ImportProgress } from '../../features/imports/ImportProgress';
import { useOrganizationOptions } from '../../features/organizations/useOrganizationOptions';
import { importContentType, useImportReport } from '../../features/imports/useImportReport';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** Upload of an association's volunteer list (CSV or Excel), its progress and the per-row report. */
export function VolunteerImportPage() {
  const t = useT();
  const affiliations = useOrganizationOptions();
  const [organization, setOrganization] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [importId, setImportId] = useState<string | null>(null);
  const { report, error: reportError } = useImportReport<VolunteerImportReport>(
    importId ? importReportPath(importId) : null,
  );
  const upload = useAction((chosen: File, contentType: string, organizationId: string) =>
    startImport(chosen, contentType, organizationId),
  );
  const chosenOrganization = organization || affiliations[0]?.value || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const contentType = file ? importContentType(file.name) : null;
    const problem = !file ? t.volunteers.fileRequired : !contentType ? t.volunteers.fileType : undefined;
    setFileError(problem);
    if (!file || !contentType) {
      document.getElementById('import-file')?.focus();
      return;
    }
    const result = await upload.run(file, contentType, chosenOrganization);
    if (result.ok) setImportId(result.value.importId);
  };

  return (
    <Page
      title={t.volunteers.importTitle}
      lead={t.volunteers.importLead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.volunteers.title, to: '/volontari' },
      ]}
    >
      <section aria-labelledby="import-format" className="mb-4">
        <h2 id="import-format" className="h5">
          {t.volunteers.importFormatTitle}
        </h2>
        <ul>
          {t.volunteers.importFormat.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      {importId === null ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ApiErrorAlert error={upload.error} />
          <div className="row">
            <SelectField
              id="import-organization"
              className="col-12 col-md-6"
              label={t.volunteers.organization}
              value={chosenOrganization}
              onChange={setOrganization}
              options={affiliations}
              required
            />
            <div className="col-12 col-md-6 form-group">
              <label htmlFor="import-file" className="active">
                {t.volunteers.file}
              </label>
              <input
                id="import-file"
                type="file"
                className="form-control"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? fieldErrorId('import-file') : undefined}
              />
              <FieldError id={fieldErrorId('import-file')} message={fileError} />
            </div>
          </div>
          <p className="form-text">{t.volunteers.importConsent}</p>
          <button type="submit" className="btn btn-primary btn-lg" disabled={upload.pending}>
            {upload.pending ? t.volunteers.uploading : t.volunteers.upload}
          </button>
        </form>
      ) : (
        <>
          <ApiErrorAlert error={reportError} />
          {report ? (
            <ImportProgress
              report={report}
              labels={{
                importRunning: t.volunteers.importRunning,
                importDone: t.volunteers.importDone(report.created, report.rejected),
                importFailed: t.volunteers.importFailed,
              }}
            />
          ) : (
            <Loading />
          )}
          {report && report.status !== 'running' && (
            <button
              type="button"
              className="btn btn-outline-primary mt-3"
              onClick={() => {
                setImportId(null);
                setFile(null);
              }}
            >
              {t.volunteers.importAnother}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
