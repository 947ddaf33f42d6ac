import type { RoundPlanSummary } from '../../../../shared/src/rounds/rounds.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';

const TONES: Record<RoundPlanSummary['status'], BadgeTone> = {
  planning: 'info',
  ready: 'warning',
  failed: 'danger',
  published: 'success',
  superseded: 'neutral',
};

/**
 * The plan in force for a day: the published one that no re-plan replaced, else the newest draft.
 * The server lists the newest first.
 */
export function livePlanOf(plans: readonly RoundPlanSummary[]): RoundPlanSummary | undefined {
  return plans.find((p) => p.status === 'published') ?? plans.find((p) => p.status === 'ready');
}

/** A day's plans (published, drafts, superseded, failed), newest first, each one to open again. */
export function DayPlans({
  date,
  plans,
  onOpen,
}: {
  date: string;
  plans: readonly RoundPlanSummary[];
  onOpen: (planId: string) => void;
}) {
  const { t, locale } = useI18n();
  const live = livePlanOf(plans);
  return (
    <section aria-labelledby="day-plans-title" className="mb-4">
      <h2 id="day-plans-title" className="h4">
        {t.rounds.dayPlansTitle(formatDate(date, locale))}
      </h2>
      {plans.length === 0 ? (
        <p>{t.rounds.dayPlansNone}</p>
      ) : (
        <ul className="list-unstyled day-plans">
          {plans.map((plan) => {
            const status = t.rounds.planStatus[plan.status];
            const when = formatDateTime(plan.publishedAt ?? plan.createdAt, locale);
            return (
              <li key={plan.id} className="d-flex flex-wrap align-items-center gap-2 mb-2">
                <Badge tone={TONES[plan.status]}>{status}</Badge>
                {plan.id === live?.id && <strong>{t.rounds.livePlan}</strong>}
                <span>
                  {plan.organizationName} · {t.rounds.planCreated(formatDateTime(plan.createdAt, locale))}
                </span>
                <button
                  type="button"
                  className={`btn btn-sm ${plan.id === live?.id ? 'btn-primary' : 'btn-outline-primary'}`}
                  onClick={() => onOpen(plan.id)}
                >
                  {t.rounds.openPlan(status, when)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
