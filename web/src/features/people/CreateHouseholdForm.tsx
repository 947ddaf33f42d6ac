import { useState, type FormEvent } from 'react';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { setHousehold } from './api';
import type { HouseholdRelation } from '../../i18n/it';
import { isRelation, relationOptions } from './relations';

/** Opens a household at the person's address, in their comune, with them as its first member. */
export function CreateHouseholdForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const t = useT();
  const [address, setAddress] = useState(person.address ?? '');
  const [relation, setRelation] = useState<HouseholdRelation>('intestatario');
  // One call: the household is created with the person as its first member, or not at all.
  const create = useAction(() =>
    setHousehold(person.id, { householdId: null, relation, newHouseholdAddress: address.trim() }),
  );
  const errors = fieldErrorsOf(create.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await create.run()).ok) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-household-title">
      <h3 id="create-household-title" className="h5">
        {t.household.createTitle}
      </h3>
      <ApiErrorAlert error={create.error} />
      <div className="row">
        <TextField
          id="household-address"
          className="col-12 col-md-6"
          label={t.household.address}
          value={address}
          onChange={setAddress}
          error={errors.newHouseholdAddress}
          required
        />
        <SelectField
          id="household-relation"
          className="col-12 col-md-6"
          label={t.household.relationOf(`${person.givenName} ${person.familyName}`)}
          value={relation}
          onChange={(v) => isRelation(v) && setRelation(v)}
          options={relationOptions(t)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.pending}>
        {t.household.create}
      </button>
    </form>
  );
}
