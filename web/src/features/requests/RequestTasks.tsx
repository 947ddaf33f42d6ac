import type { TasksPage } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { useInterventionTypes } from '../interventions/useInterventionTypes';
import { tasksPath } from '../tasks/api';
import { TasksTable } from '../tasks/TasksTable';

/** The tasks a request became (one per date), for who may read tasks; a count for the others. */
export function RequestTasks({
  requestId,
  taskIds,
  canRead,
}: {
  requestId: string;
  taskIds: string[];
  canRead: boolean;
}) {
  const t = useT();
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
    </>
  );
}
