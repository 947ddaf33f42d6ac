import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { personName } from '../../features/people/PeopleTable';
import { useCan } from '../../features/session/SessionProvider';
import { outstandingCents, taskPath } from '../../features/tasks/api';
import { AssignPanel } from '../../features/tasks/AssignPanel';
import { ReimburseForm } from '../../features/tasks/ReimburseForm';
import { TaskStatusBadge, TaskWhen } from '../../features/tasks/TaskBadges';
import { TaskHistory } from '../../features/tasks/TaskHistory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DetailList } from '../../ui/DetailList';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** One task: where, when, who; assignment from the suggestions and pay-back for the coordinator. */
export function TaskDetailPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data: task, error, loading, reload } = useApi<Task>(taskPath(id));
  const interventions = useInterventionTypes();
  const canReadRequests = useCan('request.read');
  const [notice, setNotice] = useState<string | null>(null);
  const none = t.common.none;
  const title = task
    ? t.tasks.detailTitle(
        interventions.nameOf(task.interventionTypeId, task.interventionTypeName),
        formatDate(task.dueDate, locale),
      )
    : t.tasks.loadingTitle;
  const done = (message: string) => {
    setNotice(message);
    reload();
  };

  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.tasks.title, to: '/compiti' },
      ]}
    >
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      <ApiErrorAlert error={error} />
      {loading && !task && <Loading />}
      {task && (
        <div className="row g-4">
          <section className="col-12 col-lg-7" aria-label={t.tasks.loadingTitle}>
            <DetailList
              items={[
                { term: t.tasks.status, value: <TaskStatusBadge status={task.status} /> },
                { term: t.tasks.when, value: <TaskWhen task={task} /> },
                { term: t.tasks.who, value: personName(task.beneficiary) },
                {
                  term: t.tasks.where,
                  value: `${[task.address, task.comuneName].filter(Boolean).join(', ')}${task.approximateLocation ? ` (${t.tasks.approximate})` : ''}`,
                },
                { term: t.tasks.organization, value: task.organizationName ?? none },
                {
                  term: t.tasks.volunteer,
                  value: task.volunteer ? `${task.volunteer.name}, ${task.volunteer.phone}` : none,
                },
                {
                  term: t.tasks.money,
                  value:
                    task.moneyAdvancedCents > 0
                      ? t.tasks.moneyLine(
                          formatCents(task.moneyAdvancedCents, locale),
                          formatCents(task.moneyReimbursedCents, locale),
                        )
                      : none,
                },
                ...(task.outcomeReason
                  ? [{ term: t.tasks.failReason, value: t.tasks.reasons[task.outcomeReason] }]
                  : []),
                ...(task.outcomeNotes ? [{ term: t.tasks.notes, value: task.outcomeNotes }] : []),
                ...(task.requiresCar ? [{ term: t.tasks.needsCar, value: t.common.yes }] : []),
                ...(task.requiresHealthTraining
                  ? [{ term: t.tasks.needsTraining, value: t.common.yes }]
                  : []),
              ]}
            />
            {canReadRequests && (
              <p>
                <Link to={`/richieste/${task.requestId}`}>{t.tasks.openRequest}</Link>
              </p>
            )}
          </section>
          <div className="col-12 col-lg-5">
            {task.abilities.assign && task.status === 'open' && (
              <section aria-labelledby="task-assign">
                <h2 id="task-assign" className="h4">
                  {t.tasks.assign}
                </h2>
                <AssignPanel task={task} onAssigned={(_, name) => done(t.tasks.assigned(name))} />
              </section>
            )}
            {task.abilities.reimburse && outstandingCents(task) > 0 && (
              <section aria-labelledby="task-reimburse">
                <h2 id="task-reimburse" className="h4">
                  {t.tasks.reimburseTitle(task.volunteer?.name ?? '')}
                </h2>
                <ReimburseForm
                  task={task}
                  onDone={(_, cents) => done(t.tasks.reimbursed(formatCents(cents, locale)))}
                />
              </section>
            )}
          </div>
          <section className="col-12" aria-labelledby="task-history">
            <h2 id="task-history" className="h4">
              {t.tasks.historyTitle}
            </h2>
            <TaskHistory history={task.history} labelledBy="task-history" />
          </section>
        </div>
      )}
    </Page>
  );
}
