import { useState, type FormEvent } from 'react';
import { ENTRY_KINDS, type Timeline } from '../../../../shared/src/cases/cases.schemas';
import { withQuery } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { Loading } from '../../ui/Loading';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { addEntry, timelinePath } from './api';

type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * The story of the person across Legami, most recent first: the case's own entries (never edited;
 * a correction is a new entry pointing at the old one), help requests, tasks and catalogue orders.
 */
export function TimelinePanel({
  caseId,
  canAdd,
  generation,
}: {
  caseId: string;
  canAdd: boolean;
  /** Counts the changes made on the page: the story is loaded again after each. */
  generation: number;
}) {
  const { t, locale } = useI18n();
  const tl = t.cases.timeline;
  const timeline = useApi<Timeline>(withQuery(timelinePath(caseId), { after: generation || undefined }));
  const [kind, setKind] = useState<EntryKind>('note');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [corrects, setCorrects] = useState('');
  const [added, setAdded] = useState(false);
  const add = useAction(() =>
    addEntry(caseId, {
      kind,
      summary,
      body: body || undefined,
      correctsEntryId: kind === 'correction' && corrects ? corrects : undefined,
    }),
  );
  const fieldErrors = fieldErrorsOf(add.error, t);
  const items = [...(timeline.data?.items ?? [])].reverse();
  const correctable = items.filter((i) => i.source === 'case' && (i.kind === 'note' || i.kind === 'contact'));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const r = await add.run();
    if (r.ok) {
      setAdded(true);
      setSummary('');
      setBody('');
      setCorrects('');
      timeline.reload();
    }
  };

  return (
    <>
      <ApiErrorAlert error={timeline.error} />
      {timeline.loading && !timeline.data && <Loading />}
      {timeline.data &&
        (items.length === 0 ? (
          <p className="text-muted">{tl.empty}</p>
        ) : (
          <ol className="list-unstyled case-timeline" aria-label={tl.caption}>
            {items.map((item) => (
              <li key={`${item.source}-${item.id}`} className="border-start border-3 ps-3 pb-3">
                <div className="d-flex flex-wrap gap-2 align-items-center">
                  <Badge tone={item.kind === 'break_glass' ? 'danger' : 'neutral'}>
                    {tl.kinds[item.kind] ?? item.kind}
                  </Badge>
                  <span className="text-muted small">
                    {formatDateTime(item.at, locale)}
                    {item.author ? ` · ${item.author}` : ''}
                  </span>
                </div>
                <p className="mb-1 fw-semibold">{item.summary}</p>
                {item.body && <p className="mb-1 case-timeline-body">{item.body}</p>}
                {item.correctedBy && <p className="mb-0 small text-muted">{tl.correctedBy}</p>}
                {item.correctsEntryId && <p className="mb-0 small text-muted">{tl.corrects}</p>}
              </li>
            ))}
          </ol>
        ))}
      {canAdd && (
        <form onSubmit={onSubmit} noValidate className="row mt-3" aria-labelledby="timeline-add">
          <h3 id="timeline-add" className="h5 col-12">
            {tl.add}
          </h3>
          {added && (
            <div className="col-12">
              <SuccessAlert>{tl.added}</SuccessAlert>
            </div>
          )}
          <SelectField
            id="entry-kind"
            className="col-12 col-md-4"
            label={tl.kind}
            value={kind}
            onChange={(v) => setKind(v as EntryKind)}
            options={ENTRY_KINDS.map((k) => ({ value: k, label: tl.entryKinds[k] }))}
            required
          />
          <TextField
            id="entry-summary"
            className="col-12 col-md-8"
            label={tl.summary}
            value={summary}
            onChange={setSummary}
            required
            maxLength={300}
            error={fieldErrors.summary}
          />
          {kind === 'correction' && (
            <SelectField
              id="entry-corrects"
              className="col-12"
              label={tl.corrected}
              value={corrects}
              onChange={setCorrects}
              options={correctable.map((i) => ({ value: i.id, label: i.summary }))}
              placeholder={t.common.choose}
              error={fieldErrors.correctsEntryId}
            />
          )}
          <TextAreaField
            id="entry-body"
            className="col-12"
            label={tl.body}
            value={body}
            onChange={setBody}
            error={fieldErrors.body}
          />
          <div className="col-12">
            {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={add.error} />}
            <button type="submit" className="btn btn-primary" disabled={add.pending}>
              {tl.submit}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
