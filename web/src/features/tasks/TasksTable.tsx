import { Link } from 'react-router';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import type { Urgency } from '../../../../shared/src/requests/requests.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCents } from '../../i18n/money';
import { DataTable } from '../../ui/DataTable';
import { UrgencyBadge } from '../requests/RequestBadges';
import { personName } from '../people/PeopleTable';
import { outstandingCents } from './api';
import { TaskStatusBadge, TaskWhen } from './TaskBadges';
import { URGENCY_NAMES } from '../../i18n/enumerations';

interface TasksTableProps {
  tasks: Task[];
  caption: string;
  typeName: (id: string, fallback: string) => string;
  onAssign?: (task: Task) => void;
  onReimburse?: (task: Task) => void;
  /** The day is the filter of the page: show only the time. */
  withDate?: boolean;
}

const urgencyOf = (value: string): Urgency | null => URGENCY_NAMES.find((u) => u === value) ?? null;

/** Tasks with their state; "Assegna" and "Rimborsa" appear only where the server allows them. */
export function TasksTable({
  tasks,
  caption,
  typeName,
  onAssign,
  onReimburse,
  withDate = false,
}: TasksTableProps) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={caption}
      rows={tasks}
      rowKey={(task) => task.id}
      empty={t.tasks.empty}
      columns={[
        { key: 'when', header: t.tasks.when, render: (task) => <TaskWhen task={task} withDate={withDate} /> },
        {
          key: 'what',
          header: t.tasks.what,
          render: (task) => (
            <Link to={`/compiti/${task.id}`} className="fw-semibold">
              {typeName(task.interventionTypeId, task.interventionTypeName)}
            </Link>
          ),
        },
        {
          key: 'where',
          header: t.tasks.where,
          render: (task) => [task.address, task.comuneName].filter(Boolean).join(', '),
        },
        { key: 'who', header: t.tasks.who, render: (task) => personName(task.beneficiary) },
        {
          key: 'urgency',
          header: t.tasks.urgency,
          render: (task) => {
            const urgency = urgencyOf(task.urgency);
            return urgency ? <UrgencyBadge urgency={urgency} /> : task.urgency;
          },
        },
        { key: 'status', header: t.tasks.status, render: (task) => <TaskStatusBadge status={task.status} /> },
        {
          key: 'volunteer',
          header: t.tasks.volunteer,
          render: (task) => task.volunteer?.name ?? t.common.none,
        },
        {
          key: 'money',
          header: t.tasks.money,
          numeric: true,
          render: (task) =>
            task.moneyAdvancedCents > 0
              ? t.tasks.moneyLine(
                  formatCents(task.moneyAdvancedCents, locale),
                  formatCents(task.moneyReimbursedCents, locale),
                )
              : t.common.none,
        },
        {
          key: 'actions',
          header: t.common.actions,
          render: (task) => (
            <div className="d-flex flex-wrap gap-2">
              {onAssign && task.abilities.assign && task.status === 'open' && (
                <button
                  type="button"
                  className="btn btn-primary btn-sm"
                  onClick={() => onAssign(task)}
                  aria-label={`${t.tasks.assign}: ${personName(task.beneficiary)}`}
                >
                  {t.tasks.assign}
                </button>
              )}
              {onReimburse && task.abilities.reimburse && outstandingCents(task) > 0 && (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  onClick={() => onReimburse(task)}
                  aria-label={`${t.tasks.reimburse}: ${task.volunteer?.name ?? personName(task.beneficiary)}`}
                >
                  {t.tasks.reimburse}
                </button>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
