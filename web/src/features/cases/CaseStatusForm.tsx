import { useState, type FormEvent } from 'react';
import { CASE_STATUSES, type CaseDetail, type CaseStatus } from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextAreaField } from '../../ui/fields';
import { changeCaseStatus } from './api';

/** Suspends, resumes or closes (with the outcome) a case: shown to the responsible worker and the supervisor. */
export function CaseStatusForm({ caseData, onChanged }: { caseData: CaseDetail; onChanged: () => void }) {
  const t = useT();
  const c = t.cases;
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [outcome, setOutcome] = useState('');
  const change = useAction(() =>
    changeCaseStatus(caseData.id, {
      status: status as CaseStatus,
      outcome: status === 'closed' && outcome.trim() ? outcome : undefined,
      version: caseData.version,
    }),
  );
  const fieldErrors = fieldErrorsOf(change.error, t);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await change.run()).ok) onChanged();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="row align-items-end" aria-label={c.statusForm.title}>
      <SelectField
        id="case-status"
        className="col-12 col-md-4"
        label={c.statusForm.status}
        value={status}
        onChange={(v) => setStatus(v as CaseStatus)}
        options={CASE_STATUSES.filter((s) => s !== caseData.status).map((s) => ({
          value: s,
          label: c.statuses[s],
        }))}
        placeholder={t.common.choose}
        required
        error={fieldErrors.status}
      />
      {status === 'closed' && (
        <TextAreaField
          id="case-outcome"
          className="col-12 col-md-8"
          label={c.fields.outcome}
          value={outcome}
          onChange={setOutcome}
          required
          error={fieldErrors.outcome}
        />
      )}
      <div className="col-12 mb-3">
        {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={change.error} />}
        <button type="submit" className="btn btn-outline-primary" disabled={change.pending || !status}>
          {c.statusForm.submit}
        </button>
      </div>
    </form>
  );
}
