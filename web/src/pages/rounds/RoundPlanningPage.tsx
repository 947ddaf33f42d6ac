import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PublishResult, RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { DropOutForm, SubstitutesList, type Candidate } from '../../features/rounds/DropOutPanel';
import { PlanForm } from '../../features/rounds/PlanForm';
import { PlanPreview } from '../../features/rounds/PlanPreview';
import { PlanningProgress } from '../../features/rounds/PlanningProgress';
import { PublishPanel } from '../../features/rounds/PublishPanel';
import { useRoundPlan } from '../../features/rounds/useRoundPlan';
import { moveStop } from '../../features/rounds/api';
import { positionsIn } from '../../features/rounds/moves';
import { useAction } from '../../api/useAction';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const PLAN_PARAM = 'piano';

function PublishedResult({ plan, result }: { plan: RoundPlan; result: PublishResult }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const nameOf = (taskId: string) =>
    plan.rounds.flatMap((r) => r.stops).find((s) => s.taskId === taskId)?.beneficiaryName ?? taskId;
  return (
    <div ref={box} tabIndex={-1} className="mb-4">
      <div className="alert alert-success" role="status">
        <p className="fw-bold mb-0">{t.rounds.published(result.assigned)}</p>
      </div>
      {result.conflicts.length > 0 && (
        <div className="alert alert-warning">
          <p className="fw-bold mb-1">{t.rounds.conflicts(result.conflicts.length)}</p>
          <ul className="mb-0">
            {result.conflicts.map((c) => (
              <li key={c.taskId}>
                {nameOf(c.taskId)}: <span lang="it">{c.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * "Pianifica i giri": a coordinator computes a day's delivery rounds, adjusts them by dragging or
 * with the "Sposta" form, publishes them, and re-plans when a volunteer drops out. The plan being
 * looked at is in the address (?piano=…), so a reload or a shared link shows it again.
 */
export function RoundPlanningPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const planId = params.get(PLAN_PARAM);
  const { plan, error, replace, reload } = useRoundPlan(planId);
  const territory = useTerritory();
  const [publishResult, setPublishResult] = useState<{ planId: string; result: PublishResult } | null>(null);
  const [droppingOut, setDroppingOut] = useState(false);
  const [assigned, setAssigned] = useState('');
  const assign = useAction(moveStop);

  // A substitute takes the task at the end of their round; the re-timed plan shows what that costs.
  const assignTo = async (current: RoundPlan, taskId: string, candidate: Candidate) => {
    const position = positionsIn(current, taskId, candidate.volunteerId) - 1;
    const result = await assign.run(current.id, { taskId, toVolunteerId: candidate.volunteerId, position });
    if (!result.ok) return;
    replace(result.value);
    const name = current.substitutes.find((s) => s.taskId === taskId)?.beneficiaryName ?? '';
    setAssigned(t.rounds.assignedTo(name, candidate.volunteerName));
  };

  const open = (id: string | null) => {
    setDroppingOut(false);
    setParams(id ? { [PLAN_PARAM]: id } : {});
  };

  const status = plan ? t.rounds.statusMessage[plan.status] : '';

  return (
    <Page title={t.rounds.title} lead={t.rounds.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      {!planId && <PlanForm onStarted={open} />}
      {planId && (
        <>
          <ApiErrorAlert error={error} />
          {!plan && !error && <Loading />}
          {plan && (
            <>
              <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
                <h2 className="h3 mb-0">
                  {t.rounds.planHeading(formatDate(plan.date, locale), plan.organizationName)}
                </h2>
                <button type="button" className="btn btn-outline-primary" onClick={() => open(null)}>
                  {t.rounds.newPlan}
                </button>
              </div>
              <p role="status" className="fw-semibold">
                {status}
                {plan.publishedAt && ` ${t.rounds.publishedAt(formatDateTime(plan.publishedAt, locale))}`}
              </p>
              {plan.status === 'planning' && <PlanningProgress plan={plan} />}
              {plan.status === 'failed' && (
                <div className="alert alert-danger">
                  <p lang="it">{plan.error}</p>
                  <button type="button" className="btn btn-primary" onClick={() => open(null)}>
                    {t.rounds.newPlan}
                  </button>
                </div>
              )}
              {publishResult?.planId === plan.id && (
                <PublishedResult plan={plan} result={publishResult.result} />
              )}
              {plan.status === 'published' && !droppingOut && (
                <p>
                  <button
                    type="button"
                    className="btn btn-outline-primary"
                    onClick={() => setDroppingOut(true)}
                  >
                    {t.rounds.dropOut}
                  </button>
                </p>
              )}
              {plan.status === 'published' && droppingOut && (
                <DropOutForm
                  plan={plan}
                  onCancel={() => setDroppingOut(false)}
                  onResult={(result) => {
                    replace(result.replan);
                    open(result.replan.id);
                  }}
                />
              )}
              {plan.droppedVolunteerId && plan.status !== 'planning' && plan.status !== 'failed' && (
                <>
                  <SubstitutesList
                    volunteerName={plan.volunteers.find((v) => v.id === plan.droppedVolunteerId)?.name ?? ''}
                    plan={plan}
                    pending={assign.pending}
                    onAssign={
                      plan.status === 'ready'
                        ? (taskId, candidate) => void assignTo(plan, taskId, candidate)
                        : undefined
                    }
                  />
                  <ApiErrorAlert error={assign.error} />
                  <div role="status">{assigned && <p className="alert alert-info">{assigned}</p>}</div>
                  <h2 className="h4">{t.rounds.replanTitle}</h2>
                  <p>{t.rounds.replanLead}</p>
                </>
              )}
              {(plan.status === 'ready' || plan.status === 'published' || plan.status === 'superseded') && (
                <PlanPreview
                  key={plan.id}
                  plan={plan}
                  comuni={territory.comuni}
                  onChange={plan.status === 'ready' ? replace : undefined}
                />
              )}
              {plan.status === 'ready' && plan.tasksCount === 0 && (
                <p className="alert alert-info">{t.rounds.noTasks}</p>
              )}
              {plan.status === 'ready' && plan.tasksCount > 0 && (
                <PublishPanel
                  plan={plan}
                  onPublished={(result) => {
                    setPublishResult({ planId: plan.id, result });
                    reload();
                  }}
                />
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}
