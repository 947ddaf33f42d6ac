import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField } from '../../ui/fields';
import { reassignComune } from './api';

interface ReassignComuneFormProps {
  comune: Comune;
  ambiti: Ambito[];
  onDone: (changed: Comune) => void;
  onCancel: () => void;
}

/** Moves a comune to another Ambito and/or sub-ambito (administrators of both). */
export function ReassignComuneForm({ comune, ambiti, onDone, onCancel }: ReassignComuneFormProps) {
  const t = useT();
  const [ambitoId, setAmbitoId] = useState(comune.ambitoId);
  const [subAmbitoId, setSubAmbitoId] = useState(comune.subAmbitoId ?? '');
  const save = useAction(reassignComune);
  const errors = fieldErrorsOf(save.error, t);
  const heading = useRef<HTMLHeadingElement>(null);
  const subAmbiti = ambiti.find((a) => a.id === ambitoId)?.subAmbiti ?? [];

  useEffect(() => heading.current?.focus(), [comune.istatCode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(comune.istatCode, { ambitoId, subAmbitoId: subAmbitoId || null });
    if (result.ok) onDone(result.value);
  };

  return (
    <form
      className="card card-bg p-3 mb-4 shadow-sm"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="reassign-title"
    >
      <h3 id="reassign-title" ref={heading} tabIndex={-1} className="h5">
        {t.territory.reassignTitle(comune.name)}
      </h3>
      <ApiErrorAlert error={save.error} />
      <div className="row">
        <SelectField
          id="reassign-ambito"
          className="col-12 col-md-6"
          label={t.territory.ambito}
          value={ambitoId}
          onChange={(v) => {
            setAmbitoId(v);
            setSubAmbitoId('');
          }}
          options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
          error={errors.ambitoId}
        />
        <SelectField
          id="reassign-sub-ambito"
          className="col-12 col-md-6"
          label={t.territory.subAmbito}
          value={subAmbitoId}
          onChange={setSubAmbitoId}
          options={subAmbiti.map((s) => ({ value: s.id, label: s.name }))}
          placeholder={t.common.none}
          error={errors.subAmbitoId}
        />
      </div>
      <div className="d-flex flex-wrap gap-3">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          {t.common.save}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
