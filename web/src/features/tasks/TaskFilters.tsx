import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { TASK_STATUS_NAMES } from '../../i18n/enumerations';
import { SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { useFilterDraft } from '../../ui/useFilterDraft';

export const TASK_FILTER_KEYS = ['giorno', 'stato', 'comune'] as const;
export type TaskFilterValues = Record<(typeof TASK_FILTER_KEYS)[number], string>;

interface TaskFiltersProps {
  value: TaskFilterValues;
  onApply: (filter: TaskFilterValues) => void;
  comuni: Comune[];
  ambiti: Ambito[];
}

/** Day, status and comune of the coordinator's task list. */
export function TaskFilters({ value, onApply, comuni, ambiti }: TaskFiltersProps) {
  const t = useT();
  const { draft, set, submit } = useFilterDraft(value, onApply);
  return (
    <form role="search" onSubmit={submit} className="mb-4" aria-label={t.tasks.filters}>
      <div className="row align-items-end">
        <TextField
          id="tasks-day"
          className="col-12 col-md-4"
          type="date"
          label={t.tasks.date}
          value={draft.giorno}
          onChange={set('giorno')}
        />
        <SelectField
          id="tasks-status"
          className="col-12 col-md-4"
          label={t.tasks.status}
          value={draft.stato}
          onChange={set('stato')}
          options={TASK_STATUS_NAMES.map((s) => ({ value: s, label: t.tasks.statuses[s] }))}
          placeholder={t.common.all}
        />
        <ComuneSelect
          id="tasks-comune"
          className="col-12 col-md-4"
          label={t.tasks.comune}
          value={draft.comune}
          onChange={set('comune')}
          comuni={comuni}
          ambiti={ambiti}
          placeholder={t.common.all}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        {t.common.search}
      </button>
    </form>
  );
}
