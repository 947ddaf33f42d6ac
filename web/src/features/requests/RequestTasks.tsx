import type { TasksPage } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { useInterventionTypes } from '../interventions/useInterventionTypes';
import { tasksPath } from '../tasks/api';
import { TaskHistory } from '../tasks/TaskHistory';
import { TasksTable } from '../tasks/TasksTable';

/**
 * The tasks a request became (one per date) with each one's history, for who may read tasks;
 * a count for the others.
 */
export function RequestTasks({
  requestId,
  taskIds,
  canRead,
}: {
  requestId: string;
  taskIds: string[];
  canRead: boolean;
}) {
  const { t, locale } = useI18n();
  const tasks = useApi<TasksPage>(canRead && taskIds.length > 0 ? tasksPath({ requestId }) : null);
  const interventions = useInterventionTypes();
  if (taskIds.length === 0) return <p>{t.requests.noTasks}</p>;
  if (!canRead) return <p>{t.tasks.found(taskIds.length)}</p>;
  return (
    <>
      <ApiErrorAlert error={tasks.error} />
      {tasks.data && (
        <TasksTable
          tasks={tasks.data.items}
          caption={t.requests.tasksTitle}
          typeName={interventions.nameOf}
          withDate
        />
      )}
      {tasks.data?.items.map((task) => (
        <section key={task.id} aria-labelledby={`task-history-${task.id}`} className="mt-3">
          <h3 id={`task-history-${task.id}`} className="h5">
            {t.tasks.historyOf(formatDate(task.dueDate, locale))}
          </h3>
          <TaskHistory history={task.history} labelledBy={`task-history-${task.id}`} />
        </section>
      ))}
    </>
  );
}
