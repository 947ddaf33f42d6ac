import { useState, type FormEvent } from 'react';
import type { Ambito } from '../../../../shared/src/territory/territory.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { createSubAmbito } from './api';

/** Adds a sub-ambito to an Ambito (e.g. the six of the Cremasco), to group its comuni. */
export function SubAmbitoForm({ ambiti, onDone }: { ambiti: Ambito[]; onDone: () => void }) {
  const t = useT();
  const [ambitoId, setAmbitoId] = useState(ambiti[0]?.id ?? '');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = useAction(createSubAmbito);
  const errors = fieldErrorsOf(create.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const result = await create.run({ ambitoId, name: name.trim() });
    if (result.ok) {
      setCreated(result.value.name);
      setName('');
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sub-ambito-title">
      <h3 id="sub-ambito-title" className="h5">
        {t.territory.subAmbitoCreateTitle}
      </h3>
      <ApiErrorAlert error={create.error} />
      {created && <SuccessAlert>{t.territory.subAmbitoCreated(created)}</SuccessAlert>}
      <div className="row align-items-start">
        <SelectField
          id="sub-ambito-ambito"
          className="col-12 col-md-5"
          label={t.territory.ambito}
          value={ambitoId}
          onChange={setAmbitoId}
          options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
          error={errors.ambitoId}
        />
        <TextField
          id="sub-ambito-name"
          className="col-12 col-md-5"
          label={t.territory.subAmbitoName}
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        <div className="col-12 col-md-2 form-group pt-md-4">
          <button type="submit" className="btn btn-primary w-100 mt-md-2" disabled={create.pending}>
            {t.common.add}
          </button>
        </div>
      </div>
    </form>
  );
}
