import { useState, type FormEvent } from 'react';
import type { OrientationNoteList } from '../../../../shared/src/catalog/catalog.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { TextAreaField } from '../../ui/fields';
import { addOrientationNote, orientationNotesPath } from './api';

/** The orientation given to a person at the desk: the notes left so far and a new one. */
export function OrientationNotes({
  personId,
  accessPointId,
}: {
  personId: string;
  accessPointId: string | null;
}) {
  const { t: all, locale } = useI18n();
  const t = all.catalog.desk;
  const notes = useApi<OrientationNoteList>(orientationNotesPath(personId));
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useAction(addOrientationNote);
  const errors = fieldErrorsOf(save.error, all);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await save.run(personId, { note, ...(accessPointId ? { accessPointId } : {}) });
    if (result.ok) {
      setNote('');
      setSaved(true);
      notes.reload();
    }
  };
  return (
    <section aria-labelledby="desk-orientation" className="mb-4">
      <h2 id="desk-orientation" className="h3">
        {t.orientation}
      </h2>
      <ApiErrorAlert error={notes.error} />
      {notes.data?.items.length === 0 && <p>{t.noNotes}</p>}
      <ul className="list-unstyled">
        {notes.data?.items.map((n) => (
          <li key={n.id} className="py-2 border-bottom">
            <p className="mb-1">{n.note}</p>
            <p className="small mb-0">
              {t.noteBy(n.authorName, formatDateTime(n.createdAt, locale), n.accessPointName)}
            </p>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          id="desk-note"
          label={t.note}
          hint={t.noteHint}
          value={note}
          onChange={setNote}
          error={errors.note}
          rows={3}
          maxLength={2000}
        />
        {saved && <SuccessAlert>{t.noteSaved}</SuccessAlert>}
        <ApiErrorAlert error={errors.note ? null : save.error} />
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          {t.saveNote}
        </button>
      </form>
    </section>
  );
}
