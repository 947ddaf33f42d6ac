import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import type { InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import { useT } from '../../i18n/I18nProvider';
import { REQUEST_STATUS_NAMES } from '../../i18n/enumerations';
import { SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { useFilterDraft } from '../../ui/useFilterDraft';

export const REQUEST_FILTER_KEYS = ['stato', 'comune', 'tipo', 'giorno'] as const;
/** The "stato" that lists the open requests whose failed delivery waits for a decision. */
export const AWAITING_DECISION = 'da-decidere';
export type RequestFilterValues = Record<(typeof REQUEST_FILTER_KEYS)[number], string>;

interface RequestFiltersProps {
  value: RequestFilterValues;
  onApply: (filter: RequestFilterValues) => void;
  types: InterventionType[];
  typeName: (type: InterventionType) => string;
  comuni: Comune[];
  ambiti: Ambito[];
}

/** Status, comune, type of help and day of the requests list. */
export function RequestFilters({ value, onApply, types, typeName, comuni, ambiti }: RequestFiltersProps) {
  const t = useT();
  const { draft, set, submit } = useFilterDraft(value, onApply);
  return (
    <form role="search" onSubmit={submit} className="mb-4" aria-label={t.requests.filters}>
      <div className="row align-items-end">
        <SelectField
          id="requests-status"
          className="col-12 col-md-6 col-xl-3"
          label={t.requests.status}
          value={draft.stato}
          onChange={set('stato')}
          options={[
            ...REQUEST_STATUS_NAMES.map((s) => ({ value: s, label: t.requests.statuses[s] })),
            { value: AWAITING_DECISION, label: t.requests.awaitingDecision },
          ]}
          placeholder={t.common.all}
        />
        <SelectField
          id="requests-type"
          className="col-12 col-md-6 col-xl-3"
          label={t.requests.type}
          value={draft.tipo}
          onChange={set('tipo')}
          options={types.map((x) => ({ value: x.id, label: typeName(x) }))}
          placeholder={t.common.all}
        />
        <ComuneSelect
          id="requests-comune"
          className="col-12 col-md-6 col-xl-3"
          label={t.requests.comune}
          value={draft.comune}
          onChange={set('comune')}
          comuni={comuni}
          ambiti={ambiti}
          placeholder={t.common.all}
        />
        <TextField
          id="requests-day"
          className="col-12 col-md-6 col-xl-3"
          type="date"
          label={t.requests.receivedOn}
          value={draft.giorno}
          onChange={set('giorno')}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        {t.common.search}
      </button>
    </form>
  );
}
