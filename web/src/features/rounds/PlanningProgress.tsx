import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DetailList } from '../../ui/DetailList';

/** The planner at work: time spent of the time allowed, and the best plan found so far. */
export function PlanningProgress({ plan }: { plan: RoundPlan }) {
  const { t, locale } = useI18n();
  const progress = plan.progress;
  const elapsed = Math.min(progress?.elapsedMs ?? 0, plan.timeLimitMs);
  const percent = plan.timeLimitMs > 0 ? Math.round((elapsed / plan.timeLimitMs) * 100) : 0;
  const seconds = (ms: number) => formatNumber(Math.round(ms / 100) / 10, locale);
  return (
    <section aria-labelledby="planning-title" className="mb-4">
      <h2 id="planning-title" className="h4">
        {t.rounds.planningTitle}
      </h2>
      <p>{t.rounds.planningLead(plan.tasksCount, plan.volunteersAvailable)}</p>
      <div
        className="progress progress-rounds mb-2"
        role="progressbar"
        aria-label={t.rounds.progressLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t.rounds.progressText(seconds(elapsed), seconds(plan.timeLimitMs))}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="form-text">{t.rounds.progressText(seconds(elapsed), seconds(plan.timeLimitMs))}</p>
      {progress && (
        <DetailList
          items={[
            { term: t.rounds.bestRounds, value: formatNumber(progress.bestVehicles, locale) },
            {
              term: t.rounds.bestDistance,
              value: t.rounds.km(formatNumber(Math.round(progress.bestDistance * 10) / 10, locale)),
            },
            { term: t.rounds.bestUnserved, value: formatNumber(progress.unserved, locale) },
            { term: t.rounds.iterations, value: formatNumber(progress.iteration, locale) },
          ]}
        />
      )}
    </section>
  );
}
