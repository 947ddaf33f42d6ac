import { useState, type FormEvent } from 'react';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import type { Option } from '../../ui/fields';
import { useT } from '../../i18n/I18nProvider';
import { SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import type { DashboardFilterValues } from './api';

interface DashboardFiltersProps {
  value: DashboardFilterValues;
  onApply: (filter: DashboardFilterValues) => void;
  ambiti: Ambito[];
  comuni: Comune[];
  organizations: Option[];
}

/** Day (or its week), Ambito, comune and organisation of the steering room. */
export function DashboardFilters({ value, onApply, ambiti, comuni, organizations }: DashboardFiltersProps) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof DashboardFilterValues) => (v: string) =>
    setDraft((d) => ({ ...d, [key]: v, ...(key === 'ambito' ? { comune: '' } : {}) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const shownComuni = draft.ambito ? comuni.filter((c) => c.ambitoId === draft.ambito) : comuni;
  return (
    <form role="search" onSubmit={submit} className="mb-4 no-print" aria-label={t.dashboard.filters}>
      <div className="row align-items-end">
        <TextField
          id="dashboard-day"
          className="col-12 col-md-6 col-xl-3"
          type="date"
          label={t.dashboard.date}
          value={draft.giorno}
          onChange={set('giorno')}
        />
        <SelectField
          id="dashboard-period"
          className="col-12 col-md-6 col-xl-3"
          label={t.dashboard.period}
          value={draft.periodo}
          onChange={set('periodo')}
          options={[{ value: 'settimana', label: t.dashboard.periodWeek }]}
          placeholder={t.dashboard.periodDay}
        />
        <SelectField
          id="dashboard-ambito"
          className="col-12 col-md-6 col-xl-3"
          label={t.dashboard.ambito}
          value={draft.ambito}
          onChange={set('ambito')}
          options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
          placeholder={t.common.all}
        />
        <ComuneSelect
          id="dashboard-comune"
          className="col-12 col-md-6 col-xl-3"
          label={t.dashboard.comune}
          value={draft.comune}
          onChange={set('comune')}
          comuni={shownComuni}
          ambiti={ambiti}
          placeholder={t.common.all}
        />
        <SelectField
          id="dashboard-organization"
          className="col-12 col-md-6 col-xl-3"
          label={t.dashboard.organization}
          value={draft.organizzazione}
          onChange={set('organizzazione')}
          options={organizations}
          placeholder={t.common.all}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        {t.dashboard.apply}
      </button>
    </form>
  );
}
