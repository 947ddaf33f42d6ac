import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import type { Task, TasksPage } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { tasksPath } from '../tasks/api';
import type { DashboardFilterValues } from './api';

// The most the tasks API returns at once; a briefing longer than this is not a briefing.
const MOST = 1000;

/**
 * The task lists of the briefing: the day's unassigned tasks, and the tasks of earlier days
 * still open. The tasks API has no "before a day" or Ambito filter: both are applied here.
 */
export function useBriefingTasks(filter: DashboardFilterValues, comuni: Comune[], enabled: boolean) {
  const common = { comune: filter.comune, organizationId: filter.organizzazione };
  const path = (status: Task['status'], date?: string) =>
    enabled ? tasksPath({ ...common, status, date }, 0, MOST) : null;
  const unassigned = useApi<TasksPage>(path('open', filter.giorno));
  const open = useApi<TasksPage>(path('open'));
  const assigned = useApi<TasksPage>(path('assigned'));
  const accepted = useApi<TasksPage>(path('accepted'));
  const inAmbito = (task: Task) =>
    !filter.ambito || comuni.find((c) => c.istatCode === task.comuneCode)?.ambitoId === filter.ambito;
  const overdue = [open, assigned, accepted]
    .flatMap((r) => r.data?.items ?? [])
    .filter((task) => task.dueDate < filter.giorno && inAmbito(task))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    unassigned: (unassigned.data?.items ?? []).filter(inAmbito),
    overdue,
    loading: [unassigned, open, assigned, accepted].some((r) => r.loading),
    error: unassigned.error ?? open.error ?? assigned.error ?? accepted.error,
  };
}
