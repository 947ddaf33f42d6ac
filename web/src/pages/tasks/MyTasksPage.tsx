import { useCallback, useState } from 'react';
import type { TasksPage } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { formatDate } from '../../i18n/format';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { useMe } from '../../features/session/SessionProvider';
import { OfflineBanner, OutboxConflicts } from '../../features/offline/OfflineNotices';
import { useOfflineApp } from '../../features/offline/offlineApp';
import { useOutbox } from '../../features/offline/useOutbox';
import { myTasksPath } from '../../features/tasks/api';
import { TaskCard } from '../../features/tasks/TaskCard';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/**
 * "I miei compiti di oggi": the volunteer's day on a phone, in the order of the round. It works
 * offline: today's and tomorrow's tasks are kept by the service worker, and outcomes recorded
 * without network wait in the phone's queue until it returns.
 */
export function MyTasksPage() {
  const { t, locale } = useI18n();
  const today = todayIso();
  const [date, setDate] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const tasks = useApi<TasksPage>(myTasksPath(date));
  const interventions = useInterventionTypes();
  const { reload } = tasks;
  const outbox = useOutbox(
    useMe().id,
    useCallback(() => reload(), [reload]),
  );
  useOfflineApp([myTasksPath(today), myTasksPath(addDaysIso(today, 1))]);
  const items = [...(tasks.data?.items ?? [])].sort(
    (a, b) =>
      (a.roundPosition ?? 999) - (b.roundPosition ?? 999) ||
      (a.plannedStart ?? a.windowStart ?? '').localeCompare(b.plannedStart ?? b.windowStart ?? ''),
  );
  const days = [
    { date: today, label: t.tasks.today },
    { date: addDaysIso(today, 1), label: t.tasks.tomorrow },
  ];

  return (
    <Page
      title={date === today ? t.tasks.mineTitle : t.tasks.mineTitleOn(formatDate(date, locale))}
      lead={t.tasks.mineLead}
    >
      <div className="btn-group mb-3" role="group" aria-label={t.tasks.dayChoice}>
        {days.map((d) => (
          <button
            key={d.date}
            type="button"
            className={`btn btn-lg ${d.date === date ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={d.date === date}
            onClick={() => {
              setNotice(null);
              setDate(d.date);
            }}
          >
            {d.label}
          </button>
        ))}
      </div>
      <OfflineBanner waiting={outbox.waiting.length} />
      <OutboxConflicts conflicts={outbox.conflicts} onDismiss={(key) => void outbox.dismiss(key)} />
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      <ApiErrorAlert error={tasks.error} />
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.data && (
        <p className="fw-semibold" aria-live="polite">
          {t.tasks.mineCount(items.length)}
        </p>
      )}
      {items.map((task, index) => (
        <TaskCard
          key={task.id}
          task={task}
          position={index + 1}
          typeName={interventions.nameOf(task.interventionTypeId, task.interventionTypeName)}
          queued={outbox.waiting.find((entry) => entry.taskId === task.id)}
          record={outbox.record}
          onChanged={(message) => {
            setNotice(message);
            tasks.reload();
          }}
        />
      ))}
    </Page>
  );
}
