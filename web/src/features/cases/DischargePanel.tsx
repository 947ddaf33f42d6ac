import { useState, type FormEvent } from 'react';
import { DISCHARGE_STEPS, type Discharge } from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { TextField } from '../../ui/fields';
import { completeStep, createDischarge } from './api';
import './cases.css';

function StepRow({
  caseId,
  step,
  canChange,
  onChanged,
}: {
  caseId: string;
  step: Discharge['steps'][number];
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const d = t.cases.discharge;
  const [on, setOn] = useState(todayIso());
  const complete = useAction(() => completeStep(caseId, step.id, { completedOn: on }));
  const late = step.daysLate > 0 && !step.completedOn;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await complete.run()).ok) onChanged();
  };
  return (
    <li className={`p-3 mb-2 border rounded${late ? ' case-late' : ''}`}>
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <strong>{step.label}</strong>
        {late && <Badge tone="danger">{d.late(step.daysLate)}</Badge>}
        {step.completedOn && (
          <Badge tone="success">{`${d.done} ${formatDate(step.completedOn, locale)}`}</Badge>
        )}
      </div>
      <p className="mb-1">
        {d.deadline}: {formatDate(step.deadline, locale)} · {d.responsible}:{' '}
        {step.responsible?.name ?? t.common.none}
      </p>
      {step.escalatedOn && <p className="mb-1 small">{d.escalated(formatDate(step.escalatedOn, locale))}</p>}
      {canChange && !step.completedOn && (
        <form onSubmit={onSubmit} noValidate className="d-flex flex-wrap gap-3 align-items-end">
          <TextField
            id={`step-done-${step.id}`}
            className="mb-0"
            type="date"
            label={`${d.completedOn} (${step.label})`}
            value={on}
            onChange={setOn}
            required
            error={fieldErrorsOf(complete.error, t).completedOn}
          />
          <button type="submit" className="btn btn-outline-primary" disabled={complete.pending}>
            {d.complete}
          </button>
        </form>
      )}
      <ApiErrorAlert error={fieldErrorsOf(complete.error, t).completedOn ? null : complete.error} />
    </li>
  );
}

/** The pathways of a case: each step with its deadline and responsible, red when late. */
export function DischargeList({
  caseId,
  discharges,
  canChange,
  onChanged,
}: {
  caseId: string;
  discharges: Discharge[];
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const d = t.cases.discharge;
  if (discharges.length === 0) return <p className="text-muted">{d.none}</p>;
  return (
    <>
      {discharges.map((x) => (
        <article key={x.id} aria-labelledby={`discharge-${x.id}`} className="mb-4">
          <h3 id={`discharge-${x.id}`} className="h5 d-flex flex-wrap gap-2 align-items-center">
            {d.checklist(`${x.hospital}${x.ward ? ` (${x.ward})` : ''}`, formatDate(x.dischargeOn, locale))}
            <Badge tone={x.status === 'completed' ? 'success' : 'info'}>
              {x.status === 'completed' ? d.completed : d.inProgress}
            </Badge>
            {x.red && <Badge tone="danger">{d.red}</Badge>}
          </h3>
          <ol className="list-unstyled">
            {x.steps.map((s) => (
              <StepRow
                key={s.id}
                caseId={caseId}
                step={s}
                canChange={canChange && x.status !== 'completed'}
                onChanged={onChanged}
              />
            ))}
          </ol>
        </article>
      ))}
    </>
  );
}

/** Opens a pathway from a hospital referral: dates, and a deadline for each step of the checklist. */
export function DischargeForm({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const d = t.cases.discharge;
  const today = todayIso();
  const [hospital, setHospital] = useState('');
  const [ward, setWard] = useState('');
  const [referralOn, setReferralOn] = useState(today);
  const [dischargeOn, setDischargeOn] = useState(addDaysIso(today, 3));
  const [deadlines, setDeadlines] = useState<Record<string, string>>(
    Object.fromEntries(DISCHARGE_STEPS.map((s, i) => [s.key, addDaysIso(today, i + 1)])),
  );
  const create = useAction(() =>
    createDischarge(caseId, {
      hospital,
      ward: ward || undefined,
      referralOn,
      dischargeOn,
      steps: DISCHARGE_STEPS.map(({ key }) => ({ key, deadline: deadlines[key] ?? today })),
    }),
  );
  const fieldErrors = fieldErrorsOf(create.error, t);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await create.run()).ok) onChanged();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="row" aria-labelledby="discharge-new">
      <h3 id="discharge-new" className="h5 col-12">
        {d.new}
      </h3>
      <TextField
        id="discharge-hospital"
        className="col-12 col-md-6"
        label={d.hospital}
        value={hospital}
        onChange={setHospital}
        required
        error={fieldErrors.hospital}
      />
      <TextField
        id="discharge-ward"
        className="col-12 col-md-6"
        label={d.ward}
        value={ward}
        onChange={setWard}
        error={fieldErrors.ward}
      />
      <TextField
        id="discharge-referral"
        className="col-12 col-md-6"
        type="date"
        label={d.referralOn}
        value={referralOn}
        onChange={setReferralOn}
        required
        error={fieldErrors.referralOn}
      />
      <TextField
        id="discharge-date"
        className="col-12 col-md-6"
        type="date"
        label={d.dischargeOn}
        value={dischargeOn}
        onChange={setDischargeOn}
        required
        error={fieldErrors.dischargeOn}
      />
      <fieldset className="col-12">
        <legend className="h6">{`${d.steps}: ${d.deadline.toLowerCase()}`}</legend>
        <div className="row">
          {DISCHARGE_STEPS.map(({ key, label }) => (
            <TextField
              key={key}
              id={`discharge-step-${key}`}
              className="col-12 col-md-6 col-xl-4"
              type="date"
              label={label}
              value={deadlines[key] ?? ''}
              onChange={(v) => setDeadlines((x) => ({ ...x, [key]: v }))}
              required
            />
          ))}
        </div>
      </fieldset>
      <div className="col-12">
        {fieldErrors.steps && <p className="text-danger">{fieldErrors.steps}</p>}
        {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={create.error} />}
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {d.submit}
        </button>
      </div>
    </form>
  );
}
