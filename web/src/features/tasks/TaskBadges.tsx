import type { Task, TaskStatus } from '../../../../shared/src/tasks/tasks.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';

const STATUS_TONES: Record<TaskStatus, BadgeTone> = {
  open: 'warning',
  assigned: 'info',
  accepted: 'info',
  done: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONES[status]}>{t.tasks.statuses[status]}</Badge>;
}

/** "22/11/2026, 09:00–12:00" (or "in giornata"), and the planned time of a published round. */
export function TaskWhen({ task, withDate = true }: { task: Task; withDate?: boolean }) {
  const { t, locale } = useI18n();
  const window =
    task.windowStart && task.windowEnd ? t.tasks.window(task.windowStart, task.windowEnd) : t.tasks.allDay;
  return (
    <>
      {withDate && `${formatDate(task.dueDate, locale)}, `}
      {window}
      {task.plannedStart && (
        <>
          {' '}
          <span className="text-nowrap">({t.tasks.plannedAt(task.plannedStart)})</span>
        </>
      )}
    </>
  );
}
