import { useState, type FormEvent } from 'react';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { searchPeople, setHousehold } from './api';
import { personName } from './PeopleTable';
import type { HouseholdRelation } from '../../i18n/it';
import { isRelation, relationOptions } from './relations';

interface AddHouseholdMemberFormProps {
  householdId: string;
  /** Already in the household: not offered again. */
  memberIds: string[];
  onDone: () => void;
}

/** Finds a registered person and adds them to the household with their relation. */
export function AddHouseholdMemberForm({ householdId, memberIds, onDone }: AddHouseholdMemberFormProps) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const [relation, setRelation] = useState<HouseholdRelation>('coniuge');
  const search = useAction(searchPeople);
  const add = useAction((personId: string) => setHousehold(personId, { householdId, relation }));
  const [found, setFound] = useState<Person[] | null>(null);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setChosen('');
    const result = await search.run(query);
    setFound(result.ok ? result.value.items.filter((p) => !memberIds.includes(p.id)) : null);
  };
  const confirm = async () => {
    if (chosen && (await add.run(chosen)).ok) {
      setFound(null);
      setQuery('');
      onDone();
    }
  };

  return (
    <section aria-labelledby="add-member-title" className="mt-4">
      <h3 id="add-member-title" className="h5">
        {t.household.addTitle}
      </h3>
      <form role="search" className="row align-items-end" onSubmit={(e) => void find(e)}>
        <TextField
          id="member-q"
          className="col-12 col-md-8"
          type="search"
          label={t.household.findPerson}
          value={query}
          onChange={setQuery}
        />
        <div className="col-12 col-md-4 form-group">
          <button
            type="submit"
            className="btn btn-outline-primary w-100"
            disabled={search.pending || query.trim().length < 2}
          >
            {t.common.search}
          </button>
        </div>
      </form>
      <ApiErrorAlert error={search.error ?? add.error} />
      {found && found.length === 0 && <p role="status">{t.peopleSearch.noResults}</p>}
      {found && found.length > 0 && (
        <fieldset>
          <legend className="form-legend">{t.household.choosePerson}</legend>
          {found.map((p) => (
            <div className="form-check" key={p.id}>
              <input
                type="radio"
                id={`member-${p.id}`}
                name="member"
                checked={chosen === p.id}
                onChange={() => setChosen(p.id)}
              />
              <label htmlFor={`member-${p.id}`}>
                {personName(p)} · {formatDate(p.birthDate, locale)} · {p.comuneName}
              </label>
            </div>
          ))}
          <div className="row align-items-end mt-3">
            <SelectField
              id="member-relation"
              className="col-12 col-md-8"
              label={t.household.relation}
              value={relation}
              onChange={(v) => isRelation(v) && setRelation(v)}
              options={relationOptions(t)}
            />
            <div className="col-12 col-md-4 form-group">
              <button
                type="button"
                className="btn btn-primary w-100"
                disabled={!chosen || add.pending}
                onClick={() => void confirm()}
              >
                {t.household.add}
              </button>
            </div>
          </div>
        </fieldset>
      )}
    </section>
  );
}
