import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { VOLUNTEER_STATUS_NAMES } from '../../i18n/enumerations';
import { SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { useOrganizationOptions } from '../organizations/useOrganizationOptions';
import { useFilterDraft } from '../../ui/useFilterDraft';

export const VOLUNTEER_FILTER_KEYS = ['stato', 'q', 'comune', 'organizzazione'] as const;
export type VolunteerFilterValues = Record<(typeof VOLUNTEER_FILTER_KEYS)[number], string>;

interface VolunteerFiltersProps {
  value: VolunteerFilterValues;
  onApply: (filter: VolunteerFilterValues) => void;
  comuni: Comune[];
  ambiti: Ambito[];
}

/** Status, name or phone, comune and organisation ("individual" for citizens on their own). */
export function VolunteerFilters({ value, onApply, comuni, ambiti }: VolunteerFiltersProps) {
  const t = useT();
  const affiliations = useOrganizationOptions();
  const { draft, set, submit } = useFilterDraft(value, onApply);
  return (
    <form role="search" onSubmit={submit} className="mb-4" aria-label={t.volunteers.filters}>
      <div className="row align-items-end">
        <SelectField
          id="volunteers-status"
          className="col-12 col-md-6 col-xl-3"
          label={t.volunteers.status}
          value={draft.stato}
          onChange={set('stato')}
          options={VOLUNTEER_STATUS_NAMES.map((s) => ({ value: s, label: t.volunteers.statuses[s] }))}
          placeholder={t.common.all}
        />
        <TextField
          id="volunteers-q"
          className="col-12 col-md-6 col-xl-3"
          type="search"
          label={t.volunteers.query}
          value={draft.q}
          onChange={set('q')}
        />
        <ComuneSelect
          id="volunteers-comune"
          className="col-12 col-md-6 col-xl-3"
          label={t.volunteers.comune}
          value={draft.comune}
          onChange={set('comune')}
          comuni={comuni}
          ambiti={ambiti}
          placeholder={t.common.all}
        />
        <SelectField
          id="volunteers-organization"
          className="col-12 col-md-6 col-xl-3"
          label={t.volunteers.organization}
          value={draft.organizzazione}
          onChange={set('organizzazione')}
          options={[...affiliations, { value: 'none', label: t.volunteers.individuals }]}
          placeholder={t.common.all}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        {t.common.search}
      </button>
    </form>
  );
}
