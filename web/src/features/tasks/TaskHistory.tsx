import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { formatCents } from '../../i18n/money';

type TaskEvent = Task['history'][number];

/**
 * Every step of a task, oldest first: to whom it was assigned and by whom, accepted, declined
 * with the reason, taken back, reassigned, done or not (and why), paid back.
 */
export function TaskHistory({ history, labelledBy }: { history: TaskEvent[]; labelledBy: string }) {
  const { t, locale } = useI18n();
  if (history.length === 0) return <p>{t.tasks.historyEmpty}</p>;
  const title = (e: TaskEvent, index: number) => {
    const volunteer = e.volunteerName ?? t.common.none;
    // A second assignment is a reassignment: the earlier volunteer declined or was taken off.
    const again = e.kind === 'assigned' && history.slice(0, index).some((p) => p.kind === 'assigned');
    return again ? t.tasks.steps.reassigned(volunteer) : t.tasks.steps[e.kind](volunteer);
  };
  const details = (e: TaskEvent): string[] =>
    [
      e.reason ? t.tasks.stepReason(e.reason) : null,
      e.outcomeReason ? t.tasks.stepReason(t.tasks.reasons[e.outcomeReason]) : null,
      e.amountCents ? t.tasks.stepAmount(formatCents(e.amountCents, locale)) : null,
    ].filter((line): line is string => line !== null);
  return (
    <ol className="task-history list-unstyled mb-0" aria-labelledby={labelledBy}>
      {history.map((e, index) => (
        <li key={`${e.at}-${index}`} className="border-start border-3 border-primary ps-3 pb-3">
          <p className="mb-0">
            <strong>{title(e, index)}</strong> · <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
            {e.actorName && e.actorName !== e.volunteerName && <> · {t.tasks.stepBy(e.actorName)}</>}
          </p>
          {details(e).map((line) => (
            <p key={line} className="mb-0 form-text">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
