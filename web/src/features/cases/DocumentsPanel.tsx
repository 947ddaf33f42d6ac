import { useRef, useState, type FormEvent } from 'react';
import type { DocumentMeta } from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { TextField } from '../../ui/fields';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { documentUrl, uploadDocument } from './api';

/**
 * A case's documents and the upload form. The server recognises the type by the content (PDF, PNG,
 * JPEG) and refuses anything else or over 5 MB; its message is shown next to the file field.
 */
export function DocumentsPanel({
  caseId,
  documents,
  canUpload,
  onChanged,
}: {
  caseId: string;
  documents: DocumentMeta[];
  canUpload: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const d = t.cases.documents;
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [done, setDone] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useAction((f: File) => uploadDocument(caseId, title, f));
  const fieldErrors = fieldErrorsOf(upload.error, t);
  const fileError = fileMissing ? d.fileMissing : fieldErrors.file;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!file) {
      setFileMissing(true);
      fileRef.current?.focus();
      return;
    }
    setFileMissing(false);
    const r = await upload.run(file);
    if (r.ok) {
      setDone(true);
      setTitle('');
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onChanged();
    } else fileRef.current?.focus();
  };

  return (
    <>
      <DataTable
        caption={t.cases.page.documents}
        rows={documents}
        rowKey={(x) => x.id}
        empty={d.none}
        columns={[
          {
            key: 'title',
            header: d.title,
            render: (x) => (
              <a href={documentUrl(caseId, x.id)} download aria-label={d.download(x.title)}>
                {x.title}
              </a>
            ),
          },
          {
            key: 'size',
            header: d.size,
            numeric: true,
            render: (x) => `${formatNumber(Math.ceil(x.sizeBytes / 1024), locale)} KB`,
          },
          { key: 'by', header: d.uploadedBy, render: (x) => x.uploadedBy?.name ?? t.common.none },
          { key: 'at', header: d.at, render: (x) => formatDateTime(x.createdAt, locale) },
        ]}
      />
      {canUpload && (
        <form onSubmit={onSubmit} noValidate className="row mt-3" aria-labelledby="document-upload">
          <h3 id="document-upload" className="h5 col-12">
            {d.upload}
          </h3>
          {done && (
            <div className="col-12">
              <SuccessAlert>{d.uploaded}</SuccessAlert>
            </div>
          )}
          <TextField
            id="document-title"
            className="col-12 col-md-6"
            label={d.title}
            value={title}
            onChange={setTitle}
            required
            maxLength={200}
            error={fieldErrors.title}
          />
          <div className="form-group col-12 col-md-6">
            <label htmlFor="document-file" className="active">
              {d.file} <span className="text-muted fw-normal">({t.common.required})</span>
            </label>
            <input
              ref={fileRef}
              id="document-file"
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              className={`form-control${fileError ? ' is-invalid' : ''}`}
              aria-required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? fieldErrorId('document-file') : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <FieldError id={fieldErrorId('document-file')} message={fileError} />
          </div>
          <div className="col-12">
            {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={upload.error} />}
            <button type="submit" className="btn btn-primary" disabled={upload.pending}>
              {d.submit}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
