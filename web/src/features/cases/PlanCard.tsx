import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  GOAL_OUTCOMES,
  SIGNATURE_METHODS,
  type Plan,
  type PlanTransitionBody,
} from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextField } from '../../ui/fields';
import { transitionPlan } from './api';
import { BudgetPanel } from './BudgetPanel';

type Outcome = (typeof GOAL_OUTCOMES)[number];
type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

const STATE_TONES: Record<Plan['state'], BadgeTone> = {
  draft: 'neutral',
  agreed: 'success',
  under_review: 'warning',
  closed: 'neutral',
};

interface PlanProps {
  caseId: string;
  plan: Plan;
  canChange: boolean;
  onChanged: () => void;
}

/** The next states of a plan, with what each needs: a signature, nothing, or every goal's outcome. */
function Transitions({ caseId, plan, onChanged }: Omit<PlanProps, 'canChange'>) {
  const { t } = useI18n();
  const p = t.cases.plan;
  const [signedOn, setSignedOn] = useState(todayIso());
  const [method, setMethod] = useState<SignatureMethod | ''>('');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome | ''>>({});
  const action = useAction((body: PlanTransitionBody) => transitionPlan(caseId, plan.id, body));
  const fieldErrors = fieldErrorsOf(action.error, t);
  const run = async (body: Omit<PlanTransitionBody, 'version'>) => {
    if ((await action.run({ ...body, version: plan.version })).ok) onChanged();
  };
  const sign = (e: FormEvent) => {
    e.preventDefault();
    void run({ to: 'agreed', signedOn, signatureMethod: method || undefined });
  };
  const close = (e: FormEvent) => {
    e.preventDefault();
    const chosen = Object.fromEntries(Object.entries(outcomes).filter(([, v]) => v)) as Record<
      string,
      Outcome
    >;
    void run({ to: 'closed', outcomes: chosen });
  };
  const id = (field: string) => `plan-${plan.id}-${field}`;
  return (
    <div className="mt-3">
      {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={action.error} />}
      {(plan.state === 'draft' || plan.state === 'under_review') && (
        <form onSubmit={sign} noValidate className="row align-items-end" aria-label={p.agree}>
          <TextField
            id={id('signed-on')}
            className="col-12 col-md-4"
            type="date"
            label={p.signedOn}
            value={signedOn}
            onChange={setSignedOn}
            required
            error={fieldErrors.signedOn}
          />
          <SelectField
            id={id('signature-method')}
            className="col-12 col-md-4"
            label={p.signatureMethod}
            value={method}
            onChange={(v) => setMethod(v as SignatureMethod)}
            options={SIGNATURE_METHODS.map((m) => ({ value: m, label: p.signatureMethods[m] }))}
            placeholder={t.common.choose}
            required
            error={fieldErrors.signatureMethod ?? fieldErrors.goals}
          />
          <div className="col-12 col-md-4 mb-3">
            <button type="submit" className="btn btn-primary" disabled={action.pending}>
              {plan.state === 'draft' ? p.agree : p.reagree}
            </button>
          </div>
        </form>
      )}
      {plan.state === 'agreed' && (
        <button
          type="button"
          className="btn btn-outline-primary mb-3"
          disabled={action.pending}
          onClick={() => void run({ to: 'under_review' })}
        >
          {p.review}
        </button>
      )}
      {(plan.state === 'agreed' || plan.state === 'under_review') && (
        <form onSubmit={close} noValidate className="row align-items-end" aria-label={p.close}>
          {plan.goals.map((g) => (
            <SelectField
              key={g.id}
              id={id(`outcome-${g.id}`)}
              className="col-12 col-md-6"
              label={`${p.outcome}: ${g.description}`}
              value={outcomes[g.id] ?? ''}
              onChange={(v) => setOutcomes((o) => ({ ...o, [g.id]: v as Outcome }))}
              options={GOAL_OUTCOMES.map((o) => ({ value: o, label: p.outcomes[o] }))}
              placeholder={t.common.choose}
              required
            />
          ))}
          {fieldErrors.outcomes && <p className="text-danger col-12">{fieldErrors.outcomes}</p>}
          <div className="col-12 mb-3">
            <button type="submit" className="btn btn-outline-danger" disabled={action.pending}>
              {p.close}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** One plan: goals, commitments, interventions, review date and state, and its budget. */
export function PlanCard({ caseId, plan, canChange, onChanged }: PlanProps) {
  const { t, locale } = useI18n();
  const p = t.cases.plan;
  const headingId = `plan-${plan.id}`;
  return (
    <article aria-labelledby={headingId} className="card card-bg shadow-sm mb-4">
      <div className="card-body">
        <h3 id={headingId} className="h4">
          {plan.title}
        </h3>
        <p className="d-flex flex-wrap gap-2 align-items-center">
          <span>{p.kinds[plan.kind]}</span>
          <Badge tone={STATE_TONES[plan.state]}>{p.states[plan.state]}</Badge>
          {plan.reviewDue && <Badge tone="warning">{p.reviewDue}</Badge>}
          {plan.reviewDate && (
            <span>
              {p.reviewDate}: {formatDate(plan.reviewDate, locale)}
            </span>
          )}
          {plan.signedOn && plan.signatureMethod && (
            <span>
              {p.signed(formatDate(plan.signedOn, locale), p.signatureMethods[plan.signatureMethod])}
            </span>
          )}
          {canChange && (plan.state === 'draft' || plan.state === 'under_review') && (
            <Link
              to={`/fascicoli/${caseId}/progetti/${plan.id}/modifica`}
              className="btn btn-outline-primary btn-sm ms-auto"
              aria-label={`${p.edit}: ${plan.title}`}
            >
              {p.edit}
            </Link>
          )}
        </p>
        <h4 className="h5">{p.goals}</h4>
        <DataTable
          caption={`${p.goals} — ${plan.title}`}
          rows={plan.goals}
          rowKey={(g) => g.id}
          empty={t.common.none}
          columns={[
            { key: 'goal', header: p.goal, render: (g) => g.description },
            { key: 'indicator', header: p.indicator, render: (g) => g.indicator },
            { key: 'deadline', header: p.deadline, render: (g) => formatDate(g.deadline, locale) },
            {
              key: 'outcome',
              header: p.outcome,
              render: (g) => (g.outcome ? p.outcomes[g.outcome] : t.common.none),
            },
          ]}
        />
        <div className="row">
          <div className="col-12 col-lg-6">
            <h4 className="h5">{p.commitments}</h4>
            {plan.commitments.length === 0 ? (
              <p className="text-muted">{t.common.none}</p>
            ) : (
              <ul>
                {plan.commitments.map((c) => (
                  <li key={c.id}>
                    <strong>{p.parties[c.party]}:</strong> {c.description}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="col-12 col-lg-6">
            <h4 className="h5">{p.interventions}</h4>
            {plan.interventions.length === 0 ? (
              <p className="text-muted">{t.common.none}</p>
            ) : (
              <ul>
                {plan.interventions.map((i) => (
                  <li key={i.id}>
                    <strong>{p.interventionKinds[i.kind]}:</strong> {i.description}
                    {i.referenceId && <span className="text-muted"> ({p.linked})</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <h4 className="h5">{t.cases.budget.title}</h4>
        <BudgetPanel caseId={caseId} plan={plan} canChange={canChange} onChanged={onChanged} />
        {canChange && plan.state !== 'closed' && (
          <Transitions caseId={caseId} plan={plan} onChanged={onChanged} />
        )}
      </div>
    </article>
  );
}
