import { useState, type FormEvent, type ReactNode } from 'react';
import {
  COMMITMENT_PARTIES,
  INTERVENTION_KINDS,
  PLAN_KINDS,
  type InterventionOptions,
  type Plan,
  type PlanBody,
} from '../../../../shared/src/cases/cases.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { interventionOptionsPath } from './api';
import { FormSection } from './CaseFormPage';

type Goal = PlanBody['goals'][number];
type Commitment = PlanBody['commitments'][number];
type Intervention = PlanBody['interventions'][number];

/** The plan's contents as the form edits them (the kind only when creating). */
export type PlanValues = PlanBody;

const blankCommitment = (): Commitment => ({ party: 'beneficiary', description: '' });
const blankIntervention = (): Intervention => ({
  kind: 'municipal_service',
  referenceId: null,
  description: '',
});
const blankGoal = (): Goal => ({ description: '', indicator: '', deadline: addDaysIso(todayIso(), 90) });

export const emptyPlan = (): PlanValues => ({
  kind: 'personalised',
  title: '',
  reviewDate: addDaysIso(todayIso(), 90),
  goals: [blankGoal()],
  commitments: [blankCommitment()],
  interventions: [blankIntervention()],
});

/**
 * A plan as the form edits it: its goals (outcomes stay with the plan), commitments, interventions,
 * with an empty row where a list is empty (empty rows are not sent).
 */
export const planValues = (plan: Plan): PlanValues => ({
  kind: plan.kind,
  title: plan.title,
  reviewDate: plan.reviewDate,
  goals: plan.goals.map(({ description, indicator, deadline }) => ({ description, indicator, deadline })),
  commitments: plan.commitments.length
    ? plan.commitments.map(({ party, description }) => ({ party, description }))
    : [blankCommitment()],
  interventions: plan.interventions.length
    ? plan.interventions.map(({ kind, referenceId, description }) => ({ kind, referenceId, description }))
    : [blankIntervention()],
});

/** One list of the plan: its rows, a remove button per row (while more than one), an add button. */
function Rows<T>({
  legend,
  rows,
  onChange,
  blank,
  addLabel,
  rowName,
  children,
}: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  addLabel: string;
  rowName: (i: number) => string;
  children: (row: T, i: number, set: (patch: Partial<T>) => void) => ReactNode;
}) {
  const t = useT();
  return (
    <FormSection legend={legend}>
      {rows.map((row, i) => (
        <div className="row align-items-end" key={i}>
          {children(row, i, (patch) => onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x))))}
          {rows.length > 1 && (
            <div className="col-12 col-md-2 mb-3">
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={`${t.cases.plan.remove}: ${rowName(i)}`}
              >
                {t.cases.plan.remove}
              </button>
            </div>
          )}
        </div>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={() => onChange([...rows, blank])}
      >
        {addLabel}
      </button>
    </FormSection>
  );
}

/**
 * A plan's form, to create one or to edit a draft: title, kind (new plans only), review date, goals
 * with indicators and deadlines, commitments, and interventions linked to the person's help
 * requests, tasks and catalogue orders or to the comune's municipal services.
 */
export function PlanForm({
  caseId,
  initial,
  withKind,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  caseId: string;
  initial: PlanValues;
  withKind: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: PlanValues) => void;
}) {
  const t = useT();
  const p = t.cases.plan;
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<PlanValues>) => setValues((v) => ({ ...v, ...patch }));
  const choices = useApi<InterventionOptions>(interventionOptionsPath(caseId));
  const fieldErrors = fieldErrorsOf(error, t);
  const errorAt = (list: string, i: number, field: string) =>
    fieldErrors[`${list}/${i}/${field}`] ?? fieldErrors[`${list}.${i}.${field}`];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      ...values,
      reviewDate: values.reviewDate || null,
      commitments: values.commitments.filter((c) => c.description.trim()),
      interventions: values.interventions.filter((i) => i.description.trim()),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="row">
        {withKind && (
          <SelectField
            id="plan-kind"
            className="col-12 col-md-6"
            label={p.kind}
            value={values.kind}
            onChange={(v) => set({ kind: v as PlanValues['kind'] })}
            options={PLAN_KINDS.map((k) => ({ value: k, label: p.kinds[k] }))}
            required
          />
        )}
        <TextField
          id="plan-title"
          className="col-12 col-md-6"
          label={p.title}
          value={values.title}
          onChange={(title) => set({ title })}
          required
          maxLength={200}
          error={fieldErrors.title}
        />
        <TextField
          id="plan-review"
          className="col-12 col-md-6"
          type="date"
          label={p.reviewDate}
          value={values.reviewDate ?? ''}
          onChange={(reviewDate) => set({ reviewDate })}
          error={fieldErrors.reviewDate}
        />
      </div>
      <Rows<Goal>
        legend={p.goals}
        rows={values.goals}
        onChange={(goals) => set({ goals })}
        blank={blankGoal()}
        addLabel={p.addGoal}
        rowName={(i) => `${p.goal} ${i + 1}`}
      >
        {(g, i, patch) => (
          <>
            <TextField
              id={`goal-${i}-description`}
              className="col-12 col-md-4"
              label={`${p.goal} ${i + 1}`}
              value={g.description}
              onChange={(description) => patch({ description })}
              required
              error={errorAt('goals', i, 'description')}
            />
            <TextField
              id={`goal-${i}-indicator`}
              className="col-12 col-md-3"
              label={`${p.indicator} ${i + 1}`}
              value={g.indicator}
              onChange={(indicator) => patch({ indicator })}
              required
              error={errorAt('goals', i, 'indicator')}
            />
            <TextField
              id={`goal-${i}-deadline`}
              className="col-12 col-md-3"
              type="date"
              label={`${p.deadline} ${i + 1}`}
              value={g.deadline}
              onChange={(deadline) => patch({ deadline })}
              required
              error={errorAt('goals', i, 'deadline')}
            />
          </>
        )}
      </Rows>
      <Rows<Commitment>
        legend={p.commitments}
        rows={values.commitments}
        onChange={(commitments) => set({ commitments })}
        blank={blankCommitment()}
        addLabel={p.addCommitment}
        rowName={(i) => `${p.commitment} ${i + 1}`}
      >
        {(c, i, patch) => (
          <>
            <SelectField
              id={`commitment-${i}-party`}
              className="col-12 col-md-4"
              label={`${p.party} (${i + 1})`}
              value={c.party}
              onChange={(v) => patch({ party: v as Commitment['party'] })}
              options={COMMITMENT_PARTIES.map((x) => ({ value: x, label: p.parties[x] }))}
            />
            <TextField
              id={`commitment-${i}-description`}
              className="col-12 col-md-6"
              label={`${p.commitment} ${i + 1}`}
              value={c.description}
              onChange={(description) => patch({ description })}
            />
          </>
        )}
      </Rows>
      <Rows<Intervention>
        legend={p.interventions}
        rows={values.interventions}
        onChange={(interventions) => set({ interventions })}
        blank={blankIntervention()}
        addLabel={p.addIntervention}
        rowName={(i) => `${p.intervention} ${i + 1}`}
      >
        {(x, i, patch) => {
          const linkable = choices.data?.[x.kind] ?? [];
          return (
            <>
              <SelectField
                id={`intervention-${i}-kind`}
                className="col-12 col-md-3"
                label={`${p.interventionKind} (${i + 1})`}
                value={x.kind}
                onChange={(v) => patch({ kind: v as Intervention['kind'], referenceId: null })}
                options={INTERVENTION_KINDS.map((k) => ({ value: k, label: p.interventionKinds[k] }))}
              />
              <SelectField
                id={`intervention-${i}-reference`}
                className="col-12 col-md-3"
                label={`${p.reference} (${i + 1})`}
                value={x.referenceId ?? ''}
                onChange={(v) => {
                  const chosen = linkable.find((c) => c.id === v);
                  patch({
                    referenceId: v || null,
                    ...(chosen && !x.description.trim() ? { description: chosen.label } : {}),
                  });
                }}
                options={linkable.map((c) => ({ value: c.id, label: c.label }))}
                placeholder={p.referenceNone}
                error={errorAt('interventions', i, 'referenceId')}
              />
              <TextField
                id={`intervention-${i}-description`}
                className="col-12 col-md-4"
                label={`${p.intervention} ${i + 1}`}
                value={x.description}
                onChange={(description) => patch({ description })}
              />
            </>
          );
        }}
      </Rows>
      <ApiErrorAlert error={choices.error} />
      <ApiErrorAlert error={error} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
