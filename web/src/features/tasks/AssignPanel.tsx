import { useState } from 'react';
import type { Suggestion, Task } from '../../../../shared/src/tasks/tasks.schemas';
import { ApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { Loading } from '../../ui/Loading';
import { assignTask, suggestionsPath } from './api';
import './assign.css';

interface AssignPanelProps {
  task: Task;
  onAssigned: (task: Task, volunteerName: string) => void;
}

/**
 * The volunteers the server ranks for a task, those who can do it first, with what keeps the
 * others out; one click assigns. A task taken meanwhile by someone else is reported.
 */
export function AssignPanel({ task, onAssigned }: AssignPanelProps) {
  const t = useT();
  const suggestions = useApi<Suggestion[]>(suggestionsPath(task.id));
  const [choosing, setChoosing] = useState<string | null>(null);
  const assign = useAction((s: Suggestion) => assignTask(task.id, s.volunteerId));
  const ranked = [...(suggestions.data ?? [])].sort((a, b) => Number(b.eligible) - Number(a.eligible));
  const taken = assign.error instanceof ApiError && assign.error.code === 'TASK_ALREADY_ASSIGNED';

  const choose = async (s: Suggestion) => {
    setChoosing(s.volunteerId);
    const result = await assign.run(s);
    setChoosing(null);
    if (result.ok) onAssigned(result.value, s.name);
    else suggestions.reload();
  };

  return (
    <section aria-label={t.tasks.suggestionsCaption} aria-busy={suggestions.loading}>
      <p className="mb-3">{t.tasks.suggestionsLead}</p>
      <ApiErrorAlert error={suggestions.error ?? (taken ? null : assign.error)} />
      {taken && <ApiErrorAlert error={assign.error} />}
      {suggestions.loading && !suggestions.data && <Loading />}
      {suggestions.data && ranked.length === 0 && <p>{t.tasks.noSuggestions}</p>}
      <ol className="list-unstyled mb-0 suggestions">
        {ranked.map((s) => (
          <li key={s.volunteerId} className="border rounded p-3 mb-2">
            <div className="d-flex flex-wrap align-items-center justify-content-between gap-2">
              <div>
                <p className="h5 mb-1">{s.name}</p>
                <Badge tone={s.eligible ? 'success' : 'neutral'}>
                  {s.eligible ? t.tasks.eligible : t.tasks.notEligible}
                </Badge>{' '}
                <span className="ms-1">{t.tasks.load(s.tasksThatDay, s.maxTasksPerDay)}</span>
              </div>
              {s.eligible && (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={assign.pending}
                  onClick={() => void choose(s)}
                  aria-busy={choosing === s.volunteerId}
                >
                  {t.tasks.assignTo(s.name)}
                </button>
              )}
            </div>
            <ul className="list-inline suggestion-facts mt-2 mb-0 small">
              {s.sameComune && <li className="list-inline-item">{t.tasks.sameComune}</li>}
              <li className="list-inline-item">{s.inZone ? t.tasks.inZone : t.tasks.outOfZone}</li>
              <li className="list-inline-item">{s.available ? t.tasks.available : t.tasks.notAvailable}</li>
              <li className="list-inline-item">{s.hasCar ? t.tasks.hasCar : t.tasks.noCar}</li>
            </ul>
            {s.problems.length > 0 && (
              <ul className={`mt-2 mb-0 ${s.eligible ? 'suggestion-notes' : 'suggestion-problems'}`}>
                {s.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
