import { useState, type FormEvent } from 'react';
import { DISCHARGE_STEPS, type Discharge, type Plan } from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { SelectField, TextField } from '../../ui/fields';
import { completeStep, createDischarge, setDischargeHomePlan } from './api';
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

/** The home plan a pathway ends in: shown, and chosen among the case's plans by who may change the file. */
function HomePlan({
  caseId,
  discharge,
  plans,
  canChange,
  onChanged,
}: {
  caseId: string;
  discharge: Discharge;
  plans: Plan[];
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const d = t.cases.discharge;
  const [planId, setPlanId] = useState(discharge.homePlanId ?? '');
  const link = useAction(() => setDischargeHomePlan(caseId, discharge.id, { planId }));
  const current = plans.find((p) => p.id === discharge.homePlanId);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await link.run()).ok) onChanged();
  };
  return (
    <>
      {current && <p className="fw-semibold">{d.homePlanIs(current.title)}</p>}
      {canChange &&
        (plans.length === 0 ? (
          <p className="text-muted">{d.homePlanNone}</p>
        ) : (
          <form onSubmit={onSubmit} noValidate className="d-flex flex-wrap gap-3 align-items-end mb-3">
            <SelectField
              id={`home-plan-${discharge.id}`}
              className="mb-0"
              label={d.homePlan}
              value={planId}
              onChange={setPlanId}
              options={plans.map((p) => ({ value: p.id, label: p.title }))}
              placeholder={t.common.choose}
              required
              error={fieldErrorsOf(link.error, t).planId}
            />
            <button type="submit" className="btn btn-outline-primary" disabled={link.pending || !planId}>
              {d.homePlanSet}
            </button>
          </form>
        ))}
      <ApiErrorAlert error={fieldErrorsOf(link.error, t).planId ? null : link.error} />
    </>
  );
}

/** The pathways of a case: each step with its deadline and responsible, red when late; the home plan. */
export function DischargeList({
  caseId,
  discharges,
  plans,
  canChange,
  onChanged,
}: {
  caseId: string;
  discharges: Discharge[];
  plans: Plan[];
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
          <HomePlan
            caseId={caseId}
            discharge={x}
            plans={plans.filter((p) => p.state !== 'closed')}
            canChange={canChange}
            onChanged={onChanged}
          />
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
      {(
        [
          ['hospital', d.hospital, hospital, setHospital, 'text', true],
          ['ward', d.ward, ward, setWard, 'text', false],
          ['referralOn', d.referralOn, referralOn, setReferralOn, 'date', true],
          ['dischargeOn', d.dischargeOn, dischargeOn, setDischargeOn, 'date', true],
        ] as const
      ).map(([field, label, value, onChange, type, required]) => (
        <TextField
          key={field}
          id={`discharge-${field}`}
          className="col-12 col-md-6"
          type={type}
          label={label}
          value={value}
          onChange={onChange}
          required={required}
          error={fieldErrors[field]}
        />
      ))}
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
