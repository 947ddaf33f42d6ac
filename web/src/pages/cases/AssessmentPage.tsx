import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  DEFAULT_ASSESSMENT_FORM,
  SCALES,
  SINA_ASSESSMENT_FIELDS,
  type FormItem,
} from '../../../../shared/src/cases/assessment';
import { SINA_ATTRIBUTES } from '../../../../shared/src/cases/sina';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { recordAssessment } from '../../features/cases/api';
import { CaseFormPage, FormSection } from '../../features/cases/CaseFormPage';
import {
  answeredCount,
  assessmentFieldId,
  scoreSoFar,
  sinaOptions,
} from '../../features/cases/assessmentForm';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import type { CaseNotice } from './CasePage';

type Answers = Record<string, string>;
const FORM = DEFAULT_ASSESSMENT_FORM;

/**
 * Records a multidimensional assessment on the configurable form: per domain its items, the Katz
 * ADL and Lawton IADL scales with their scores computed as they are filled, the SINA fields, notes.
 */
export function AssessmentPage() {
  const t = useT();
  const a = t.cases.assessment;
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [items, setItems] = useState<Answers>({});
  const [scales, setScales] = useState<Record<string, Answers>>({ katz_adl: {}, lawton_iadl: {} });
  const [notes, setNotes] = useState<Answers>({});
  const record = useAction(() =>
    recordAssessment(id, {
      assessedOn,
      items,
      scales: { katz_adl: scales.katz_adl, lawton_iadl: scales.lawton_iadl },
      notes: Object.fromEntries(Object.entries(notes).filter(([, v]) => v.trim())),
    }),
  );
  const fieldErrors = fieldErrorsOf(record.error, t);
  const errorOf = (field: string) => fieldErrors[field];
  const setItem = (key: string) => (v: string) => setItems((x) => ({ ...x, [key]: v }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await record.run();
    if (r.ok)
      void navigate(`/fascicoli/${id}#case-assessments`, {
        state: { notice: a.recorded } satisfies CaseNotice,
      });
    else {
      const first = Object.keys(fieldErrorsOf(record.error, t))[0];
      if (first) document.getElementById(assessmentFieldId(first))?.focus();
    }
  };

  const renderItem = (item: FormItem) => {
    if (item.kind === 'scale') {
      const scale = SCALES[item.key];
      const answers = scales[item.key] ?? {};
      const score = scoreSoFar(scale, answers);
      return (
        <fieldset key={item.key} className="col-12 mb-3" aria-describedby={`${item.key}-score`}>
          <legend className="h6">{scale.label}</legend>
          <p id={`${item.key}-score`} className="fw-semibold" aria-live="polite">
            {a.scoreOf(scale.label)}: {a.score(score, scale.items.length)} ·{' '}
            {a.answered(answeredCount(scale, answers), scale.items.length)}
          </p>
          {errorOf(item.key) && <p className="text-danger">{errorOf(item.key)}</p>}
          <div className="row">
            {scale.items.map((si) => (
              <SelectField
                key={si.key}
                id={assessmentFieldId(`${item.key}.${si.key}`)}
                className="col-12 col-md-6"
                label={si.label}
                value={answers[si.key] ?? ''}
                onChange={(v) => setScales((s) => ({ ...s, [item.key]: { ...s[item.key], [si.key]: v } }))}
                options={si.options.map((o) => ({ value: o.value, label: o.label }))}
                placeholder={t.common.choose}
                required
                error={errorOf(`${item.key}.${si.key}`)}
              />
            ))}
          </div>
        </fieldset>
      );
    }
    const options =
      item.kind === 'sina'
        ? sinaOptions(item.key)
        : item.options.map((o) => ({ value: o.value, label: o.label }));
    return (
      <SelectField
        key={item.key}
        id={assessmentFieldId(item.key)}
        className="col-12 col-md-6"
        label={item.label}
        value={items[item.key] ?? ''}
        onChange={setItem(item.key)}
        options={options}
        placeholder={t.common.choose}
        required={item.required}
        error={errorOf(item.key)}
      />
    );
  };

  return (
    <CaseFormPage caseId={id} title={a.title}>
      {() => (
        <form onSubmit={onSubmit} noValidate>
          <div className="row">
            <TextField
              id={assessmentFieldId('assessedOn')}
              className="col-12 col-md-6"
              type="date"
              label={a.assessedOn}
              value={assessedOn}
              onChange={setAssessedOn}
              required
              error={errorOf('assessedOn')}
            />
          </div>
          {FORM.domains.map((domain) => (
            <FormSection key={domain.key} legend={domain.label}>
              <div className="row">{domain.items.map(renderItem)}</div>
              <TextAreaField
                id={assessmentFieldId(`notes-${domain.key}`)}
                label={`${a.notes} (${domain.label})`}
                value={notes[domain.key] ?? ''}
                onChange={(v) => setNotes((n) => ({ ...n, [domain.key]: v }))}
              />
            </FormSection>
          ))}
          <FormSection legend={a.aboutAssessment}>
            <div className="row">
              {SINA_ASSESSMENT_FIELDS.map((field) => (
                <SelectField
                  key={field}
                  id={assessmentFieldId(field)}
                  className="col-12 col-md-6"
                  label={field === 'FonteDerivazioneValutazione' ? a.source : a.tool}
                  value={items[field] ?? ''}
                  onChange={setItem(field)}
                  options={sinaOptions(field)}
                  placeholder={t.common.choose}
                  required={SINA_ATTRIBUTES[field].required}
                  error={errorOf(field)}
                />
              ))}
            </div>
          </FormSection>
          {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={record.error} />}
          <button type="submit" className="btn btn-primary" disabled={record.pending}>
            {a.submit}
          </button>
        </form>
      )}
    </CaseFormPage>
  );
}
