import { useState, type FormEvent } from 'react';
import {
  NARRATIVE_SECTIONS,
  type Narrative,
  type SocialReport,
} from '../../../../shared/src/reports/social-report.schemas';
import { api } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { TextAreaField } from '../../ui/fields';
import { reportPath } from './api';

/** The narrative sections of a draft, saved together. */
export function NarrativeEditor({
  report,
  onSaved,
}: {
  report: SocialReport;
  onSaved: (r: SocialReport) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Narrative>(report.narrative);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await api.put<SocialReport>(`${reportPath(report.id)}/narrative`, { narrative: draft }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="narrative-title" className="mb-5">
      <h2 id="narrative-title" className="h4">
        {t.reports.narrativeTitle}
      </h2>
      <p>{t.reports.narrativeLead}</p>
      {NARRATIVE_SECTIONS.map((key) => (
        <TextAreaField
          key={key}
          id={`narrative-${key}-text`}
          label={t.reports.sections[key]}
          rows={4}
          maxLength={20_000}
          value={draft[key] ?? ''}
          onChange={(value) => setDraft((d) => ({ ...d, [key]: value }))}
        />
      ))}
      <ApiErrorAlert error={error} />
      {saved && <SuccessAlert>{t.reports.narrativeSaved}</SuccessAlert>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t.reports.saveNarrative}
      </button>
    </form>
  );
}
