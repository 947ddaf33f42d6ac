import { useState } from 'react';
import type { Task, TaskStatus, TasksPage as TasksResults } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { formatCents } from '../../i18n/money';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { personName } from '../../features/people/PeopleTable';
import { useMe } from '../../features/session/SessionProvider';
import { TASKS_PAGE_SIZE, tasksPath } from '../../features/tasks/api';
import { AssignPanel } from '../../features/tasks/AssignPanel';
import { ReimburseForm } from '../../features/tasks/ReimburseForm';
import { TASK_FILTER_KEYS, TaskFilters } from '../../features/tasks/TaskFilters';
import { TasksTable } from '../../features/tasks/TasksTable';
import { comuniOfMemberships } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { useUrlFilter } from '../../ui/useUrlFilter';

type Open = { kind: 'assign' | 'reimburse'; task: Task } | null;

/** The coordinator's day: tasks by date and status; assign from the suggestions, pay back money advanced. */
export function TasksPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const territory = useTerritory();
  const interventions = useInterventionTypes();
  const { filter, page, apply, key } = useUrlFilter(TASK_FILTER_KEYS, { giorno: todayIso() });
  const results = useApi<TasksResults>(
    tasksPath({ date: filter.giorno, status: filter.stato as TaskStatus | '', comune: filter.comune }, page),
  );
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const typeName = (task: Task) => interventions.nameOf(task.interventionTypeId, task.interventionTypeName);
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    results.reload();
  };

  return (
    <Page title={t.tasks.title} lead={t.tasks.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <TaskFilters
        key={key}
        value={filter}
        onApply={apply}
        comuni={comuniOfMemberships(me, territory.comuni)}
        ambiti={territory.ambiti}
      />
      <section aria-labelledby="tasks-results" aria-busy={results.loading}>
        <h2 id="tasks-results" className="h4" aria-live="polite">
          {results.data ? t.tasks.found(results.data.total) : t.common.loading}
        </h2>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
        <ApiErrorAlert error={results.error} />
        {results.loading && !results.data && <Loading />}
        {results.data && (
          <>
            <TasksTable
              tasks={results.data.items}
              caption={t.tasks.caption}
              typeName={interventions.nameOf}
              withDate={!filter.giorno}
              onAssign={(task) => {
                setNotice(null);
                setOpen({ kind: 'assign', task });
              }}
              onReimburse={(task) => {
                setNotice(null);
                setOpen({ kind: 'reimburse', task });
              }}
            />
            <Pager
              page={page}
              pageSize={TASKS_PAGE_SIZE}
              total={results.data.total}
              onPage={(p) => apply(filter, p)}
            />
          </>
        )}
      </section>
      <Dialog
        open={open?.kind === 'assign'}
        title={open ? t.tasks.assignTitle(typeName(open.task), personName(open.task.beneficiary)) : ''}
        closeLabel={t.tasks.close}
        onClose={() => setOpen(null)}
      >
        {open?.kind === 'assign' && (
          <AssignPanel task={open.task} onAssigned={(_, name) => done(t.tasks.assigned(name))} />
        )}
      </Dialog>
      <Dialog
        open={open?.kind === 'reimburse'}
        title={open ? t.tasks.reimburseTitle(open.task.volunteer?.name ?? '') : ''}
        closeLabel={t.tasks.close}
        onClose={() => setOpen(null)}
      >
        {open?.kind === 'reimburse' && (
          <ReimburseForm
            task={open.task}
            onDone={(_, cents) => done(t.tasks.reimbursed(formatCents(cents, locale)))}
          />
        )}
      </Dialog>
    </Page>
  );
}
