import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  COMMITMENT_PARTIES,
  INTERVENTION_KINDS,
  PLAN_KINDS,
  type CaseDetail,
  type PlanBody,
} from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { casePath, createPlan } from '../../features/cases/api';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import type { CaseNotice } from './CasePage';

type Goal = PlanBody['goals'][number];
type Commitment = PlanBody['commitments'][number];
type Intervention = PlanBody['interventions'][number];

/** Rows of one list of the plan (goals, commitments, interventions): edit, add, remove. */
function useRows<T>(first: T) {
  const [rows, setRows] = useState<T[]>([first]);
  return {
    rows,
    set: (i: number, patch: Partial<T>) =>
      setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x))),
    add: () => setRows((r) => [...r, first]),
    remove: (i: number) => setRows((r) => r.filter((_, j) => j !== i)),
  };
}

/** A new personalised plan (or inclusion pact): goals with indicators and deadlines, commitments, interventions. */
export function PlanCreatePage() {
  const t = useT();
  const p = t.cases.plan;
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useApi<CaseDetail>(casePath(id));
  const [kind, setKind] = useState<PlanBody['kind']>('personalised');
  const [title, setTitle] = useState('');
  const [reviewDate, setReviewDate] = useState(addDaysIso(todayIso(), 90));
  const goals = useRows<Goal>({ description: '', indicator: '', deadline: addDaysIso(todayIso(), 90) });
  const commitments = useRows<Commitment>({ party: 'beneficiary', description: '' });
  const interventions = useRows<Intervention>({ kind: 'municipal_service', description: '' });
  const create = useAction(() =>
    createPlan(id, {
      kind,
      title,
      reviewDate: reviewDate || null,
      goals: goals.rows,
      commitments: commitments.rows.filter((c) => c.description.trim()),
      interventions: interventions.rows.filter((i) => i.description.trim()),
    }),
  );
  const fieldErrors = fieldErrorsOf(create.error, t);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await create.run()).ok)
      void navigate(`/fascicoli/${id}#case-plans`, { state: { notice: p.created } satisfies CaseNotice });
  };
  const removeButton = (onClick: () => void, what: string) => (
    <div className="col-12 col-md-2 mb-3">
      <button
        type="button"
        className="btn btn-outline-secondary btn-sm"
        onClick={onClick}
        aria-label={`${p.remove}: ${what}`}
      >
        {p.remove}
      </button>
    </div>
  );
  const name = detail.data ? `${detail.data.person.givenName} ${detail.data.person.familyName}` : '';
  return (
    <Page
      title={p.createTitle}
      lead={name || undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.destinations.cases.title, to: '/fascicoli' },
        { label: name ? t.cases.page.title(name) : t.cases.page.loading, to: `/fascicoli/${id}` },
      ]}
    >
      <ApiErrorAlert error={detail.error} />
      {detail.loading && <Loading />}
      {detail.data?.abilities.change && (
        <form onSubmit={onSubmit} noValidate>
          <div className="row">
            <SelectField
              id="plan-kind"
              className="col-12 col-md-6"
              label={p.kind}
              value={kind}
              onChange={(v) => setKind(v as PlanBody['kind'])}
              options={PLAN_KINDS.map((k) => ({ value: k, label: p.kinds[k] }))}
              required
            />
            <TextField
              id="plan-title"
              className="col-12 col-md-6"
              label={p.title}
              value={title}
              onChange={setTitle}
              required
              maxLength={200}
              error={fieldErrors.title}
            />
            <TextField
              id="plan-review"
              className="col-12 col-md-6"
              type="date"
              label={p.reviewDate}
              value={reviewDate}
              onChange={setReviewDate}
              error={fieldErrors.reviewDate}
            />
          </div>
          <fieldset className="mb-4 border rounded p-3">
            <legend className="h4 float-none w-auto px-2">{p.goals}</legend>
            {goals.rows.map((g, i) => (
              <div className="row align-items-end" key={i}>
                <TextField
                  id={`goal-${i}-description`}
                  className="col-12 col-md-4"
                  label={`${p.goal} ${i + 1}`}
                  value={g.description}
                  onChange={(v) => goals.set(i, { description: v })}
                  required
                  error={fieldErrors[`goals/${i}/description`]}
                />
                <TextField
                  id={`goal-${i}-indicator`}
                  className="col-12 col-md-3"
                  label={`${p.indicator} ${i + 1}`}
                  value={g.indicator}
                  onChange={(v) => goals.set(i, { indicator: v })}
                  required
                  error={fieldErrors[`goals/${i}/indicator`]}
                />
                <TextField
                  id={`goal-${i}-deadline`}
                  className="col-12 col-md-3"
                  type="date"
                  label={`${p.deadline} ${i + 1}`}
                  value={g.deadline}
                  onChange={(v) => goals.set(i, { deadline: v })}
                  required
                />
                {goals.rows.length > 1 && removeButton(() => goals.remove(i), `${p.goal} ${i + 1}`)}
              </div>
            ))}
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={goals.add}>
              {p.addGoal}
            </button>
          </fieldset>
          <fieldset className="mb-4 border rounded p-3">
            <legend className="h4 float-none w-auto px-2">{p.commitments}</legend>
            {commitments.rows.map((c, i) => (
              <div className="row align-items-end" key={i}>
                <SelectField
                  id={`commitment-${i}-party`}
                  className="col-12 col-md-4"
                  label={`${p.party} (${i + 1})`}
                  value={c.party}
                  onChange={(v) => commitments.set(i, { party: v as Commitment['party'] })}
                  options={COMMITMENT_PARTIES.map((x) => ({ value: x, label: p.parties[x] }))}
                />
                <TextField
                  id={`commitment-${i}-description`}
                  className="col-12 col-md-6"
                  label={`${p.commitment} ${i + 1}`}
                  value={c.description}
                  onChange={(v) => commitments.set(i, { description: v })}
                />
                {commitments.rows.length > 1 &&
                  removeButton(() => commitments.remove(i), `${p.commitment} ${i + 1}`)}
              </div>
            ))}
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={commitments.add}>
              {p.addCommitment}
            </button>
          </fieldset>
          <fieldset className="mb-4 border rounded p-3">
            <legend className="h4 float-none w-auto px-2">{p.interventions}</legend>
            {interventions.rows.map((x, i) => (
              <div className="row align-items-end" key={i}>
                <SelectField
                  id={`intervention-${i}-kind`}
                  className="col-12 col-md-4"
                  label={`${p.interventionKind} (${i + 1})`}
                  value={x.kind}
                  onChange={(v) => interventions.set(i, { kind: v as Intervention['kind'] })}
                  options={INTERVENTION_KINDS.map((k) => ({ value: k, label: p.interventionKinds[k] }))}
                />
                <TextField
                  id={`intervention-${i}-description`}
                  className="col-12 col-md-6"
                  label={`${p.intervention} ${i + 1}`}
                  value={x.description}
                  onChange={(v) => interventions.set(i, { description: v })}
                />
                {interventions.rows.length > 1 &&
                  removeButton(() => interventions.remove(i), `${p.intervention} ${i + 1}`)}
              </div>
            ))}
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={interventions.add}>
              {p.addIntervention}
            </button>
          </fieldset>
          <ApiErrorAlert error={create.error} />
          <button type="submit" className="btn btn-primary" disabled={create.pending}>
            {p.submit}
          </button>
        </form>
      )}
    </Page>
  );
}
